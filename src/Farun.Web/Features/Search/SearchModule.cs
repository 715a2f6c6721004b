using Farun.Law.Evaluation;
using Farun.Law.Search;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Farun.Web.Features.Search;

public static class SearchModule
{
    public static IServiceCollection AddSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SearchSettings>(configuration.GetSection(SearchSettings.Section));
        services.AddSingleton<SearchIndexService>();
        services.AddHostedService<SearchIndexWarmup>();
        services.AddScoped<SearchStatutes.Handler>();
        // Labelled questions: the STARD-format file if configured; staff-confirmed consultations will add a source here.
        if (configuration[$"{SearchSettings.Section}:TrainingQuestions"] is { Length: > 0 } path)
            services.AddSingleton<ILabelledQuestionSource>(new StardQuestionSource(path));
        services.AddHealthChecks().AddCheck<SearchIndexHealthCheck>("search-index");
        return services;
    }

    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder app)
    {
        // Citizens search without signing in.
        var api = app.MapGroup("/api").WithTags("法条检索").AllowAnonymous();
        SearchStatutes.Map(api);
        return app;
    }
}

/// <summary>/health: the search index is loaded for the current database revision.</summary>
internal sealed class SearchIndexHealthCheck(SearchIndexService service) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!service.Status.Ready && service.Status.Error is null)
        {
            // At start-up the index loads or builds in the background: wait a little (an empty library is quick).
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            try
            {
                await service.GetAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Still building: reported as degraded below.
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                // The error is kept in the status.
            }
        }

        var s = service.Status;
        var data = new Dictionary<string, object> { ["documents"] = s.Documents, ["building"] = s.Building };
        if (s.Ready)
            return HealthCheckResult.Healthy($"检索索引可用（{s.Documents} 篇）", data);
        if (s.Error is not null)
            return HealthCheckResult.Unhealthy("检索索引建立失败：" + s.Error, data: data);
        return HealthCheckResult.Degraded("检索索引正在建立", data: data);
    }
}
