using static FamilyPortal.Tests.Features.Invoices.BillingKit;

namespace FamilyPortal.Tests.Features.Retention;

/// <summary>« Mentions légales » print the periods the retention jobs enforce, read from the same settings.</summary>
public class RetentionOptionsTests
{
    [Fact]
    public async Task Mentions_legales_state_the_default_periods()
    {
        using var factory = new PortalFactory();
        var text = Conservation(await PageClient.For(factory).GetPageAsync("/mentions-legales"));

        Assert.Contains("Sans connexion pendant 3 ans, vous êtes prévenu par email ; s'il n'est toujours pas utilisé 30 jours plus tard, il est supprimé.", text, StringComparison.Ordinal);
        Assert.Contains("refusées ou expirées sont supprimées 6 mois après", text, StringComparison.Ordinal);
        Assert.Contains("quitté la collectivité sont effacés 1 an après son départ", text, StringComparison.Ordinal);
        Assert.Contains("Les conversations de la messagerie avec la mairie sont supprimées 2 ans après leur dernier message.", text, StringComparison.Ordinal);
        Assert.Contains("Le journal des opérations est conservé 1 an, et la copie des emails envoyés 6 mois.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mentions_legales_state_the_configured_periods()
    {
        using var factory = PortalFactory.With(new Dictionary<string, string?>
        {
            ["Retention:RefusedOrExpiredDocumentMonths"] = "7",
            ["Retention:DepartedFamilyHealthMonths"] = "18",
            ["Retention:InactiveAccountYears"] = "2",
            ["Retention:InactiveAccountGraceDays"] = "45",
            ["Retention:JournalMonths"] = "24",
            ["Retention:SentMailMonths"] = "1",
            ["Retention:MessageThreadMonths"] = "30",
        });
        var text = Conservation(await PageClient.For(factory).GetPageAsync("/mentions-legales"));

        Assert.Contains("Sans connexion pendant 2 ans, vous êtes prévenu par email ; s'il n'est toujours pas utilisé 45 jours plus tard", text, StringComparison.Ordinal);
        Assert.Contains("refusées ou expirées sont supprimées 7 mois après", text, StringComparison.Ordinal);
        Assert.Contains("quitté la collectivité sont effacés 18 mois après son départ", text, StringComparison.Ordinal);
        Assert.Contains("Les conversations de la messagerie avec la mairie sont supprimées 30 mois après leur dernier message.", text, StringComparison.Ordinal);
        Assert.Contains("Le journal des opérations est conservé 2 ans, et la copie des emails envoyés 1 mois.", text, StringComparison.Ordinal);
    }

    private static string Conservation(AngleSharp.Html.Dom.IHtmlDocument page) =>
        Normalize(page.QuerySelector("[data-testid='conservation']")!.TextContent);
}
