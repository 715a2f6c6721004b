using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text;
using Farun.Features.Assistant;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OpenAI;

namespace Farun.Web.Features.Assistant;

/// <summary>A model's explanation, before verification.</summary>
public sealed record LlmReply(string Text, TimeSpan Elapsed);

/// <summary>Asks the optional language model to explain retrieved articles in plain words.</summary>
public interface ILlmAnswerer
{
    bool Enabled { get; }

    /// <summary>The model's reply, or null when it failed or timed out (the caller keeps the default answer).</summary>
    /// <param name="redactedQuestion">The question with personal data already replaced by placeholders.</param>
    /// <param name="articles">The retrieved articles: the only law the model is shown.</param>
    /// <param name="ct">Cancellation.</param>
    Task<LlmReply?> ExplainAsync(string redactedQuestion, IReadOnlyList<RetrievedArticle> articles, CancellationToken ct);
}

/// <summary>
/// <see cref="ILlmAnswerer"/> over any OpenAI-compatible endpoint through <see cref="IChatClient"/>. The prompt holds
/// only the retrieved articles and the redacted question (it is redacted once more here, in case a caller forgot).
/// No retries: a slow model means the default answer, not a longer wait.
/// </summary>
public sealed class OpenAiLlmAnswerer : ILlmAnswerer
{
    public const string SystemPrompt =
        "你是公共法律服务中心的法律助手，回答对象是老年人和外来务工人员。只能依据下面给出的法条回答，用简单易懂的大白话，三到五句话。" +
        "引用法条时写明法律名称和条号，例如《中华人民共和国劳动合同法》第三十条；不得引用没有给出的法条，不得编造。" +
        "问题里的【姓名】【电话】等是隐去的个人信息，不要猜测。不要给出律师意见式的结论。";

    private readonly IChatClient? _client;
    private readonly LlmOptions _options;
    private readonly ILogger<OpenAiLlmAnswerer> _logger;

    public OpenAiLlmAnswerer(IOptions<AssistantOptions> options, ILogger<OpenAiLlmAnswerer> logger)
    {
        _options = options.Value.Llm;
        _logger = logger;
        if (!_options.Enabled)
            return;
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = new Uri(_options.Endpoint!),
            NetworkTimeout = TimeSpan.FromSeconds(Math.Max(1, _options.TimeoutSeconds)),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        };
        var key = string.IsNullOrWhiteSpace(_options.ApiKey) ? "none" : _options.ApiKey;
        _client = new OpenAI.Chat.ChatClient(_options.Model, new ApiKeyCredential(key), clientOptions).AsIChatClient();
    }

    public bool Enabled => _client is not null;

    public async Task<LlmReply?> ExplainAsync(string redactedQuestion, IReadOnlyList<RetrievedArticle> articles, CancellationToken ct)
    {
        if (_client is null || articles.Count == 0)
            return null;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(0.1, _options.TimeoutSeconds)));
        try
        {
            var response = await _client.GetResponseAsync(
                [new ChatMessage(ChatRole.System, SystemPrompt), new ChatMessage(ChatRole.User, BuildPrompt(redactedQuestion, articles))],
                new ChatOptions { Temperature = 0.2f, MaxOutputTokens = 600 },
                timeout.Token);
            var text = response.Text?.Trim();
            return string.IsNullOrEmpty(text) ? null : new LlmReply(text, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            _logger.LogWarning("Language model timed out after {Seconds} s; default answer given", _options.TimeoutSeconds);
            return null;
        }
        catch (Exception e) when (e is ClientResultException or HttpRequestException or IOException or InvalidOperationException or System.Text.Json.JsonException or TimeoutException)
        {
            _logger.LogWarning(e, "Language model failed; default answer given");
            return null;
        }
    }

    /// <summary>The user message: the retrieved articles, then the question, both free of personal data.</summary>
    public static string BuildPrompt(string redactedQuestion, IReadOnlyList<RetrievedArticle> articles)
    {
        var b = new StringBuilder("可以引用的法条（只能引用这些）：\n");
        foreach (var a in articles)
            b.Append(a.Name).Append('：').Append(a.Text.Trim()).Append('\n');
        b.Append("\n群众的问题：").Append(PersonalDataRedactor.Redact(redactedQuestion).Text);
        return b.ToString();
    }
}
