using FamilyPortal.Web.Features.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FamilyPortal.Tests.Features.Retention.RetentionKit;

namespace FamilyPortal.Tests.Features.Retention;

/// <summary>Journal entries go after 1 year, copies of sent or abandoned mail after 6 months; mail still to send stays.</summary>
public class JournalAndMailRetentionTests
{
    [Fact]
    public async Task Journal_entries_and_sent_mail_are_kept_through_their_period_and_deleted_just_after_it()
    {
        using var factory = new PortalFactory();
        var tenant = await TenantBuilder.CreateAsync(factory);
        var t0 = Utc(2026, 11, 16, 7).UtcDateTime;
        long entry, sent, abandoned, waiting;
        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
            db.Tenant.EnterPlatformScope();
            var journal = new JournalEntry
            {
                MunicipalityId = tenant.MunicipalityId,
                AtUtc = t0,
                ActorName = "Agent TEST",
                EntityType = nameof(Family),
                Summary = "Famille MARTIN modifiée",
            };
            db.JournalEntries.Add(journal);
            var mails = new[] { Mail(t0, m => m.SentAtUtc = t0), Mail(t0, m => m.AbandonedAtUtc = t0), Mail(t0.AddYears(-2), _ => { }) };
            db.OutboxMessages.AddRange(mails);
            await db.SaveChangesAsync();
            (entry, sent, abandoned, waiting) = (journal.Id, mails[0].Id, mails[1].Id, mails[2].Id);
        }

        MoveTo(factory, t0.AddMonths(6).AddMinutes(-1));
        await RunAsync<JournalAndMailRetentionJob>(factory);
        await AssertLeftAsync(factory, entry, [sent, abandoned, waiting], true, [sent, abandoned, waiting]);

        MoveTo(factory, t0.AddMonths(6).AddMinutes(1));
        await RunAsync<JournalAndMailRetentionJob>(factory);
        await AssertLeftAsync(factory, entry, [sent, abandoned, waiting], true, [waiting]);

        MoveTo(factory, t0.AddMonths(12).AddMinutes(-1));
        await RunAsync<JournalAndMailRetentionJob>(factory);
        await AssertLeftAsync(factory, entry, [sent, abandoned, waiting], true, [waiting]);

        MoveTo(factory, t0.AddMonths(12).AddMinutes(1));
        await RunAsync<JournalAndMailRetentionJob>(factory);
        await AssertLeftAsync(factory, entry, [sent, abandoned, waiting], false, [waiting]);
    }

    private static OutboxMessage Mail(DateTime created, Action<OutboxMessage> set)
    {
        var mail = new OutboxMessage
        {
            ToAddress = "famille@exemple.test",
            Subject = "Essai",
            TextBody = "Bonjour",
            HtmlBody = "<p>Bonjour</p>",
            MessageId = EmailOutbox.NewMessageId(),
            CreatedAtUtc = created,
            NextAttemptAtUtc = created,
        };
        set(mail);
        return mail;
    }

    private static async Task AssertLeftAsync(PortalFactory factory, long entry, long[] mails, bool entryLeft, long[] mailsLeft)
    {
        var (entryFound, mailsFound) = await LeftAsync(factory, entry, mails);
        Assert.Equal(entryLeft, entryFound);
        Assert.Equal(mailsLeft, mailsFound);
    }

    private static async Task<(bool Entry, List<long> Mails)> LeftAsync(PortalFactory factory, long entry, long[] mails)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.EnterPlatformScope();
        return (await db.JournalEntries.IgnoreQueryFilters().AnyAsync(j => j.Id == entry),
            await db.OutboxMessages.Where(m => mails.Contains(m.Id)).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync());
    }
}
