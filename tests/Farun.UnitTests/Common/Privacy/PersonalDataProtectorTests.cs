using Farun.Common.Privacy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Farun.UnitTests.Common.Privacy;

public sealed class PersonalDataProtectorTests
{
    // Fresh keys per test run: no key material lives in the repository.
    private static readonly string Key1 = PersonalDataKeyGenerator.NewKey();
    private static readonly string Key2 = PersonalDataKeyGenerator.NewKey();
    private static readonly string IndexKey = PersonalDataKeyGenerator.NewKey();

    internal static PersonalDataOptions Options(string active, params (string Id, string Key)[] keys) => new()
    {
        ActiveKeyId = active,
        Keys = keys.ToDictionary(k => k.Id, k => k.Key),
        BlindIndexKey = IndexKey,
    };

    private static PersonalDataProtector Protector(string active, params (string Id, string Key)[] keys) => new(Options(active, keys));

    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("四川省成都市锦江区春熙路街道某某小区3栋2单元501")]
    [InlineData("")]
    [InlineData("𠮷野家 😀")]
    public void Encrypt_ThenDecrypt_RoundTrips(string plaintext)
    {
        var protector = Protector("k1", ("k1", Key1));
        var ciphertext = protector.Encrypt(plaintext);
        Assert.StartsWith("pd1:k1:", ciphertext, StringComparison.Ordinal);
        Assert.DoesNotContain(plaintext.Length > 0 ? plaintext : "\u0001", ciphertext, StringComparison.Ordinal);
        Assert.Equal(plaintext, protector.Decrypt(ciphertext));
    }

    [Fact]
    public void Encrypt_SamePlaintextTwice_DifferentCiphertexts()
    {
        var protector = Protector("k1", ("k1", Key1));
        Assert.NotEqual(protector.Encrypt("13812345678"), protector.Encrypt("13812345678"));
    }

    [Fact]
    public void Rotation_OldCiphertext_DecryptsAndMovesToActiveKey()
    {
        var before = Protector("k1", ("k1", Key1));
        var old = before.Encrypt("11010519491231002X");

        var during = Protector("k2", ("k1", Key1), ("k2", Key2));
        Assert.True(during.NeedsRotation(old));
        Assert.Equal("11010519491231002X", during.Decrypt(old));
        var moved = during.Reencrypt(old);
        Assert.StartsWith("pd1:k2:", moved, StringComparison.Ordinal);
        Assert.False(during.NeedsRotation(moved));
        Assert.Same(moved, during.Reencrypt(moved));

        // Once everything is moved, the old key can go: new data still reads, old data no longer does.
        var after = Protector("k2", ("k2", Key2));
        Assert.Equal("11010519491231002X", after.Decrypt(moved));
        var ex = Assert.Throws<PersonalDataException>(() => after.Decrypt(old));
        Assert.Contains("“k1”未配置", ex.Message, StringComparison.Ordinal);
        Assert.Throws<PersonalDataException>(() => after.NeedsRotation(old));
    }

    [Fact]
    public void Decrypt_FlippedPayloadByte_ThrowsTamperError()
    {
        var protector = Protector("k1", ("k1", Key1));
        var ciphertext = protector.Encrypt("13812345678");
        var payload = Convert.FromBase64String(ciphertext["pd1:k1:".Length..]);
        payload[15] ^= 0x01;
        var tampered = "pd1:k1:" + Convert.ToBase64String(payload);
        var ex = Assert.Throws<PersonalDataException>(() => protector.Decrypt(tampered));
        Assert.Contains("篡改", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decrypt_KeyIdSwappedToAnotherKnownKey_Throws()
    {
        // Both ids hold the same key: only the authenticated header stops the swap from going unnoticed.
        var protector = Protector("k1", ("k1", Key1), ("k9", Key1));
        var ciphertext = protector.Encrypt("13812345678");
        var swapped = "pd1:k9:" + ciphertext["pd1:k1:".Length..];
        Assert.Throws<PersonalDataException>(() => protector.Decrypt(swapped));
    }

    [Theory]
    [InlineData("13812345678", "前缀")]
    [InlineData("pd1:", "密钥编号")]
    [InlineData("pd1::AAAA", "密钥编号")]
    [InlineData("pd1:k1:not base64!", "Base64")]
    [InlineData("pd1:k1:AAAA", "长度不足")]
    [InlineData("pd1:k7:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "“k7”未配置")]
    public void Decrypt_Malformed_ThrowsClearError(string ciphertext, string fragment)
    {
        var protector = Protector("k1", ("k1", Key1));
        var ex = Assert.Throws<PersonalDataException>(() => protector.Decrypt(ciphertext));
        Assert.Contains(fragment, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsProtected_DistinguishesCiphertextFromPlaintext()
    {
        var protector = Protector("k1", ("k1", Key1));
        Assert.True(PersonalDataProtector.IsProtected(protector.Encrypt("x")));
        Assert.False(PersonalDataProtector.IsProtected("13812345678"));
        Assert.False(PersonalDataProtector.IsProtected(null));
    }

    [Fact]
    public void Constructor_NoKeys_FailsNamingTheSetting()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new PersonalDataProtector(new PersonalDataOptions()));
        Assert.Contains("Farun:PersonalData:Keys", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ActiveKeyId", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ShortKey_FailsWithLength()
    {
        var shortKey = Convert.ToBase64String(new byte[16]);
        var ex = Assert.Throws<InvalidOperationException>(() => Protector("k1", ("k1", shortKey)));
        Assert.Contains("Farun:PersonalData:Keys:k1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("16字节", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("k1", "k1", "not base64!", "Base64")]
    [InlineData("k2", "k1", null, "“k2”不在")]
    [InlineData("k:1", "k:1", null, "密钥编号“k:1”无效")]
    public void Constructor_BadKeyConfiguration_Fails(string active, string id, string? key, string fragment)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Protector(active, (id, key ?? Key1)));
        Assert.Contains(fragment, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BlindIndexKeyEqualToEncryptionKey_Rejected()
    {
        var options = Options("k1", ("k1", Key1));
        options.BlindIndexKey = Key1;
        Assert.Contains(options.Validate(), p => p.Contains("BlindIndexKey 不能与加密密钥相同", StringComparison.Ordinal));
    }

    [Fact]
    public void AddPersonalDataProtection_ConfiguredSection_ResolvesWorkingServices()
    {
        using var provider = BuildProvider(new Dictionary<string, string?>
        {
            ["Farun:PersonalData:ActiveKeyId"] = "k2",
            ["Farun:PersonalData:Keys:k1"] = Key1,
            ["Farun:PersonalData:Keys:k2"] = Key2,
            ["Farun:PersonalData:BlindIndexKey"] = IndexKey,
        });
        provider.GetRequiredService<IStartupValidator>().Validate();
        var protector = provider.GetRequiredService<PersonalDataProtector>();
        Assert.Equal("k2", protector.ActiveKeyId);
        Assert.Equal("张三", protector.Decrypt(protector.Encrypt("张三")));
        Assert.NotNull(provider.GetRequiredService<BlindIndex>().Compute(BlindIndexKind.Name, "张三"));
    }

    [Fact]
    public void AddPersonalDataProtection_MissingKeys_FailsAtStartValidation()
    {
        using var provider = BuildProvider(new Dictionary<string, string?> { ["Farun:PersonalData:ActiveKeyId"] = "k1" });
        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("Farun:PersonalData:Keys", ex.Message, StringComparison.Ordinal);
        Assert.Contains("BlindIndexKey", ex.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider BuildProvider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddPersonalDataProtection(configuration).BuildServiceProvider();
    }
}
