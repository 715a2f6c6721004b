using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Farun.Web.Features.Platform;

/// <summary>
/// Behind a load balancer every request comes from the balancer's address, which would put all citizens into one
/// per-address rate limit. <c>Farun:TrustedProxies</c> lists the balancers (addresses or CIDR networks, comma-separated,
/// e.g. <c>10.0.0.5,10.0.1.0/24</c>); X-Forwarded-For and X-Forwarded-Proto are honoured from them only.
/// </summary>
public static class TrustedProxies
{
    public const string Key = "Farun:TrustedProxies";

    public static bool Enabled(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[Key]);

    public static void Configure(ForwardedHeadersOptions o, IConfiguration configuration)
    {
        o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        o.KnownProxies.Clear();
        o.KnownIPNetworks.Clear();
        foreach (var item in (configuration[Key] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (item.Contains('/', StringComparison.Ordinal))
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(item));
            else
                o.KnownProxies.Add(IPAddress.Parse(item));
        }
    }
}
