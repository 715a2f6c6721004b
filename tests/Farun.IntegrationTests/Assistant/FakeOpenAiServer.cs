using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Farun.IntegrationTests.Assistant;

/// <summary>
/// A real HTTP server on a loopback port speaking the OpenAI chat-completions protocol
/// (<c>POST /v1/chat/completions</c>), returning the reply set in <see cref="Reply"/>, waiting <see cref="Delay"/>
/// first, or failing with <see cref="FailWith"/>. It records every request body it receives.
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeOpenAiServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>The endpoint to configure, e.g. http://127.0.0.1:40123/v1.</summary>
    public string BaseUrl { get; }

    public string Reply { get; set; } = "";

    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    public int? FailWith { get; set; }

    public ConcurrentQueue<JsonDocument> Requests { get; } = new();

    public static async Task<FakeOpenAiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        FakeOpenAiServer? server = null;
        app.MapPost("/v1/chat/completions", async (HttpContext http) =>
        {
            var s = server!;
            s.Requests.Enqueue(await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted));
            if (s.Delay > TimeSpan.Zero)
                await Task.Delay(s.Delay, http.RequestAborted);
            if (s.FailWith is { } status)
                return Results.Json(new { error = new { message = "模型出错了", type = "server_error" } }, statusCode: status);
            return Results.Json(new
            {
                id = "chatcmpl-test",
                @object = "chat.completion",
                created = 1_764_000_000,
                model = "fake-model",
                choices = new[] { new { index = 0, message = new { role = "assistant", content = s.Reply }, finish_reason = "stop" } },
                usage = new { prompt_tokens = 100, completion_tokens = 50, total_tokens = 150 },
            });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');
        server = new FakeOpenAiServer(app, address + "/v1");
        return server;
    }

    /// <summary>The user message of the last request (the prompt with the articles and the question).</summary>
    public string LastUserMessage()
    {
        Assert.True(Requests.TryPeek(out _), "The model received no request.");
        var last = Requests.Last();
        var content = last.RootElement.GetProperty("messages").EnumerateArray().Last(m => m.GetProperty("role").GetString() == "user").GetProperty("content");
        return content.ValueKind == JsonValueKind.String
            ? content.GetString()!
            : string.Concat(content.EnumerateArray().Select(p => p.TryGetProperty("text", out var t) ? t.GetString() : ""));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
