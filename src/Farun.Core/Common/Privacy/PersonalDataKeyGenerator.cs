using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;

namespace Farun.Common.Privacy;

/// <summary>
/// Fresh random keys for <see cref="PersonalDataOptions"/>. <see cref="WriteDevelopmentKeys"/> prints a complete
/// configuration for a developer machine and refuses outside Development, so production keys never pass through
/// console output or logs; production keys are generated into the secret store directly (e.g. with
/// <see cref="NewKey"/> in a one-off tool, or <c>openssl rand -base64 32</c>).
/// </summary>
public static class PersonalDataKeyGenerator
{
    /// <summary>Base64 of 32 bytes from the operating system's cryptographic random number generator.</summary>
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// Writes environment-variable lines (for a <c>.env</c> file or <c>dotnet user-secrets</c>) with a new active
    /// encryption key and a new blind-index key. Development only.
    /// </summary>
    /// <exception cref="InvalidOperationException">The environment is not Development.</exception>
    public static void WriteDevelopmentKeys(TextWriter output, IHostEnvironment environment, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(environment);
        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException($"只能在开发环境（Development）中打印开发密钥，当前环境为 {environment.EnvironmentName}。生产密钥应直接生成到密钥管理系统中。");
        }

        var keyId = "dev" + (timeProvider ?? TimeProvider.System).GetUtcNow().ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        output.WriteLine("# Farun personal-data keys for DEVELOPMENT ONLY — never commit them or use them elsewhere.");
        output.WriteLine($"Farun__PersonalData__ActiveKeyId={keyId}");
        output.WriteLine($"Farun__PersonalData__Keys__{keyId}={NewKey()}");
        output.WriteLine($"Farun__PersonalData__BlindIndexKey={NewKey()}");
    }
}
