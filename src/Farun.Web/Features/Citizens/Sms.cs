using System.Collections.Concurrent;
using Farun.Common.Privacy;
using Farun.Web.Common;

namespace Farun.Web.Features.Citizens;

/// <summary>A text message from a provider template: Chinese SMS gateways send approved templates with parameters.</summary>
/// <param name="Phone">Canonical mainland mobile number.</param>
/// <param name="Template">Template name, e.g. <see cref="SmsTemplates.SignInCode"/>.</param>
public sealed record SmsMessage(string Phone, string Template, IReadOnlyDictionary<string, string> Parameters)
{
    /// <summary>The text as the citizen reads it (for logs in Development, and providers that take plain text).</summary>
    public string Text => SmsTemplates.Render(Template, Parameters);
}

public static class SmsTemplates
{
    /// <summary>Parameters: code, minutes.</summary>
    public const string SignInCode = "signin-code";

    public static string Render(string template, IReadOnlyDictionary<string, string> p) => template switch
    {
        SignInCode => $"【法润】您的登录验证码为{p["code"]}，{p["minutes"]}分钟内有效。请勿告诉他人；如非本人操作，请忽略本短信。",
        _ => throw new ArgumentOutOfRangeException(nameof(template), template, "Unknown SMS template."),
    };
}

/// <summary>
/// Sends text messages. Production needs an implementation for the bureau's SMS gateway, registered as a singleton
/// before the app's services (the app registers its default with TryAdd). Without one, sending answers 503
/// (<see cref="SmsNotConfiguredException"/>). In Development the message is written to the log instead.
/// </summary>
public interface ISmsSender
{
    Task SendAsync(SmsMessage message, CancellationToken ct);
}

/// <summary>503: no SMS gateway is configured on this server.</summary>
public sealed class SmsNotConfiguredException() : DomainException("短信服务尚未配置，暂时无法发送验证码。请拨打12348公共法律服务热线或到服务窗口办理。")
{
    public override int StatusCode => StatusCodes.Status503ServiceUnavailable;

    public override string Title => "短信服务不可用";
}

/// <summary>The default outside Development: refuses to send, so a missing gateway is visible instead of silent.</summary>
public sealed class NotConfiguredSmsSender : ISmsSender
{
    public Task SendAsync(SmsMessage message, CancellationToken ct) => throw new SmsNotConfiguredException();
}

/// <summary>Development and tests: writes each message to the log (the code included, the phone masked) and keeps the
/// last message per phone in <see cref="DevelopmentSmsOutbox"/>. Never registered in Production.</summary>
public sealed class LoggingSmsSender(DevelopmentSmsOutbox outbox, ILogger<LoggingSmsSender> logger) : ISmsSender
{
    public Task SendAsync(SmsMessage message, CancellationToken ct)
    {
        outbox.Add(message);
        logger.LogWarning("DEVELOPMENT SMS (not sent) to {Phone}: {Text}", Mask.Phone(message.Phone), message.Text);
        return Task.CompletedTask;
    }
}

/// <summary>The last message sent to each phone by <see cref="LoggingSmsSender"/>: lets tests and developers read codes.
/// Registered only where <see cref="LoggingSmsSender"/> is.</summary>
public sealed class DevelopmentSmsOutbox
{
    private const int Capacity = 1000;
    private readonly ConcurrentDictionary<string, SmsMessage> _last = new(StringComparer.Ordinal);

    public void Add(SmsMessage message)
    {
        if (_last.Count >= Capacity)
            _last.Clear();
        _last[message.Phone] = message;
    }

    public SmsMessage? Last(string phone) =>
        Farun.Common.Validation.PhoneNumber.TryNormalize(phone, out var p, out _) && _last.TryGetValue(p.Canonical, out var m) ? m : null;

    /// <summary>The last sign-in code sent to <paramref name="phone"/>, or null.</summary>
    public string? LastCode(string phone) =>
        Last(phone) is { Template: SmsTemplates.SignInCode } m ? m.Parameters["code"] : null;
}
