using Farun.Web.Features.Tokens;
using Microsoft.AspNetCore.Diagnostics;

namespace Farun.Web.Features.Platform;

/// <summary>Security and multi-node plumbing: personal-data keys, security headers, bearer tokens, citizen sign-in,
/// database-backed locks, rate limits and periodic jobs, attachments.</summary>
public static class PlatformModule
{
    /// <summary>Call after <c>AddFarunIdentity</c> (the authentication defaults set here replace Identity's) and
    /// before the ProblemDetails exception handler is added.</summary>
    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddFarunPersonalData();
        services.AddTokens();
        services.AddSingleton<IExceptionHandler, RetryAfterExceptionHandler>();

        services.AddSingleton<IDistributedLock, DatabaseDistributedLock>();
        services.AddSingleton<IRateLimiter, DatabaseRateLimiter>();
        services.Configure<PeriodicJobOptions>(builder.Configuration.GetSection(PeriodicJobOptions.Section));
        services.AddSingleton<PeriodicJobRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<PeriodicJobRunner>());
        services.AddPeriodicJob<PlatformCleanupJob>();
        return builder;
    }

    /// <summary>Middleware that must run first: security headers.</summary>
    public static WebApplication UsePlatform(this WebApplication app)
    {
        app.UseFarunSecurityHeaders();
        return app;
    }

    public static IEndpointRouteBuilder MapPlatform(this IEndpointRouteBuilder app)
    {
        WhoAmI.Map(app);
        app.MapTokens();
        return app;
    }
}
