using Farun.Web.Common;

namespace Farun.Web.Features.Tokens;

public static class TokensModule
{
    public static IServiceCollection AddTokens(this IServiceCollection services)
    {
        services.AddFarunAuthenticationSchemes();
        services.AddSingleton<ApiTokenCache>();
        services.AddScoped<ApiTokenService>();
        services.AddScoped<ListTokens.Handler>();
        return services;
    }

    public static IEndpointRouteBuilder MapTokens(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tokens").WithTags("接口令牌").RequireAuthorization(Policies.SecurityAdmin);
        ListTokens.Map(group);
        RevokeToken.Map(group);
        return app;
    }
}
