using Farun.Common.Privacy;
using Farun.Web;
using Farun.Web.Features.Platform;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Farun.IntegrationTests.Platform;

public sealed class PersonalDataKeyTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "farun-tests", "keys-" + Guid.NewGuid().ToString("N"));

    private string[] Args(string environment) =>
        [$"--environment={environment}", $"--Farun:DataDir={_dataDir}", "--Database:Provider=Sqlite", "--urls=http://127.0.0.1:0"];

    [Fact]
    public async Task Development_WithoutKeys_GeneratesThemOnceIntoTheDataFolder()
    {
        string ciphertext;
        await using (var first = FarunApp.Build(Args("Development")))
            ciphertext = first.Services.GetRequiredService<PersonalDataProtector>().Encrypt("13812345678");

        var file = Path.Combine(_dataDir, PersonalDataSetup.DevelopmentKeysFileName);
        Assert.True(File.Exists(file));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));

        // The next start loads the same keys: yesterday's data still decrypts.
        await using var second = FarunApp.Build(Args("Development"));
        Assert.Equal("13812345678", second.Services.GetRequiredService<PersonalDataProtector>().Decrypt(ciphertext));
        Assert.NotNull(second.Services.GetRequiredService<BlindIndex>().Compute(BlindIndexKind.Phone, "13812345678"));
    }

    [Fact]
    public async Task Production_WithoutKeys_RefusesToStart_AndGeneratesNothing()
    {
        await using var app = FarunApp.Build(Args("Production"));
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.Contains("Farun__PersonalData__Keys__", error.Message);
        Assert.Contains("Farun:PersonalData:Keys", error.Message);
        Assert.False(File.Exists(Path.Combine(_dataDir, PersonalDataSetup.DevelopmentKeysFileName)));
    }

    [Fact]
    public async Task Production_WithKeysFromConfiguration_UsesThem()
    {
        var key = PersonalDataKeyGenerator.NewKey();
        string[] args = [.. Args("Production"), "--Farun:PersonalData:ActiveKeyId=k1", $"--Farun:PersonalData:Keys:k1={key}",
            $"--Farun:PersonalData:BlindIndexKey={PersonalDataKeyGenerator.NewKey()}"];
        await using var app = FarunApp.Build(args);
        var protector = app.Services.GetRequiredService<PersonalDataProtector>();
        Assert.Equal("k1", protector.ActiveKeyId);
        Assert.StartsWith("pd1:k1:", protector.Encrypt("x"));
        Assert.False(File.Exists(Path.Combine(_dataDir, PersonalDataSetup.DevelopmentKeysFileName)));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
