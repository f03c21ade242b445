using System.Net;
using static FamilyPortal.Tests.Features.Accounts.AccountJourney;

namespace FamilyPortal.Tests.Features.Accounts;

public class SessionLifetimeTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private async Task<PageClient> SignedInAsync()
    {
        var identifiant = NewIdentifiant();
        await CreateAccountAsync(factory, identifiant, NewEmail());
        var client = PageClient.For(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client, identifiant, Password)).StatusCode);
        return client;
    }

    [Fact]
    public async Task Thirty_minutes_without_activity_end_the_session()
    {
        var client = await SignedInAsync();
        factory.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/mon-compte")).StatusCode);
        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync("/mon-compte")).StatusCode);
    }

    [Fact]
    public async Task Twelve_hours_end_the_session_even_with_constant_activity()
    {
        var client = await SignedInAsync();
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(11.5); elapsed += TimeSpan.FromMinutes(20))
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/mon-compte")).StatusCode);
        }
        factory.Clock.Advance(TimeSpan.FromMinutes(40));
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync("/mon-compte")).StatusCode);
    }
}
