using Farun.Web.Common;
using Farun.Web.Features.Guides.Apply;
using Farun.Web.Features.Platform;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Farun.Web.Features.Guides;

/// <summary>Procedure guides (程序引导): shipped and uploaded guides, interviews with resume codes, the citizen API,
/// the administrator's upload and version history, and the final online application.</summary>
public static class GuidesModule
{
    public static IServiceCollection AddGuides(this IServiceCollection services)
    {
        services.AddSingleton<GuideCache>();
        services.AddSingleton<GuideParameters>();
        services.AddScoped<GuideCatalog>();
        services.AddScoped<GuideSessionStore>();
        services.AddScoped<GuideInterviews>();
        services.AddScoped<GuideViews>();
        services.AddScoped<DbLawLookup>();
        services.AddScoped<ListGuides.Handler>();
        services.AddScoped<GetGuide.Handler>();
        services.AddScoped<EvaluateGuide.Handler>();
        services.AddScoped<GuideSessionsApi.Handler>();
        services.AddScoped<ApplyFromGuide.Handler>();
        services.AddScoped<ApplicationChoices>();
        services.AddScoped<UploadGuide.Handler>();
        services.AddScoped<ManageGuideVersions.Handler>();
        // Applications land in the case spine (legal aid now; mediation and notarization when their services exist).
        services.TryAddScoped<IGuideApplicationSink, CaseSpineApplicationSink>();
        services.AddPeriodicJob<GuideSessionCleanupJob>();
        // The assistant links the matching guide under "what to do next" (it registers a no-op finder only if absent).
        services.AddSingleton<Farun.Web.Features.Assistant.IGuideFinder, AssistantGuideFinder>();
        return services;
    }

    public static IEndpointRouteBuilder MapGuides(this IEndpointRouteBuilder app)
    {
        // Citizens use the guides without signing in.
        var api = app.MapGroup("/api").WithTags("程序引导").AllowAnonymous();
        ListGuides.Map(api);
        GetGuide.Map(api);
        EvaluateGuide.Map(api);
        GuideSessionsApi.Map(api);
        ApplyFromGuide.Map(api);

        var admin = app.MapGroup("/api/admin").WithTags("程序引导管理").RequireAuthorization(Policies.SystemAdmin);
        UploadGuide.Map(admin);
        ManageGuideVersions.Map(admin);
        return app;
    }
}
