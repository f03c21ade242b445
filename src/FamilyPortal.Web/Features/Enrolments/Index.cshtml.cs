using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Enrolments;

/// <summary>
/// « Inscriptions », reached from « Mes réservations »: for each child, the activities of its site that need
/// an inscription, per year or period, with where the request stands; « Inscrire mon enfant », « Retirer »,
/// « Accepter la place ».
/// </summary>
[Authorize]
public class IndexModel(FamilyPortalDbContext db, CurrentMunicipality current, FamilyActivities family,
    EnrolmentPeriods periods, EnrolmentPromotion promotion, EnrolmentService enrolments, CampaignRequests campaigns) : PageModel
{
    public sealed record Row(Child Child, Activity Activity, EnrolmentPeriod Period, Enrolment? Enrolment, int? Rank)
    {
        /// <summary>The campaign gathering this activity's requests for the period, until its allocation is confirmed.</summary>
        public AllocationCampaign? Campaign { get; init; }
        public CampaignStage? Stage { get; init; }
        /// <summary>What the family declared on its campaign request.</summary>
        public bool BothParentsWorking { get; init; }

        /// <summary>During a campaign's window a request waiting may still be changed.</summary>
        public bool MayAskInCampaign => Stage == CampaignStage.Open && (MayRequest || Enrolment!.State == EnrolmentState.Pending);

        public string State => EnrolmentStateText.Describe(Enrolment?.State is { } state && state != EnrolmentState.Withdrawn ? state : null,
            Rank, Enrolment?.RefusalReason);

        /// <summary>A family may ask again after a refusal or a withdrawal.</summary>
        public bool MayRequest => Enrolment is null || !Enrolment.State.IsOpen();
    }

    public CurrentMunicipality Current => current;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    [TempData] public string? Flash { get; set; }
    public string? Message { get; private set; }
    public bool MessageIsError { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Message = Flash;
        await LoadAsync(ct);
    }

    /// <summary>« Inscrire mon enfant »: the child, the activity and the first day of the year or period.</summary>
    public Task<IActionResult> OnPostRequestAsync(int? enfant, int? activite, string? periode, string? deuxParents, CancellationToken ct) =>
        ActAsync(async scope =>
        {
            // Someone else's child is not found, whatever else the form says.
            if (enfant is { } known && !await db.Children.AnyAsync(c => c.Id == known && c.FamilyId == scope.FamilyId, ct))
            {
                throw new EnrolmentRefusedException("Cette activité n'est pas proposée à cet enfant.", StatusCodes.Status404NotFound);
            }
            if (enfant is not { } childId || activite is not { } activityId || FormText.Date(periode) is not { } start)
            {
                throw new EnrolmentRefusedException("Demande invalide : choisissez un enfant, une activité et une période.", StatusCodes.Status400BadRequest);
            }
            if (await campaigns.PendingForAsync(activityId, start, ct) is { } campaign)
            {
                await campaigns.RequestAsync(scope, campaign, childId, activityId, deuxParents == "oui", ct);
                return $"Votre demande est enregistrée pour la campagne « {campaign.Name} » : l'ordre d'arrivée ne compte pas, vous pouvez la modifier jusqu'au {FrenchDates.Numeric(campaign.ClosesOn)} inclus. Le résultat vous sera envoyé par courriel.";
            }
            return await RequestAsync(scope, childId, activityId, start, ct);
        }, ct);

    public Task<IActionResult> OnPostWithdrawAsync(int? id, CancellationToken ct) =>
        ActAsync(async scope =>
        {
            await enrolments.WithdrawAsync(scope, id ?? 0, ct);
            return "La demande ou l'inscription est retirée.";
        }, ct);

    public Task<IActionResult> OnPostAcceptAsync(int? id, CancellationToken ct) =>
        ActAsync(async scope =>
        {
            await enrolments.AcceptOfferAsync(scope, id ?? 0, ct);
            return "La place est acceptée : votre enfant est inscrit.";
        }, ct);

    private async Task<string> RequestAsync(ParentScope scope, int childId, int activityId, DateOnly start, CancellationToken ct)
    {
        var enrolment = await enrolments.RequestAsync(scope, childId, activityId, start, ct);
        return enrolment.State switch
        {
            EnrolmentState.Enrolled => "Votre enfant est inscrit : vous pouvez réserver ses jours dans « Mes réservations ».",
            EnrolmentState.Waiting => $"L'activité est complète : votre demande est en liste d'attente, rang {await promotion.RankAsync(enrolment, ct)}.",
            _ => "Votre demande d'inscription est enregistrée ; la mairie vous répondra par courriel.",
        };
    }

    private async Task<IActionResult> ActAsync(Func<ParentScope, Task<string>> act, CancellationToken ct)
    {
        if (ParentScope.Of(current) is not { } scope)
        {
            return BadRequest();
        }
        try
        {
            Flash = await act(scope);
            return RedirectToPage();
        }
        catch (EnrolmentRefusedException refusal)
        {
            await LoadAsync(ct);
            Message = refusal.Message;
            MessageIsError = true;
            Response.StatusCode = refusal.StatusCode;
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (ParentScope.Of(current) is not { } scope)
        {
            return;
        }
        var children = await family.ChildrenAsync(scope, ct);
        var childIds = children.Select(c => c.Id).ToList();
        var activities = (await db.Activities.AsNoTracking().Where(a => !a.IsArchived && a.Enrolment.Mode != EnrolmentMode.None)
            .OrderBy(a => a.SortOrder).ThenBy(a => a.Label).ToListAsync(ct));
        var requests = await db.Enrolments.AsNoTracking().Where(e => childIds.Contains(e.ChildId)).ToListAsync(ct);
        var requestIds = requests.Select(e => e.Id).ToList();
        var declared = await db.CampaignRequests.AsNoTracking().Where(r => requestIds.Contains(r.EnrolmentId))
            .Select(r => new { r.CampaignId, r.EnrolmentId, r.BothParentsWorking }).ToListAsync(ct);
        var pendingCampaigns = await campaigns.PendingAsync(ct);
        var today = campaigns.Today;
        var rows = new List<Row>();
        foreach (var activity in activities)
        {
            var open = await periods.OpenAsync(activity, ct);
            foreach (var child in children.Where(c => BookingVerdict.IsOffered(c.SiteId, activity.SiteId)))
            {
                foreach (var period in open)
                {
                    var request = requests.FirstOrDefault(e => e.ChildId == child.Id && e.ActivityId == activity.Id && e.StartDate == period.Start);
                    var rank = request?.State == EnrolmentState.Waiting ? await promotion.RankAsync(request, ct) : (int?)null;
                    var campaign = pendingCampaigns.FirstOrDefault(c => c.PeriodStart == period.Start && c.Activities.Any(a => a.ActivityId == activity.Id));
                    rows.Add(new Row(child, activity, period, request, rank)
                    {
                        Campaign = campaign,
                        Stage = campaign?.StageOn(today),
                        BothParentsWorking = declared.Any(d => d.CampaignId == campaign?.Id && d.EnrolmentId == request?.Id && d.BothParentsWorking),
                    });
                }
            }
        }
        Rows = rows.OrderBy(r => r.Child.BirthDate).ThenBy(r => r.Child.FirstName).ThenBy(r => r.Period.Start).ToList();
    }
}
