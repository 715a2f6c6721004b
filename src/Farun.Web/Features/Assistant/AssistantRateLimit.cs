using System.Security.Claims;
using Farun.Web.Features.Platform;
using Microsoft.Extensions.Options;

namespace Farun.Web.Features.Assistant;

/// <summary>
/// Per-client limits of the assistant, counted in the database so every node agrees: questions per window for each
/// client (a signed-in caller or API token by its id, anyone else by IP address), and hand-offs per hour, so a script
/// cannot fill the staff queue.
/// </summary>
public sealed class AssistantRateLimit(IRateLimiter limiter, IOptions<AssistantOptions> options)
{
    public const int HandOffsPerHour = 5;

    public Task<RateLimitDecision> CheckAskAsync(HttpContext http, CancellationToken ct)
    {
        var o = options.Value;
        return limiter.TryAcquireAsync([new RateLimitRule($"assistant:ask:{Client(http)}", o.RequestsPerWindow, TimeSpan.FromSeconds(o.WindowSeconds), "提问太频繁了，请稍等一会儿再问。")], ct);
    }

    public Task<RateLimitDecision> CheckHandOffAsync(HttpContext http, CancellationToken ct) =>
        limiter.TryAcquireAsync([new RateLimitRule($"assistant:handoff:{Client(http)}", HandOffsPerHour, TimeSpan.FromHours(1), "转人工的次数太多了，请拨打12348或到服务点咨询。")], ct);

    /// <summary>Throws 429 (with Retry-After) when refused.</summary>
    public static void ThrowIfRefused(RateLimitDecision decision)
    {
        if (!decision.Allowed)
            throw new TooManyRequestsException(decision.RefusedBy!.Message, decision.RetryAfter);
    }

    private static string Client(HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated == true && http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } id)
            return "user:" + id;
        return "ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }
}
