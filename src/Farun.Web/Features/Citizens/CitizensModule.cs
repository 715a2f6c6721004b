using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Farun.Web.Features.Citizens;

public static class CitizensModule
{
    public static IServiceCollection AddCitizens(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddCitizenAuthentication();
        services.Configure<CitizenSignInOptions>(configuration.GetSection(CitizenSignInOptions.Section));
        services.AddScoped<CitizenSignInService>();
        // Codes in the log are for developers' machines and tests only; elsewhere a gateway must be registered.
        if (environment.IsDevelopment() || environment.IsEnvironment("Testing"))
        {
            services.AddSingleton<DevelopmentSmsOutbox>();
            services.TryAddSingleton<ISmsSender, LoggingSmsSender>();
        }
        else
        {
            services.TryAddSingleton<ISmsSender, NotConfiguredSmsSender>();
        }

        return services;
    }

    public static IEndpointRouteBuilder MapCitizens(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/citizen").WithTags("群众登录");
        RequestCode.Map(group);
        SignInCitizen.Map(group);
        CitizenMe.Map(group);
        return app;
    }
}
