using System.Net;
using Farun.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Farun.IntegrationTests.Identity;

public sealed class IdleTimeoutTests
{
    [Fact]
    public async Task Session_ThirtyOneIdleMinutes_EndsButActivityKeepsItAlive()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var factory = new FarunFactory(database, services: s =>
            s.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o => o.TimeProvider = clock));
        var client = await StaffClient.SignedInAsync(factory, "staff");

        // Active every 20 minutes for an hour: the sliding session stays open.
        for (var i = 0; i < 3; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/service-points")).StatusCode);
        }

        clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/service-points")).StatusCode);
    }
}
