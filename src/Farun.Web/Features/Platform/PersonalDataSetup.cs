using System.Text.Json;
using Farun.Common.Privacy;
using Farun.Web.Common;
using Microsoft.Extensions.Options;

namespace Farun.Web.Features.Platform;

/// <summary>
/// Wires the personal-data keys (<see cref="PersonalDataProtector"/>, <see cref="BlindIndex"/>) at start-up.
/// <list type="bullet">
/// <item>Keys come from configuration, <c>Farun:PersonalData</c> (environment: <c>Farun__PersonalData__ActiveKeyId</c>,
/// <c>Farun__PersonalData__Keys__{id}</c>, <c>Farun__PersonalData__BlindIndexKey</c>). Missing or malformed keys stop
/// the web host at start with a message naming the settings.</item>
/// <item>In Development only, when no key at all is configured, a key set is generated once into
/// <c>{Farun:DataDir}/dev-personal-data-keys.json</c> (outside the repository, mode 0600) and loaded from there, so
/// <c>dotnet run</c> works on a fresh machine and data written yesterday still decrypts today. Never in any other
/// environment.</item>
/// </list>
/// </summary>
public static class PersonalDataSetup
{
    public const string DevelopmentKeysFileName = "dev-personal-data-keys.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void AddFarunPersonalData(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (builder.Environment.IsDevelopment() && !AnyKeyConfigured(configuration))
        {
            var path = Path.Combine(FarunOptions.ResolveDataDir(configuration), DevelopmentKeysFileName);
            EnsureDevelopmentKeys(path);
            builder.Configuration.AddJsonFile(path, optional: false, reloadOnChange: false);
        }

        builder.Services.AddPersonalDataProtection(configuration);
        builder.Services.AddSingleton<IValidateOptions<PersonalDataOptions>, ConfigurationHint>();
    }

    /// <summary>Whether any personal-data key setting is present (then the configuration is used as it is, even when incomplete).</summary>
    public static bool AnyKeyConfigured(IConfiguration configuration)
    {
        var section = configuration.GetSection(PersonalDataOptions.SectionName);
        return section.GetSection("Keys").GetChildren().Any()
            || !string.IsNullOrWhiteSpace(section["BlindIndexKey"])
            || !string.IsNullOrWhiteSpace(section["ActiveKeyId"]);
    }

    /// <summary>Creates the development key file unless it exists. Safe when several processes start together:
    /// the file is written aside and moved into place without overwriting, so everybody ends up with the same keys.</summary>
    public static void EnsureDevelopmentKeys(string path)
    {
        if (File.Exists(path))
            return;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var keyId = "dev" + DateTime.UtcNow.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var document = new
        {
            _comment = "Farun personal-data keys for DEVELOPMENT ONLY, generated on first start. Losing this file makes the personal data in this data folder unreadable. Never copy it to a server.",
            Farun = new
            {
                PersonalData = new
                {
                    ActiveKeyId = keyId,
                    Keys = new Dictionary<string, string> { [keyId] = PersonalDataKeyGenerator.NewKey() },
                    BlindIndexKey = PersonalDataKeyGenerator.NewKey(),
                },
            },
        };
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temp, options))
            JsonSerializer.Serialize(stream, document, Indented);
        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process won the race; its keys are the ones everybody uses.
            File.Delete(temp);
        }
    }

    /// <summary>Adds, to the validation failures of missing keys, where to put them.</summary>
    private sealed class ConfigurationHint : IValidateOptions<PersonalDataOptions>
    {
        public ValidateOptionsResult Validate(string? name, PersonalDataOptions options) =>
            options.Validate().Count == 0
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    "个人信息密钥缺失或无效，网站无法启动。请通过环境变量或密钥管理系统配置 Farun__PersonalData__ActiveKeyId、" +
                    "Farun__PersonalData__Keys__<编号>、Farun__PersonalData__BlindIndexKey（各为 Base64 编码的32字节随机数，" +
                    "可用 openssl rand -base64 32 生成；盲索引密钥须与加密密钥不同）。仅开发环境会自动生成密钥。");
    }
}
