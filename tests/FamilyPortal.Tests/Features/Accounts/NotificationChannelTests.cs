using System.Net;
using static FamilyPortal.Tests.Features.Accounts.AccountJourney;

namespace FamilyPortal.Tests.Features.Accounts;

/// <summary>
/// The portal sends nothing by SMS, so it never offers it: not on the account form, not in « Mon compte », even
/// where an old configuration still says <c>App:SmsEnabled</c>; posting it is refused and changes nothing.
/// </summary>
public class NotificationChannelTests
{
    [Fact]
    public async Task Sms_is_never_offered_as_a_notification_channel_and_posting_it_is_refused()
    {
        using var factory = PortalFactory.With(new Dictionary<string, string?> { ["App:SmsEnabled"] = "true", ["Captcha:Enabled"] = "false" });
        var visitor = PageClient.For(factory);
        var identifiant = NewIdentifiant();
        await CreateAccountAsync(factory, identifiant, NewEmail());
        var parent = PageClient.For(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(parent, identifiant, Password)).StatusCode);

        foreach (var (client, url, field) in new[] { (visitor, "/creer-un-compte", "Input.Notification"), (parent, "/mon-compte", "Details.Notification") })
        {
            var page = await client.GetPageAsync(url);
            var choices = page.QuerySelectorAll($"input[name='{field}']").Select(i => i.GetAttribute("value")).ToList();
            Assert.Equal(new[] { ContactDetails.NotifyByEmail }, choices);
            Assert.DoesNotContain("SMS", page.QuerySelector($"input[name='{field}']")!.ParentElement!.TextContent, StringComparison.Ordinal);
        }

        var before = (await FindAsync(factory, identifiant))!;
        var refused = await parent.PostFormAsync("/mon-compte", new Dictionary<string, string?> { ["Details.Notification"] = "SMS", ["Details.PrimaryPhone"] = "07 98 76 54 32" },
            formAction: "/mon-compte/Details");

        Assert.Equal("Choisissez un mode de notification proposé.", PageClient.ErrorOf(await PageClient.ParseAsync(refused), "Details.Notification"));
        var account = (await FindAsync(factory, identifiant))!;
        Assert.Equal((ContactDetails.NotifyByEmail, before.PhoneNumber, before.ConcurrencyStamp), (account.NotificationChannel, account.PhoneNumber, account.ConcurrencyStamp));
    }
}
