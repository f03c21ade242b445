using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Reservations;

/// <summary>The confirmation of a validated basket, in the same transaction as the bookings it lists.</summary>
public sealed class ReservationEmails(FamilyPortalDbContext db, EmailOutbox outbox, PublicLinks links)
{
    public async Task ConfirmationAsync(ParentScope scope, IReadOnlyList<(BasketLineKind Kind, Child Child, Activity Activity, DateOnly Date)> lines, CancellationToken ct)
    {
        var account = await db.Users.AsNoTracking().SingleAsync(u => u.Id == scope.AccountId, ct);
        var municipality = await db.Municipalities.AsNoTracking().SingleAsync(m => m.Id == scope.MunicipalityId, ct);
        if (account.Email is null)
        {
            return;
        }
        var paragraphs = new List<string> { "Votre panier a bien été validé." };
        AddSection(paragraphs, "Réservations :", lines.Where(l => l.Kind == BasketLineKind.Add));
        AddSection(paragraphs, "Annulations :", lines.Where(l => l.Kind == BasketLineKind.Cancel));
        AddSection(paragraphs, "Listes d'attente (vous serez prévenu par courriel si une place se libère avant le délai de réservation) :",
            lines.Where(l => l.Kind == BasketLineKind.Wait));
        outbox.Enqueue(new OutgoingEmail
        {
            ToAddress = account.Email,
            ToName = $"{account.FirstName} {account.LastName}",
            Subject = $"Confirmation de vos réservations – {municipality.Name}",
            Paragraphs = paragraphs,
            Action = new EmailLink("Voir mes réservations", links.Absolute("/reservations")),
            MunicipalityId = municipality.Id,
            MunicipalityName = municipality.Name,
            AwaitsConfirmationOf = account.EmailConfirmed ? null : account.Id,
            AccountId = account.Id,
        });
    }

    private static void AddSection(List<string> paragraphs, string title, IEnumerable<(BasketLineKind Kind, Child Child, Activity Activity, DateOnly Date)> lines)
    {
        var text = string.Join('\n', lines.Select(l => $"• {l.Child.FirstName} – {l.Activity.Label} – {FrenchDates.Spelled(l.Date)}"));
        if (text.Length > 0)
        {
            paragraphs.Add(title + "\n" + text);
        }
    }
}
