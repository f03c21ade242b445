using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FamilyPortal.Web.Features.Payments;

/// <summary>Whether the current collectivité offers online payment, and how.</summary>
public sealed class OnlinePaymentOffer(FamilyPortalDbContext db, IOptions<PayFipOptions> options)
{
    public sealed record Terms(bool Offered, bool SeveralInvoices, string? PageOrigin);

    public async Task<Terms> ForAsync(int municipalityId, CancellationToken ct)
    {
        var settings = await db.Municipalities.AsNoTracking().Where(m => m.Id == municipalityId)
            .Select(m => new { m.PayFipClientNumber, m.PayFipSeveralInvoices }).SingleAsync(ct);
        var offered = options.Value.IsConfigured && PayFipRules.IsClientNumber(settings.PayFipClientNumber);
        var origin = offered ? new Uri(options.Value.PaymentPageUrl!).GetLeftPart(UriPartial.Authority) : null;
        return new Terms(offered, offered && settings.PayFipSeveralInvoices, origin);
    }
}
