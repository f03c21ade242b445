using MimeKit;
using static FamilyPortal.Tests.Email.EmailTestKit;

namespace FamilyPortal.Tests.Email;

public sealed class PickupDirectoryTests
{
    [Fact]
    public async Task Without_an_SMTP_host_messages_are_written_as_eml_files_and_marked_sent()
    {
        await using var factory = PortalFactory.With(new Dictionary<string, string?> { ["Smtp:Host"] = "" });
        var first = await EnqueueAsync(factory, Sample(subject: "Inscription confirmée"));
        var second = await EnqueueAsync(factory, Sample(subject: "Facture de novembre", to: "autre@exemple.test"));
        var folder = Path.Combine(factory.WorkDirectory, "mail");

        Assert.Equal(2, await DispatchAsync(factory));

        var files = Directory.GetFiles(folder, "*.eml");
        Assert.Equal(2, files.Length);
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
        var messages = new List<MimeMessage>();
        foreach (var file in files)
        {
            messages.Add(await MimeMessage.LoadAsync(file));
        }
        Assert.Equal(["Facture de novembre", "Inscription confirmée"], messages.Select(m => m.Subject).Order(StringComparer.Ordinal));
        Assert.Contains(messages, m => $"<{m.MessageId}>" == first.MessageId && (m.TextBody ?? "").Contains("WKMLY75KOA", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.To.Mailboxes.Single().Address == "autre@exemple.test");
        foreach (var queued in new[] { first, second })
        {
            var stored = await FindAsync(factory, queued.MessageId);
            Assert.Equal(Now(factory), stored!.SentAtUtc);
            Assert.Null(stored.LastError);
        }

        Assert.Equal(0, await DispatchAsync(factory));
        Assert.Equal(2, Directory.GetFiles(folder, "*.eml").Length);
    }
}
