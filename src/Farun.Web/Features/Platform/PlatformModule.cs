using Farun.Web.Features.Attachments;
using Farun.Web.Features.Citizens;
using Farun.Web.Features.Tokens;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.HttpOverrides;

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
        services.AddCitizens(builder.Configuration, builder.Environment);
        services.AddReencryptable<Farun.Features.Citizens.CitizenAccount>("CitizenAccount.Phone", nameof(Farun.Features.Citizens.CitizenAccount.PhoneCipher));
        services.Configure<AttachmentOptions>(builder.Configuration.GetSection(AttachmentOptions.Section));
        services.AddScoped<AttachmentStore>();
        services.Configure<ForwardedHeadersOptions>(o => TrustedProxies.Configure(o, builder.Configuration));
        services.AddSingleton<IExceptionHandler, RetryAfterExceptionHandler>();

        services.AddSingleton<IDistributedLock, DatabaseDistributedLock>();
        services.AddSingleton<IRateLimiter, DatabaseRateLimiter>();
        services.Configure<PeriodicJobOptions>(builder.Configuration.GetSection(PeriodicJobOptions.Section));
        services.AddSingleton<PeriodicJobRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<PeriodicJobRunner>());
        services.AddPeriodicJob<PlatformCleanupJob>();
        return builder;
    }

    /// <summary>Middleware that must run first: the client address behind trusted proxies, security headers.</summary>
    public static WebApplication UsePlatform(this WebApplication app)
    {
        if (TrustedProxies.Enabled(app.Configuration))
            app.UseForwardedHeaders();
        app.UseFarunSecurityHeaders();
        return app;
    }

    public static IEndpointRouteBuilder MapPlatform(this IEndpointRouteBuilder app)
    {
        WhoAmI.Map(app);
        app.MapTokens();
        app.MapCitizens();
        return app;
    }
}
