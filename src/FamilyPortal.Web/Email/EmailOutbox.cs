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
            AccountId = email.AccountId ?? email.AwaitsConfirmationOf,
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

    /// <summary>Why a held mail addressed to another address than the one confirmed is never sent.</summary>
    public const string AddressReplaced = "Non envoyé : adresse jamais confirmée, remplacée depuis par une autre adresse du compte.";

    /// <summary>Why a held mail of a deleted account is never sent.</summary>
    public const string AccountDeleted = "Non envoyé : compte supprimé avant la confirmation de son adresse.";

    /// <summary>
    /// The account's address has just been confirmed: the mail that waited for it leaves, but only the mail
    /// addressed to that very address. Mail held for an address the account no longer uses is abandoned with
    /// its reason, never sent: that address was never proved to be the account holder's. Call it inside the
    /// transaction of the confirmation.
    /// </summary>
    public async Task<int> ReleaseHeldAsync(string accountId, string confirmedAddress, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(confirmedAddress);
        // A held mail was addressed to the account's address of that moment, as stored (normalised, lower case).
        await AbandonHeldAsync(accountId, AddressReplaced, except: confirmedAddress, ct);
        return await db.OutboxMessages
            .Where(m => m.HeldForAccountId == accountId && m.AbandonedAtUtc == null && m.ToAddress == confirmedAddress)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.HeldForAccountId, (string?)null), ct);
    }

    /// <summary>
    /// Gives up the mail still held for the account (all of it, or all but the mail to one address): it stays
    /// in the outbox with the reason, still held, so that nothing ever sends it.
    /// </summary>
    public Task<int> AbandonHeldAsync(string accountId, string reason, string? except, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.OutboxMessages
            .Where(m => m.HeldForAccountId == accountId && m.AbandonedAtUtc == null && (except == null || m.ToAddress != except))
            .ExecuteUpdateAsync(u => u
                .SetProperty(m => m.AbandonedAtUtc, now)
                .SetProperty(m => m.AbandonReason, reason), ct);
    }

    public static string NewMessageId() => $"<{Guid.NewGuid():N}@{MessageIdDomain}>";
}
