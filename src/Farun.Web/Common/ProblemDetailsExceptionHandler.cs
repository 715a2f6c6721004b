using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Farun.Web.Common;

/// <summary>The one place where exceptions become ProblemDetails: domain and validation errors with Chinese
/// messages for the user, anything else as a 500 without internals.</summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ValidationException v => Validation(v),
            BadRequestException b => WithErrors(b, b.Errors),
            ConflictException c => Conflict(c),
            DomainException d => new ProblemDetails { Status = d.StatusCode, Title = d.Title, Detail = d.Message },
            BadHttpRequestException b => new ProblemDetails
            {
                Status = b.StatusCode,
                Title = "请求格式有误",
                Detail = b.StatusCode == StatusCodes.Status413PayloadTooLarge ? "请求内容过大。" : "请求参数或内容格式不正确，请检查后重试。",
            },
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => null,
            _ => null,
        };

        if (problem is null)
        {
            if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
                return true;
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "服务器内部错误",
                Detail = "系统出现异常，请稍后重试；如问题持续，请联系管理员。",
            };
        }
        else
        {
            logger.LogInformation("Request {Method} {Path} answered {Status}: {Detail}",
                httpContext.Request.Method, httpContext.Request.Path, problem.Status, problem.Detail);
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails Validation(ValidationException v)
    {
        var errors = v.Errors
            .GroupBy(e => string.IsNullOrEmpty(e.PropertyName) ? "" : ToCamel(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
        return new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "请求内容有误",
            Detail = string.Join("；", errors.SelectMany(e => e.Value)),
        };
    }

    private static ProblemDetails WithErrors(DomainException e, IDictionary<string, string[]> errors) =>
        new HttpValidationProblemDetails(errors) { Status = e.StatusCode, Title = e.Title, Detail = e.Message };

    private static ProblemDetails Conflict(ConflictException c)
    {
        var p = new ProblemDetails { Status = c.StatusCode, Title = c.Title, Detail = c.Message };
        p.Extensions["allowedActions"] = c.AllowedActions;
        return p;
    }

    private static string ToCamel(string name) =>
        string.Join('.', name.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
