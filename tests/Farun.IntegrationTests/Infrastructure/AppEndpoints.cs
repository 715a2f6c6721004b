using System.Reflection;
using System.Text;
using Farun.IntegrationTests.Cases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Roles = Farun.Features.Identity.Roles;

namespace Farun.IntegrationTests.Infrastructure;

/// <summary>One endpoint the app maps (a minimal API or a Razor Page), as read from <see cref="EndpointDataSource"/>.</summary>
public sealed record SweptEndpoint(RouteEndpoint Endpoint, string Route, string[] Methods, bool IsPage)
{
    public static SweptEndpoint From(RouteEndpoint e)
    {
        var isPage = e.Metadata.GetMetadata<PageActionDescriptor>() is not null;
        var methods = e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.ToArray() ?? [];
        var route = "/" + (e.RoutePattern.RawText ?? "").Trim('/');
        return new SweptEndpoint(e, route, isPage ? ["GET", "POST"] : methods.Length == 0 ? ["*"] : methods, isPage);
    }

    public string Key => IsPage ? $"PAGE {Route}" : $"{string.Join(",", Methods)} {Route}";

    public bool IsApi => Route.StartsWith("/api/", StringComparison.Ordinal);

    public bool IsAnonymous => Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;

    public IReadOnlyList<IAuthorizeData> AuthorizeData => Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();

    public bool HasAuthorization => AuthorizeData.Count > 0 || Endpoint.Metadata.GetMetadata<AuthorizationPolicy>() is not null
        || Endpoint.Metadata.GetMetadata<IAuthorizationRequirementData>() is not null;

    public IReadOnlyList<string> Policies => [.. AuthorizeData.Select(a => a.Policy ?? "").Concat(AuthorizeData.Select(a => a.Roles ?? ""))];

    public MethodInfo? Handler => Endpoint.Metadata.GetMetadata<MethodInfo>();

    public Type? BodyType => Endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;

    public string Url(Func<SweptEndpoint, RoutePatternParameterPart, string?> value)
    {
        var sb = new StringBuilder();
        foreach (var segment in Endpoint.RoutePattern.PathSegments)
        {
            sb.Append('/');
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart l:
                        sb.Append(l.Content);
                        break;
                    case RoutePatternSeparatorPart s:
                        sb.Append(s.Content);
                        break;
                    case RoutePatternParameterPart p:
                        sb.Append(value(this, p) is { } v ? Uri.EscapeDataString(v) : "");
                        break;
                }
            }
        }

        var url = sb.ToString().TrimEnd('/');
        return url.Length == 0 ? "/" : url;
    }

    public bool IsGuid(RoutePatternParameterPart p) => p.ParameterPolicies.Any(x => x.Content == "guid");

    public bool IsInt(RoutePatternParameterPart p) => p.ParameterPolicies.Any(x => x.Content is "int" or "long");
}

/// <summary>Every endpoint the app maps, and who may call it: shared by the endpoint sweep and the page checks.</summary>
public static class AppEndpoints
{
    /// <summary>The demo account (see the README) that holds each staff role.</summary>
    public static readonly IReadOnlyDictionary<string, string> DemoUsers = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Roles.SystemAdmin] = "sysadmin",
        [Roles.SecurityAdmin] = "secadmin",
        [Roles.AuditAdmin] = "auditor",
        [Roles.Manager] = "manager",
        [Roles.Staff] = "staff",
        [Roles.HotlineAgent] = "hotline",
        [Roles.Mediator] = "mediator",
        [Roles.LegalAidOfficer] = "legalaid",
        [Roles.Notary] = "notary",
        [Roles.Lawyer] = "lawyer",
    };

    /// <summary>The caller name for a signed-in citizen (not a staff account).</summary>
    public const string Citizen = "citizen";

    public const string Anonymous = "anonymous";

    public static List<SweptEndpoint> All(CaseTestApp app)
    {
        var source = app.App.Services.GetRequiredService<EndpointDataSource>();
        return [.. source.Endpoints.OfType<RouteEndpoint>().Select(SweptEndpoint.From)];
    }

    /// <summary>The one caller the endpoint sweep uses for an endpoint: anonymous for public ones, else a signed-in
    /// caller that passes its authorization (the manager reaches most of them).</summary>
    public static string SweepUser(SweptEndpoint e)
    {
        if (e.IsAnonymous)
            return Anonymous;
        var policies = e.Policies;
        return policies.Contains("SystemAdmin") ? "sysadmin"
            : policies.Contains("SecurityAdmin") ? "secadmin"
            : policies.Contains("AuditRead") ? "auditor"
            : policies.Contains("Citizen") ? Citizen
            : "manager";
    }

    /// <summary>Every caller (demo user names, <see cref="Citizen"/>, or <see cref="Anonymous"/>) that the endpoint's
    /// authorization admits, read from the app's own policies: the roles of their role requirements, the citizen for the
    /// citizen policy.</summary>
    public static async Task<IReadOnlyList<string>> AdmittedUsersAsync(SweptEndpoint e, IServiceProvider services)
    {
        if (e.IsAnonymous)
            return [Anonymous];
        var provider = services.GetRequiredService<IAuthorizationPolicyProvider>();
        var policy = await AuthorizationPolicy.CombineAsync(provider, e.AuthorizeData, e.Endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>())
            ?? throw new InvalidOperationException($"{e.Key} names no authorization");
        IEnumerable<string> roles = DemoUsers.Keys;
        var citizen = false;
        foreach (var requirement in policy.Requirements)
        {
            switch (requirement)
            {
                case RolesAuthorizationRequirement r:
                    roles = roles.Intersect(r.AllowedRoles, StringComparer.Ordinal);
                    break;
                case ClaimsAuthorizationRequirement c when c.ClaimType == Farun.Web.Features.Audit.FarunClaims.ActorKind:
                    citizen = c.AllowedValues?.Contains(nameof(Farun.Features.Audit.ActorKind.Citizen)) == true;
                    roles = [];
                    break;
            }
        }

        return citizen ? [Citizen] : [.. roles.Select(r => DemoUsers[r])];
    }
}
