using System.Diagnostics;

namespace Farun.IntegrationTests.Infrastructure;

/// <summary>Runs the real Farun executable (the built Farun.Web.dll) with a verb, as a separate process.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed);

    public static async Task<Result> RunAsync(TestDatabase database, string? stdin, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Farun.Web.dll");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = database.DataDir,
        };
        psi.ArgumentList.Add(dll);
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_ENVIRONMENT"] = "Production";
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["Database__Provider"] = database.Provider.ToString();
        psi.Environment["ConnectionStrings__Farun"] = database.ConnectionString;
        psi.Environment["Farun__DataDir"] = database.DataDir;
        foreach (var (key, value) in database.PersonalDataSettings)
            psi.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(psi)!;
        if (stdin is not null)
            await process.StandardInput.WriteLineAsync(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr, watch.Elapsed);
    }
}
