namespace Farun.Web.Common;

/// <summary>Base for errors the user can act on; the exception handler turns them into ProblemDetails.</summary>
public abstract class DomainException(string message) : Exception(message)
{
    public abstract int StatusCode { get; }

    public virtual string Title => "请求无法完成";
}

/// <summary>400: the request is understood but its content is wrong.</summary>
public sealed class BadRequestException(string message, IDictionary<string, string[]>? errors = null) : DomainException(message)
{
    public IDictionary<string, string[]> Errors { get; } = errors ?? new Dictionary<string, string[]>();

    public override int StatusCode => StatusCodes.Status400BadRequest;

    public override string Title => "请求内容有误";

    /// <summary>What to show a person at a form: each field's message, or the summary when no field is named.</summary>
    public IReadOnlyList<string> Messages => Errors.Count > 0 ? [.. Errors.SelectMany(x => x.Value).Distinct()] : [Message];

    public static BadRequestException ForField(string field, string message) =>
        new(message, new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>404: the thing asked for does not exist (or is not visible to the caller).</summary>
public sealed class NotFoundException(string message) : DomainException(message)
{
    public override int StatusCode => StatusCodes.Status404NotFound;

    public override string Title => "未找到";
}

/// <summary>409: the action is not allowed in the current state; names what is allowed instead.</summary>
public sealed class ConflictException(string message, IReadOnlyList<string>? allowedActions = null) : DomainException(message)
{
    public IReadOnlyList<string> AllowedActions { get; } = allowedActions ?? [];

    public override int StatusCode => StatusCodes.Status409Conflict;

    public override string Title => "当前状态不允许此操作";
}

/// <summary>403: authenticated but not allowed.</summary>
public sealed class ForbiddenException(string message) : DomainException(message)
{
    public override int StatusCode => StatusCodes.Status403Forbidden;

    public override string Title => "无权执行此操作";
}
