using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Email;

/// <summary>
/// Puts a mail in the outbox of the request's DbContext without saving: the caller's SaveChanges
/// commits the mail together with the change that causes it, or neither.
/// </summary>
public sealed class EmailOutbox(FamilyPortalDbContext db, EmailTemplates templates, TimeProvider time)
{
    public const string MessageIdDomain = "familyportal";

    /// <summary>Adds the mail to this scope's DbContext; nothing is written until SaveChanges.</summary>
    /// <exception cref="ArgumentException">The recipient is not exactly one valid address.</exception>
    public OutboxMessage Enqueue(OutgoingEmail email) => Enqueue(db, email);

    /// <summary>Adds the mail to the given DbContext, for work that runs outside the request's scope.</summary>
    public OutboxMessage Enqueue(FamilyPortalDbContext context, OutgoingEmail email)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(email);
        if (email.Paragraphs.Count == 0)
        {
            throw new ArgumentException("Un courriel doit avoir au moins un paragraphe.", nameof(email));
        }
        var subject = EmailHeaderRules.SingleLine(email.Subject, EmailHeaderRules.MaxSubjectLength);
        if (subject.Length == 0)
        {
            throw new ArgumentException("Un courriel doit avoir un objet.", nameof(email));
        }
        var toName = email.ToName is null ? null : EmailHeaderRules.SingleLine(email.ToName, EmailHeaderRules.MaxNameLength);
        var now = time.GetUtcNow().UtcDateTime;
        var message = new OutboxMessage
        {
            MunicipalityId = email.MunicipalityId,
            HeldForAccountId = email.AwaitsConfirmationOf,
            ToAddress = EmailHeaderRules.CheckAddress(email.ToAddress),
            ToName = string.IsNullOrEmpty(toName) ? null : toName,
            Subject = subject,
            TextBody = templates.RenderText(email),
            HtmlBody = templates.RenderHtml(email, subject),
            MessageId = NewMessageId(),
            CreatedAtUtc = now,
            NextAttemptAtUtc = now,
        };
        context.OutboxMessages.Add(message);
        return message;
    }

    /// <summary>Lets go the mail that waited for this account's address to be confirmed.</summary>
    public Task<int> ReleaseHeldAsync(string accountId, CancellationToken ct) =>
        db.OutboxMessages.Where(m => m.HeldForAccountId == accountId)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.HeldForAccountId, (string?)null), ct);

    public static string NewMessageId() => $"<{Guid.NewGuid():N}@{MessageIdDomain}>";
}
