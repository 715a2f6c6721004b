using Microsoft.AspNetCore.Diagnostics;

namespace Farun.Web.Features.Platform;

/// <summary>Adds Retry-After to 429 answers, then lets the ProblemDetails handler write the body.
/// Registered before <see cref="Common.ProblemDetailsExceptionHandler"/>.</summary>
public sealed class RetryAfterExceptionHandler : IExceptionHandler
{
    public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is TooManyRequestsException tooMany)
            httpContext.Response.Headers.RetryAfter = tooMany.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ValueTask.FromResult(false);
    }
}
