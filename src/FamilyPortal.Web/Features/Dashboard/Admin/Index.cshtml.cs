using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Dashboard.Admin;

/// <summary>Tableau de bord of the collectivité's staff.</summary>
public class IndexModel(CurrentMunicipality current, DashboardFigures dashboard, FileDashboard files, FamilyPortalDbContext db) : PageModel
{
    public string MunicipalityName => current.Name ?? "";

    public DashboardFigures.View View { get; private set; } = null!;

    public int PendingChangeRequests { get; private set; }

    public IReadOnlyList<FileDashboard.PaiChild> PaiToday { get; private set; } = [];
    /// <summary>Supporting documents deposited by families and waiting for staff.</summary>
    public int DocumentsToValidate { get; private set; }

    /// <summary>Threads nobody has taken in hand yet, and threads with a family's message nobody has opened.</summary>
    public (int New, int Unread) Messages { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        View = await dashboard.LoadAsync(current.Id!.Value, ct);
        PendingChangeRequests = await files.PendingRequestsAsync(ct);
        PaiToday = await files.PaiTodayAsync(View.Today, ct);
        DocumentsToValidate = await db.Set<SupportingDocument>().CountAsync(d => d.Status == DocumentStatus.Deposited, ct);
        Messages = (await db.Set<MessageThread>().CountAsync(t => t.Status == ThreadStatus.New, ct),
            await db.Set<MessageThread>().CountAsync(t => t.Messages.Any(m => m.AuthorSide == MessageSide.Parent && m.ReadByStaffAtUtc == null), ct));
    }

    /// <summary>« 7 / 30 », « 6 / 6 – complet » (in words, not only in numbers), « fermé ».</summary>
    public static string Places(DashboardFigures.DayLoad day)
    {
        ArgumentNullException.ThrowIfNull(day);
        if (day.Closed)
        {
            return "fermé";
        }
        var places = day.Capacity is { } capacity ? $"{day.Booked} / {capacity}" : $"{day.Booked} (sans limite)";
        return day.Full ? $"{places} – complet" : places;
    }
}
