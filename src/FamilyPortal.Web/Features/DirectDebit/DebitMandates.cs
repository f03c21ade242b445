using System.Text;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.DirectDebit;

/// <summary>Signing and revoking a family's mandate, whoever does it (the parent online, staff from the paper).</summary>
public sealed class DebitMandates(FamilyPortalDbContext db, SensitiveData sealer, TimeProvider time)
{
    /// <summary>What a family's page shows: the creditor's terms when direct debit is offered, and the family's mandates.</summary>
    public sealed record Terms(bool Offered, string Creditor, string? CreditorIdentifier);

    public async Task<Terms> TermsAsync(int municipalityId, CancellationToken ct)
    {
        var m = await db.Municipalities.AsNoTracking().Where(x => x.Id == municipalityId)
            .Select(x => new { x.Name, x.CreditorIdentifier, x.CreditorIban, x.CreditorBic }).SingleAsync(ct);
        return new Terms(m.CreditorIdentifier is not null && m.CreditorIban is not null && m.CreditorBic is not null, m.Name, m.CreditorIdentifier);
    }

    public Task<DebitMandate?> ActiveAsync(int familyId, CancellationToken ct) =>
        db.DebitMandates.AsNoTracking().SingleOrDefaultAsync(m => m.FamilyId == familyId && m.Status == MandateStatus.Active, ct);

    public Task<List<DebitMandate>> AllAsync(int familyId, CancellationToken ct) =>
        db.DebitMandates.AsNoTracking().Where(m => m.FamilyId == familyId).OrderByDescending(m => m.Id).ToListAsync(ct);

    /// <summary>
    /// Records a new active mandate; null when the family already has one (revoke it first). Its RUM follows the
    /// family's earlier mandates; the unique indexes guard two signatures at the same moment.
    /// </summary>
    public async Task<DebitMandate?> SignAsync(int municipalityId, int familyId, MandateInput.Checked input, DateOnly signedOn,
        MandateSource source, string accountId, CancellationToken ct)
    {
        if (await db.DebitMandates.AnyAsync(m => m.FamilyId == familyId && m.Status == MandateStatus.Active, ct))
        {
            return null;
        }
        var shortName = await db.Municipalities.AsNoTracking().Where(m => m.Id == municipalityId).Select(m => m.ShortName).SingleAsync(ct);
        var count = await db.DebitMandates.CountAsync(m => m.FamilyId == familyId, ct);
        var mandate = new DebitMandate
        {
            MunicipalityId = municipalityId,
            FamilyId = familyId,
            Reference = MandateReference.Create(shortName, familyId, count + 1),
            AccountHolder = input.AccountHolder,
            SealedIban = sealer.Seal(Encoding.ASCII.GetBytes(input.Iban)),
            MaskedIban = DirectDebit.Rules.Iban.Mask(input.Iban),
            Bic = input.Bic,
            SignedOn = signedOn,
            Source = source,
            CreatedByAccountId = accountId,
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        };
        db.DebitMandates.Add(mandate);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.Entry(mandate).State = EntityState.Detached;
            return null;
        }
        return mandate;
    }

    /// <summary>Revokes the family's active mandate: no later debit file takes its invoices. False when there was none.</summary>
    public async Task<bool> RevokeAsync(int familyId, string accountId, CancellationToken ct)
    {
        var mandate = await db.DebitMandates.SingleOrDefaultAsync(m => m.FamilyId == familyId && m.Status == MandateStatus.Active, ct);
        if (mandate is null)
        {
            return false;
        }
        (mandate.Status, mandate.RevokedAtUtc, mandate.RevokedByAccountId) = (MandateStatus.Revoked, time.GetUtcNow().UtcDateTime, accountId);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public string OpenIban(DebitMandate mandate)
    {
        ArgumentNullException.ThrowIfNull(mandate);
        return Encoding.ASCII.GetString(sealer.Open(mandate.SealedIban));
    }
}
