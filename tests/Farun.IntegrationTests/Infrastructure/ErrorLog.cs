using Microsoft.Extensions.Logging;

namespace Farun.IntegrationTests.Infrastructure;

/// <summary>
/// Writes warnings and errors of every test app to one file (artifacts/test-results/server.log, or
/// FARUN_TEST_SERVER_LOG), so a 500 seen by a test can be explained from CI's output without rerunning.
/// </summary>
public sealed class ErrorLogProvider : ILoggerProvider
{
    private static readonly object Gate = new();

    public static string Path { get; } = Environment.GetEnvironmentVariable("FARUN_TEST_SERVER_LOG") is { Length: > 0 } p
        ? p
        : System.IO.Path.Combine(Prerequisites.RepoRoot, "artifacts", "test-results", "server.log");

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
                return;
            var line = $"{DateTimeOffset.UtcNow:O} {logLevel} {category}: {formatter(state, exception)}{Environment.NewLine}{exception}{Environment.NewLine}";
            lock (Gate)
            {
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
                File.AppendAllText(Path, line);
            }
        }
    }
}
