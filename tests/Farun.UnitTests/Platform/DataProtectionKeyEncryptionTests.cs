using System.Xml.Linq;
using Farun.Common.Privacy;
using Farun.Web.Features.Platform;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Farun.UnitTests.Platform;

public sealed class DataProtectionKeyEncryptionTests
{
    // Fresh keys per test run: no key material lives in the repository.
    private static readonly string Key1 = PersonalDataKeyGenerator.NewKey();
    private static readonly string Key2 = PersonalDataKeyGenerator.NewKey();
    private static readonly string IndexKey = PersonalDataKeyGenerator.NewKey();

    private static PersonalDataProtector Protector(string active, params (string Id, string Key)[] keys) => new(new PersonalDataOptions
    {
        ActiveKeyId = active,
        Keys = keys.ToDictionary(k => k.Id, k => k.Key),
        BlindIndexKey = IndexKey,
    });

    /// <summary>The element Data Protection hands to the encryptor: a fresh key's &lt;masterKey&gt;, marked requiresEncryption,
    /// standing alone (it is cut out of its descriptor, so it declares its own namespace prefix).</summary>
    private static XElement MasterKeyElement()
    {
        var descriptor = new AuthenticatedEncryptorConfiguration().CreateNewDescriptor().ExportToXml().SerializedDescriptorElement;
        return XElement.Parse(descriptor.Descendants().Single(e => e.Name.LocalName == "masterKey").ToString());
    }

    private static string MasterKeyValue(XElement masterKey) => masterKey.Elements().Single(e => e.Name.LocalName == "value").Value;

    [Fact]
    public void Encrypt_ThenDecrypt_GivesTheSameXml()
    {
        var protector = Protector("k1", ("k1", Key1));
        var masterKey = MasterKeyElement();

        var info = new PersonalDataXmlEncryptor(protector).Encrypt(masterKey);
        Assert.Equal(typeof(PersonalDataXmlDecryptor), info.DecryptorType);
        var decrypted = new PersonalDataXmlDecryptor(protector).Decrypt(info.EncryptedElement);

        Assert.True(XNode.DeepEquals(masterKey, decrypted), decrypted.ToString());
        Assert.Equal(MasterKeyValue(masterKey), MasterKeyValue(decrypted));
    }

    [Fact]
    public void Encrypt_MasterKey_ElementHoldsOnlyTheCiphertextNamingTheKey()
    {
        var protector = Protector("k1", ("k1", Key1));
        var masterKey = MasterKeyElement();
        var value = MasterKeyValue(masterKey);
        Assert.Equal(64, Convert.FromBase64String(value).Length);

        var encrypted = new PersonalDataXmlEncryptor(protector).Encrypt(masterKey).EncryptedElement;
        var xml = encrypted.ToString();

        Assert.Equal(PersonalDataXmlEncryptor.EncryptedElementName, encrypted.Name);
        Assert.DoesNotContain(value, xml, StringComparison.Ordinal);
        Assert.DoesNotContain("masterKey", xml, StringComparison.Ordinal);
        Assert.StartsWith("pd1:k1:", encrypted.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Decrypt_AfterRotation_SecondKeyAddedAndActive_ReadsOldAndNewKeys()
    {
        var masterKey = MasterKeyElement();
        var old = new PersonalDataXmlEncryptor(Protector("k1", ("k1", Key1))).Encrypt(masterKey).EncryptedElement;

        var rotated = Protector("k2", ("k1", Key1), ("k2", Key2));
        var decryptor = new PersonalDataXmlDecryptor(rotated);
        Assert.True(XNode.DeepEquals(masterKey, decryptor.Decrypt(old)));

        var next = MasterKeyElement();
        var fresh = new PersonalDataXmlEncryptor(rotated).Encrypt(next).EncryptedElement;
        Assert.StartsWith("pd1:k2:", fresh.Value, StringComparison.Ordinal);
        Assert.True(XNode.DeepEquals(next, decryptor.Decrypt(fresh)));
    }

    [Fact]
    public void Decrypt_ProtectorWithoutTheKey_ThrowsNamingTheMissingKey()
    {
        var encrypted = new PersonalDataXmlEncryptor(Protector("k1", ("k1", Key1))).Encrypt(MasterKeyElement()).EncryptedElement;

        var error = Assert.Throws<PersonalDataException>(() => new PersonalDataXmlDecryptor(Protector("k2", ("k2", Key2))).Decrypt(encrypted));

        Assert.Contains("无法解密数据保护密钥", error.Message, StringComparison.Ordinal);
        Assert.Contains("“k1”未配置", error.Message, StringComparison.Ordinal);
        Assert.Contains("Farun:PersonalData:Keys", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decrypt_SameKeyIdButDifferentKeyMaterial_Throws()
    {
        var encrypted = new PersonalDataXmlEncryptor(Protector("k1", ("k1", Key1))).Encrypt(MasterKeyElement()).EncryptedElement;

        var error = Assert.Throws<PersonalDataException>(() => new PersonalDataXmlDecryptor(Protector("k1", ("k1", Key2))).Decrypt(encrypted));
        Assert.Contains("校验失败", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decryptor_CreatedAsDataProtectionDoes_ResolvesTheProtectorFromServices()
    {
        var protector = Protector("k1", ("k1", Key1));
        var masterKey = MasterKeyElement();
        var info = new PersonalDataXmlEncryptor(protector).Encrypt(masterKey);
        using var services = new ServiceCollection().AddSingleton(protector).BuildServiceProvider();

        // Data Protection stores the assembly-qualified type name and calls its (IServiceProvider) constructor.
        var type = Type.GetType(info.DecryptorType.AssemblyQualifiedName!, throwOnError: true)!;
        var decryptor = (PersonalDataXmlDecryptor)type.GetConstructor([typeof(IServiceProvider)])!.Invoke([services]);

        Assert.True(XNode.DeepEquals(masterKey, decryptor.Decrypt(info.EncryptedElement)));
    }

    [Fact]
    public void Decryptor_WithoutServices_ThrowsInvalidOperation()
    {
        using var services = new ServiceCollection().BuildServiceProvider();
        Assert.Throws<InvalidOperationException>(() => new PersonalDataXmlDecryptor((IServiceProvider?)null));
        Assert.Throws<InvalidOperationException>(() => new PersonalDataXmlDecryptor((IServiceProvider)services));
    }
}
