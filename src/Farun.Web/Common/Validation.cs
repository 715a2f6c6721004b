using FluentValidation;

namespace Farun.Web.Common;

/// <summary>Endpoint filter: validates the argument of type <typeparamref name="T"/> with its FluentValidation validator.</summary>
public sealed class ValidationFilter<T> : IEndpointFilter
    where T : class
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var validator = context.HttpContext.RequestServices.GetService<IValidator<T>>()
            ?? throw new InvalidOperationException($"No validator registered for {typeof(T).Name}.");
        var argument = context.Arguments.OfType<T>().FirstOrDefault()
            ?? throw new BadRequestException("请求内容不能为空。");
        await validator.ValidateAndThrowAsync(argument, context.HttpContext.RequestAborted);
        return await next(context);
    }
}

public static class ValidationExtensions
{
    public static RouteHandlerBuilder Validate<T>(this RouteHandlerBuilder builder)
        where T : class => builder.AddEndpointFilter<ValidationFilter<T>>().ProducesValidationProblem();

    /// <summary>Rejects control characters other than tab and line breaks: they are never legitimate user text.</summary>
    public static IRuleBuilderOptions<T, string?> NoControlCharacters<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(s => s is null || !s.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
            .WithMessage("{PropertyName}含有不可见的控制字符，请删除后重试。");
}
