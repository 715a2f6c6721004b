using System.Collections.Concurrent;
using System.Xml.Linq;
using Farun.Common.Privacy;
using Farun.IntegrationTests.Infrastructure;
using Farun.Web.Features.Platform;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Farun.IntegrationTests.Platform;

public sealed class DataProtectionKeyEncryptionTests
{
    private static IDataProtector Protector(FarunFactory factory) =>
        factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("x");

    private static async Task<List<DataProtectionKey>> KeyRowsAsync(FarunFactory factory)
    {
        await using var scope = factory.Scope();
        return await factory.Db(scope).DataProtectionKeys.AsNoTracking().ToListAsync();
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task KeyRing_InDatabase_IsEncryptedWithThePersonalDataKey_AndReadByAnotherNode(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var log = new CapturingLoggerProvider();
        await using var node = new FarunFactory(database, services: s => s.AddSingleton<ILoggerProvider>(log));
        _ = node.Server;
        var payload = Protector(node).Protect("y");
        Assert.Equal("y", Protector(node).Unprotect(payload));

        var rows = await KeyRowsAsync(node);
        Assert.NotEmpty(rows);
        var personalData = node.Services.GetRequiredService<PersonalDataProtector>();
        foreach (var row in rows)
        {
            var key = XElement.Parse(row.Xml!);
            Assert.DoesNotContain(key.Descendants(), e => e.Name.LocalName == "masterKey");
            var secret = Assert.Single(key.Descendants(), e => e.Name.LocalName == "encryptedSecret");
            Assert.StartsWith(typeof(PersonalDataXmlDecryptor).FullName + ",", secret.Attribute("decryptorType")?.Value, StringComparison.Ordinal);
            var encrypted = Assert.Single(secret.Elements(PersonalDataXmlEncryptor.EncryptedElementName));
            Assert.StartsWith("pd1:test:", encrypted.Value.Trim(), StringComparison.Ordinal);

            // What was encrypted is the master key; its value appears nowhere in the stored row.
            var masterKey = new PersonalDataXmlDecryptor(personalData).Decrypt(encrypted);
            Assert.Equal("masterKey", masterKey.Name.LocalName);
            var value = masterKey.Elements().Single(e => e.Name.LocalName == "value").Value;
            Assert.Equal(64, Convert.FromBase64String(value).Length);
            Assert.DoesNotContain(value, row.Xml, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(log.Messages, m => m.Contains("No XML encryptor configured", StringComparison.Ordinal));

        // Another node on the same database creates the decryptor from the stored type name and reads the cookie payload.
        await using var other = new FarunFactory(database);
        _ = other.Server;
        Assert.Equal("y", Protector(other).Unprotect(payload));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UnencryptedKey_StoredByAnEarlierVersion_IsStillUsable(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        // A key made by a key manager without an XML encryptor, as this app wrote them before.
        var legacyDir = new DirectoryInfo(Path.Combine(database.DataDir, "legacy-keys"));
        var legacy = DataProtectionProvider.Create(legacyDir, b => b.SetApplicationName("Farun")).CreateProtector("x");
        var legacyPayload = legacy.Protect("legacy");
        var keyFile = Assert.Single(legacyDir.GetFiles("key-*.xml"));
        var legacyXml = XElement.Load(keyFile.FullName).ToString(SaveOptions.DisableFormatting);
        Assert.Contains("<masterKey", legacyXml, StringComparison.Ordinal);
        Assert.DoesNotContain("encryptedSecret", legacyXml, StringComparison.Ordinal);

        await using (var first = new FarunFactory(database))
        {
            _ = first.Server;
            await using var scope = first.Scope();
            var db = first.Db(scope);
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = Path.GetFileNameWithoutExtension(keyFile.Name), Xml = legacyXml });
            await db.SaveChangesAsync();
        }

        await using var node = new FarunFactory(database);
        _ = node.Server;
        Assert.Equal("legacy", Protector(node).Unprotect(legacyPayload));
        Assert.Equal("new", Protector(node).Unprotect(Protector(node).Protect("new")));
        var rows = await KeyRowsAsync(node);
        Assert.Equal(2, rows.Count);
        Assert.Single(rows, r => r.Xml!.Contains("<masterKey", StringComparison.Ordinal));
        Assert.Single(rows, r => r.Xml!.Contains("pd1:test:", StringComparison.Ordinal));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PersonalDataKeyRotation_ReencryptMovesTheKeyRing_SoTheOldKeyCanBeRemoved(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        string payload;
        await using (var before = new FarunFactory(database))
        {
            _ = before.Server;
            payload = Protector(before).Protect("y");
        }

        var k2 = PersonalDataKeyGenerator.NewKey();
        var rotated = new Dictionary<string, string?>
        {
            ["Farun:PersonalData:ActiveKeyId"] = "k2",
            ["Farun:PersonalData:Keys:k2"] = k2,
        };
        await using (var during = new FarunFactory(database, rotated))
        {
            _ = during.Server;
            // Both keys configured: the old key ring is read as it is.
            Assert.Equal("y", Protector(during).Unprotect(payload));
            var results = await Reencryption.RunAsync(during.Services, "test", CancellationToken.None);
            Assert.Equal(1, Assert.Single(results, r => r.Name == "DataProtectionKeys.Xml").Changed);
            Assert.Equal(0, Assert.Single(await Reencryption.RunAsync(during.Services, "test", CancellationToken.None), r => r.Name == "DataProtectionKeys.Xml").Changed);
            var row = Assert.Single(await KeyRowsAsync(during));
            Assert.Contains("pd1:k2:", row.Xml, StringComparison.Ordinal);
            Assert.DoesNotContain("pd1:test:", row.Xml, StringComparison.Ordinal);
        }

        // The old key is gone (its id now holds other key material): the key ring is still read.
        var oldKeyRemoved = new Dictionary<string, string?>(rotated) { ["Farun:PersonalData:Keys:test"] = PersonalDataKeyGenerator.NewKey() };
        await using var after = new FarunFactory(database, oldKeyRemoved);
        _ = after.Server;
        Assert.Equal("y", Protector(after).Unprotect(payload));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                    owner.Messages.Enqueue(formatter(state, exception));
            }
        }
    }
}
