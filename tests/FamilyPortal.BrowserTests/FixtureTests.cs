using System.Net;
using FamilyPortal.BrowserTests.Support;
using FamilyPortal.Web.Data.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.BrowserTests;

/// <summary>What the other browser tests rely on: a real socket and the demo collectivité.</summary>
public sealed class FixtureTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task The_portal_listens_on_a_loopback_port_and_holds_the_demo_data()
    {
        var address = Fixture.Server.BaseAddress;
        Assert.Equal(IPAddress.Loopback, IPAddress.Parse(address.Host));
        Assert.True(address.Port > 0);

        await using var scope = Fixture.Server.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<DemoData>().IsNeededAsync(CancellationToken.None));
    }
}
