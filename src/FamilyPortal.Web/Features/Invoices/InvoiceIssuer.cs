using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Invoices;

/// <summary>
/// Issues the invoices of a month in one transaction: the plan is computed again inside it, numbers are
/// taken from the counter, invoices and their emails are written together. A second issue of the same month
/// — later, or at the same moment — only finds the families still without an invoice; the unique index on
/// (collectivité, family, month) refuses any duplicate the database would otherwise accept.
/// </summary>
public sealed class InvoiceIssuer(
    FamilyPortalDbContext db, MonthPlanner planner, DocumentNumbers numbers, InvoiceEmails emails, TimeProvider time, ILogger<InvoiceIssuer> logger)
{
    public const int PaymentTermDays = 30;

    /// <summary>What the agent saw in the preview: issuing anything else asks them to look again.</summary>
    public sealed record Expected(int Count, decimal Total);

    public enum Result
    {
        Issued,
        NothingToIssue,
        MonthNotOver,
        PlanChanged,
    }

    public sealed record Outcome(Result Result, int Count, decimal Total, string? FirstNumber, string? LastNumber, MonthPlan? Plan = null);

    public DateOnly Today => ParisClock.Today(time.GetUtcNow(), ParisClock.Zone);

    public DateOnly DefaultDueDate => Today.AddDays(PaymentTermDays);

    public async Task<Outcome> IssueAsync(int municipalityId, BillingMonth month, DateOnly dueDate, Expected? expected, CancellationToken ct)
    {
        try
        {
            var outcome = await db.InTransactionAsync(token => IssueInTransactionAsync(municipalityId, month, dueDate, expected, token), ct);
            if (outcome.Result == Result.Issued)
            {
                logger.LogInformation("Factures de {Month} émises pour la collectivité {MunicipalityId} : {Count} ({First} à {Last})",
                    month.Key, municipalityId, outcome.Count, outcome.FirstNumber, outcome.LastNumber);
            }
            return outcome;
        }
        catch (DbUpdateException exception) when (exception is not DbUpdateConcurrencyException)
        {
            // Another issue of the same month committed first (SQL Server lets both compute): its invoices stand, ours rolled back.
            logger.LogWarning("Émission de {Month} abandonnée pour la collectivité {MunicipalityId} : une autre émission l'a précédée", month.Key, municipalityId);
            db.ChangeTracker.Clear();
            return new Outcome(Result.NothingToIssue, 0, 0, null, null);
        }
    }

    private async Task<Outcome> IssueInTransactionAsync(int municipalityId, BillingMonth month, DateOnly dueDate, Expected? expected, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var now = time.GetUtcNow();
        var today = ParisClock.Today(now, ParisClock.Zone);
        if (!month.IsOver(today))
        {
            return new Outcome(Result.MonthNotOver, 0, 0, null, null);
        }
        var plan = await planner.PlanAsync(month, ct);
        if (plan.Count == 0)
        {
            return new Outcome(Result.NothingToIssue, 0, 0, null, null, plan);
        }
        if (expected is not null && (expected.Count != plan.Count || expected.Total != plan.Total))
        {
            return new Outcome(Result.PlanChanged, plan.Count, plan.Total, null, null, plan);
        }
        var first = await numbers.ReserveAsync(municipalityId, DocumentSeries.Invoice, today.Year, plan.Count, ct);
        var invoices = plan.ToIssue.Select((family, index) => Build(municipalityId, month, family, today.Year, first + index, now.UtcDateTime, today, dueDate)).ToList();
        db.Invoices.AddRange(invoices);
        await emails.IssuedAsync(municipalityId, invoices, ct);
        await db.SaveChangesAsync(ct);
        return new Outcome(Result.Issued, invoices.Count, plan.Total, invoices[0].Number, invoices[^1].Number, plan);
    }

    private static Invoice Build(int municipalityId, BillingMonth month, FamilyInvoicePlan family, int year, int sequence, DateTime nowUtc, DateOnly today, DateOnly dueDate)
    {
        var invoice = new Invoice
        {
            MunicipalityId = municipalityId,
            FamilyId = family.FamilyId,
            Month = month.FirstDay,
            Year = year,
            Sequence = sequence,
            Number = DocumentNumber.Invoice(year, sequence),
            IssuedAtUtc = nowUtc,
            IssueDate = today,
            DueDate = dueDate,
            HouseholdName = family.HouseholdName,
            Total = family.Draft.Total,
            HighestBracketApplied = family.Draft.HighestBracketApplied,
            Status = InvoiceStatuses.Of(family.Draft.Total, 0, 0),
        };
        var position = 0;
        foreach (var line in family.Draft.Lines)
        {
            invoice.Lines.Add(new InvoiceLine
            {
                MunicipalityId = municipalityId,
                Position = ++position,
                ChildId = line.ChildId,
                ChildName = line.ChildName,
                ActivityId = line.ActivityId,
                Description = line.Description,
                Quantity = line.Quantity,
                UnitPrice = line.UnitPrice,
                Amount = line.Amount,
                Bracket = line.Bracket is null ? null : line.ForLackOfQuotient ? $"{line.Bracket} (sans quotient valide)" : line.Bracket,
            });
        }
        return invoice;
    }
}
