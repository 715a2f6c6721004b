namespace Farun.Web.Features.Laws;

public static class LawsModule
{
    public static IServiceCollection AddLaws(this IServiceCollection services)
    {
        services.AddSingleton<LawCatalog>();
        services.AddScoped<LawImporter>();
        services.AddScoped<SearchLaws.Handler>();
        services.AddScoped<GetLaw.Handler>();
        services.AddScoped<ResolveCitation.Handler>();
        return services;
    }

    public static IEndpointRouteBuilder MapLaws(this IEndpointRouteBuilder app)
    {
        // The law library is public: citizens read the law without signing in.
        var api = app.MapGroup("/api").WithTags("法律法规库").AllowAnonymous();
        SearchLaws.Map(api);
        GetLaw.Map(api);
        ResolveCitation.Map(api);
        return app;
    }
}
