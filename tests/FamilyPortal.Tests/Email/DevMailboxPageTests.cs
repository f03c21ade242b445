using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using static FamilyPortal.Tests.Email.EmailTestKit;

namespace FamilyPortal.Tests.Email;

public sealed class DevMailboxPageTests
{
    private static readonly Dictionary<string, string?> Enabled = new() { ["Email:ShowMailbox"] = "true" };

    [Fact]
    public async Task The_mailbox_lists_messages_newest_first_and_shows_one_with_its_text_and_eml()
    {
        await using var factory = PortalFactory.With(Enabled);
        var older = await EnqueueAsync(factory, Sample(subject: "Premier courriel"));
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var newer = await EnqueueAsync(factory, Sample(subject: "Réservation <confirmée>", paragraph: "Votre réservation du lundi 16 novembre est enregistrée."));
        await using (var scope = factory.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>().OutboxMessages
                .Where(m => m.Id == older.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, 2).SetProperty(m => m.LastError, "Connexion au serveur SMTP impossible : refusée"));
        }
        using var client = factory.CreateClient();
        var parser = new HtmlParser();

        var list = await client.GetAsync(new Uri("/dev/courriels", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var page = await parser.ParseDocumentAsync(await list.Content.ReadAsStringAsync());
        Assert.Equal("Courriels émis", page.QuerySelector("h1")!.TextContent.Trim());
        var table = page.QuerySelector("table")!;
        Assert.NotNull(table.QuerySelector("caption"));
        Assert.Equal(4, table.QuerySelectorAll("thead th[scope=col]").Length);
        var rows = table.QuerySelectorAll("tbody tr");
        Assert.Equal(2, rows.Length);
        Assert.Equal("Réservation <confirmée>", rows[0].QuerySelector("th[scope=row] a")!.TextContent);
        Assert.Contains("En attente", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("parent@famille.exemple.test", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("2 tentatives", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Dernière erreur : Connexion au serveur SMTP impossible", rows[1].TextContent, StringComparison.Ordinal);
        var link = rows[0].QuerySelector("a")!.GetAttribute("href")!;
        Assert.Equal($"/dev/courriels/{newer.Id}", link);

        var details = await client.GetAsync(new Uri(link, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, details.StatusCode);
        var detailsPage = await parser.ParseDocumentAsync(await details.Content.ReadAsStringAsync());
        Assert.Equal("Réservation <confirmée>", detailsPage.QuerySelector("h1")!.TextContent);
        Assert.Contains("Votre réservation du lundi 16 novembre est enregistrée.", detailsPage.QuerySelector("pre")!.TextContent, StringComparison.Ordinal);
        var download = detailsPage.QuerySelectorAll("a").Single(a => a.TextContent.Contains(".eml", StringComparison.Ordinal));

        var eml = await client.GetAsync(new Uri(download.GetAttribute("href")!, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, eml.StatusCode);
        Assert.Equal("message/rfc822", eml.Content.Headers.ContentType!.MediaType);
        var message = await MimeMessage.LoadAsync(await eml.Content.ReadAsStreamAsync());
        Assert.Equal("Réservation <confirmée>", message.Subject);
        Assert.Equal(newer.MessageId, $"<{message.MessageId}>");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/dev/courriels/999999", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_mailbox_is_read_only()
    {
        await using var factory = PortalFactory.With(Enabled);
        var queued = await EnqueueAsync(factory, Sample());
        using var client = factory.CreateClient();

        var post = await client.PostAsync(new Uri($"/dev/courriels/{queued.Id}", UriKind.Relative), new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
    }

    [Fact]
    public async Task The_mailbox_does_not_exist_unless_enabled()
    {
        await using var factory = new PortalFactory();
        var queued = await EnqueueAsync(factory, Sample());
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/dev/courriels", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/dev/courriels/{queued.Id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/dev/courriels/{queued.Id}/eml", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_mailbox_never_opens_in_Production_even_when_asked()
    {
        await using var factory = PortalFactory.With(Enabled);
        await using var production = factory.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        using var client = production.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/dev/courriels", UriKind.Relative))).StatusCode);
    }
}
