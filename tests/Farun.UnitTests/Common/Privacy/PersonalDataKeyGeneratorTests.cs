using Farun.Common.Privacy;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Farun.UnitTests.Common.Privacy;

public sealed class PersonalDataKeyGeneratorTests
{
    [Fact]
    public void NewKey_Is32RandomBytes()
    {
        var a = PersonalDataKeyGenerator.NewKey();
        Assert.Equal(32, Convert.FromBase64String(a).Length);
        Assert.NotEqual(a, PersonalDataKeyGenerator.NewKey());
    }

    [Fact]
    public void WriteDevelopmentKeys_Development_PrintsUsableConfiguration()
    {
        using var output = new StringWriter();
        PersonalDataKeyGenerator.WriteDevelopmentKeys(output, new Environment(Environments.Development));

        var settings = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.StartsWith('#'))
            .Select(line => line.Split('=', 2))
            .ToDictionary(parts => parts[0], parts => parts[1]);
        var keyId = settings["Farun__PersonalData__ActiveKeyId"];
        var options = new PersonalDataOptions
        {
            ActiveKeyId = keyId,
            Keys = new Dictionary<string, string> { [keyId] = settings[$"Farun__PersonalData__Keys__{keyId}"] },
            BlindIndexKey = settings["Farun__PersonalData__BlindIndexKey"],
        };
        Assert.Empty(options.Validate());
        Assert.Equal("秘密", new PersonalDataProtector(options).Decrypt(new PersonalDataProtector(options).Encrypt("秘密")));
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void WriteDevelopmentKeys_OtherEnvironment_Refuses(string environment)
    {
        using var output = new StringWriter();
        var ex = Assert.Throws<InvalidOperationException>(() => PersonalDataKeyGenerator.WriteDevelopmentKeys(output, new Environment(environment)));
        Assert.Contains(environment, ex.Message, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output.ToString());
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "Farun.UnitTests";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
