using System.Xml.Linq;
using Farun.Common.Privacy;
using Farun.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Farun.Web.Features.Platform;

/// <summary>
/// Encrypts the master keys of the ASP.NET Core Data Protection key ring with the personal-data keys
/// (<see cref="PersonalDataProtector"/>, AES-256-GCM) before they are stored in the database.
/// <para>
/// The encrypted element is <c>&lt;encryptedXml xmlns="urn:farun:personal-data"&gt;pd1:{keyId}:…&lt;/encryptedXml&gt;</c>:
/// the ciphertext names the personal-data key it was written with, so after a rotation any configured key still decrypts
/// it. Data Protection stores <see cref="PersonalDataXmlDecryptor"/>'s type name beside it and creates one to read it.
/// </para>
/// </summary>
public sealed class PersonalDataXmlEncryptor : IXmlEncryptor
{
    /// <summary>Namespace of the element written in place of the plaintext key.</summary>
    public const string Namespace = "urn:farun:personal-data";

    /// <summary>Name of the element holding the <see cref="PersonalDataProtector"/> ciphertext of the key XML.</summary>
    public static readonly XName EncryptedElementName = XName.Get("encryptedXml", Namespace);

    private readonly Lazy<PersonalDataProtector> _protector;

    /// <summary>Encrypts with the protector's active key.</summary>
    public PersonalDataXmlEncryptor(PersonalDataProtector protector)
    {
        ArgumentNullException.ThrowIfNull(protector);
        _protector = new(protector);
    }

    /// <summary>Resolves <see cref="PersonalDataProtector"/> from the services when the first key is written: the key
    /// manager is built as soon as the middleware is (antiforgery asks for it), before start-up validates the keys.</summary>
    public PersonalDataXmlEncryptor(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _protector = new(services.GetRequiredService<PersonalDataProtector>);
    }

    /// <inheritdoc />
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var protector = _protector.Value;
        var ciphertext = protector.Encrypt(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var encrypted = new XElement(EncryptedElementName,
            new XComment($" Encrypted with the Farun personal-data key \"{protector.ActiveKeyId}\" ({PersonalDataOptions.SectionName}:Keys). "),
            ciphertext);
        return new EncryptedXmlInfo(encrypted, typeof(PersonalDataXmlDecryptor));
    }
}

/// <summary>
/// Decrypts what <see cref="PersonalDataXmlEncryptor"/> wrote, with whichever configured personal-data key the
/// ciphertext names. Data Protection creates it from the type name stored in the key XML, through
/// <see cref="PersonalDataXmlDecryptor(IServiceProvider)"/>.
/// </summary>
public sealed class PersonalDataXmlDecryptor : IXmlDecryptor
{
    private readonly PersonalDataProtector _protector;

    /// <summary>Used by Data Protection's activator: resolves <see cref="PersonalDataProtector"/> from the services.</summary>
    /// <exception cref="InvalidOperationException">No services (Data Protection used without dependency injection).</exception>
    public PersonalDataXmlDecryptor(IServiceProvider? services)
        : this(services?.GetService<PersonalDataProtector>() ?? throw new InvalidOperationException(
            $"数据保护密钥是用个人信息密钥加密的，但没有可用的 {nameof(PersonalDataProtector)}：请通过依赖注入使用数据保护（services.AddDataProtection）并配置 {PersonalDataOptions.SectionName}"))
    {
    }

    /// <summary>Decrypts with the given protector's keys.</summary>
    public PersonalDataXmlDecryptor(PersonalDataProtector protector)
    {
        ArgumentNullException.ThrowIfNull(protector);
        _protector = protector;
    }

    /// <inheritdoc />
    /// <exception cref="PersonalDataException">Malformed or tampered, or the personal-data key it names is not configured.</exception>
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        if (encryptedElement.Name != PersonalDataXmlEncryptor.EncryptedElementName)
            throw new PersonalDataException($"数据保护密钥格式错误：应为 {PersonalDataXmlEncryptor.EncryptedElementName} 元素，实为 {encryptedElement.Name}");

        string xml;
        try
        {
            xml = _protector.Decrypt(encryptedElement.Value.Trim());
        }
        catch (PersonalDataException e)
        {
            throw new PersonalDataException(
                $"无法解密数据保护密钥（登录 Cookie 和防伪令牌用的密钥）：{e.Message}。请在 {PersonalDataOptions.SectionName}:Keys 中保留加密它时所用的密钥，或运行 pii reencrypt 后再删除旧密钥", e);
        }

        return XElement.Parse(xml);
    }
}

/// <summary>Moves the data-protection keys in the database to the active personal-data key (part of <c>pii reencrypt</c>),
/// so an old personal-data key can be removed without signing everybody out.</summary>
public sealed class DataProtectionKeyRing : IReencryptable
{
    /// <inheritdoc />
    public string Name => "DataProtectionKeys.Xml";

    /// <inheritdoc />
    public async Task<int> ReencryptAsync(FarunDbContext db, PersonalDataProtector protector, CancellationToken ct)
    {
        // A handful of rows (one key every 90 days): all of them are read at once.
        var rows = await db.DataProtectionKeys.Where(k => k.Xml != null).ToListAsync(ct);
        var changed = 0;
        foreach (var row in rows)
        {
            var element = XElement.Parse(row.Xml!);
            var rewritten = false;
            foreach (var encrypted in element.Descendants(PersonalDataXmlEncryptor.EncryptedElementName).ToList())
            {
                if (!NeedsRotation(protector, encrypted.Value.Trim()))
                    continue;
                var reencrypted = new PersonalDataXmlEncryptor(protector).Encrypt(
                    new PersonalDataXmlDecryptor(protector).Decrypt(encrypted)).EncryptedElement;
                encrypted.ReplaceWith(reencrypted);
                rewritten = true;
            }

            if (!rewritten)
                continue;
            row.Xml = element.ToString(SaveOptions.DisableFormatting);
            changed++;
        }

        await db.SaveChangesAsync(ct);
        return changed;
    }

    // A key whose personal-data key is already gone cannot be read by any node either: Data Protection ignores it and
    // makes a new one, so it is left as it is rather than stopping the re-encryption of the personal data.
    private static bool NeedsRotation(PersonalDataProtector protector, string ciphertext)
    {
        try
        {
            return protector.NeedsRotation(ciphertext);
        }
        catch (PersonalDataException)
        {
            return false;
        }
    }
}

/// <summary>Registration of the key-ring encryption.</summary>
public static class DataProtectionKeyEncryption
{
    /// <summary>
    /// Encrypts new data-protection keys with the active personal-data key. Keys stored unencrypted by earlier versions
    /// are still read (Data Protection decrypts only elements marked as encrypted). The protector is resolved when Data
    /// Protection first writes a key, so missing personal-data keys are reported by start-up validation, naming the settings.
    /// </summary>
    public static IDataProtectionBuilder ProtectKeysWithPersonalDataKeys(this IDataProtectionBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(services =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlEncryptor = new PersonalDataXmlEncryptor(services)));
        builder.Services.AddSingleton<IReencryptable, DataProtectionKeyRing>();
        return builder;
    }
}
