using FamilyPortal.BrowserTests.Support;
using FamilyPortal.Web.Data;
using FamilyPortal.Web.Email;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FamilyPortal.BrowserTests;

public sealed class MailboxTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task The_demo_mailbox_lists_a_message_and_shows_it()
    {
        var subject = "Message de démonstration " + Guid.NewGuid().ToString("N")[..6];
        await using (var scope = Fixture.Server.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<EmailOutbox>();
            outbox.Enqueue(new OutgoingEmail
            {
                ToAddress = "famille.dupond@exemple.fr",
                Subject = subject,
                Paragraphs = ["Votre identifiant : TESTECROUVES"],
            });
            await scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>().SaveChangesAsync();
        }

        await VisitAsync("/dev/courriels");
        var link = Page.GetByRole(AriaRole.Link, new() { Name = subject });
        await Expect(link).ToBeVisibleAsync();

        await link.ClickAsync();
        await CheckCurrentPageAsync();
        await Expect(Page.GetByText("Votre identifiant : TESTECROUVES")).ToBeVisibleAsync();
    }
}
