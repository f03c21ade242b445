using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace FamilyPortal.Web.Features.Enrolments.Admin.Campaigns;

/// <summary>What the « Nouvelle campagne » form posts, as text so each field gets a French message.</summary>
public sealed class CampaignInput
{
    public string? Name { get; set; }
    /// <summary>The first day of the year or period (yyyy-MM-dd), chosen from the activities' own.</summary>
    public string? Period { get; set; }
    public List<string> ActivityIds { get; set; } = [];
    /// <summary>Places per activity, keyed by the activity's id.</summary>
    public Dictionary<string, string?> Places { get; set; } = [];
    public string? OpensOn { get; set; }
    public string? ClosesOn { get; set; }
    /// <summary>The criteria's codes, in the order of the form's lists; empty lists are skipped.</summary>
    public List<string?> Criteria { get; set; } = [];
    public string? PostalCodes { get; set; }
}

/// <summary>An activity the campaign may cover, with the years or periods it enrols for.</summary>
public sealed record CampaignChoice(Activity Activity, IReadOnlyList<EnrolmentPeriod> Periods);

/// <summary>Reads the form back into a campaign, or adds the French errors to the model state.</summary>
public static partial class CampaignForm
{
    public static int CriteriaSlots => PriorityCriteria.All.Count;

    [GeneratedRegex(@"^\d[0-9AB]\d{3}$")]
    private static partial Regex PostalCode();

    public static AllocationCampaign? Read(ModelStateDictionary state, CampaignInput input, IReadOnlyList<CampaignChoice> choices, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(choices);
        var errors = state.ErrorCount;
        var name = input.Name?.Trim() ?? "";
        if (name.Length is 0 or > AllocationCampaign.NameMaxLength || name.Any(char.IsControl))
        {
            state.AddModelError("Input.Name", $"Nommez la campagne ({AllocationCampaign.NameMaxLength} caractères au plus), par exemple « ALSH hiver 2027 ».");
        }
        var start = FormText.Date(input.Period);
        var period = choices.SelectMany(c => c.Periods).FirstOrDefault(p => p.Start == start);
        if (period is null)
        {
            state.AddModelError("Input.Period", "Choisissez la période dans la liste.");
        }
        var chosen = new List<(Activity Activity, int Places)>();
        var ids = input.ActivityIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            state.AddModelError("Input.ActivityIds", "Cochez au moins une activité.");
        }
        foreach (var id in ids)
        {
            var choice = choices.FirstOrDefault(c => FormText.Text(c.Activity.Id) == id);
            if (choice is null)
            {
                state.AddModelError("Input.ActivityIds", "Cochez des activités de la liste.");
                continue;
            }
            if (period is not null && choice.Periods.All(p => p.Start != period.Start))
            {
                state.AddModelError("Input.ActivityIds", $"« {choice.Activity.Label} » n'inscrit pas pour « {period.Label} ».");
            }
            var key = $"Input.Places[{id}]";
            var places = FormText.Number(state, key, input.Places.GetValueOrDefault(id), 1, 10_000,
                $"Le nombre de places de « {choice.Activity.Label} » est un nombre entre 1 et 10 000.");
            if (places is null && string.IsNullOrWhiteSpace(input.Places.GetValueOrDefault(id)))
            {
                state.AddModelError(key, $"Indiquez le nombre de places de « {choice.Activity.Label} ».");
            }
            chosen.Add((choice.Activity, places ?? 0));
        }
        var opens = FormText.Date(input.OpensOn);
        var closes = FormText.Date(input.ClosesOn);
        if (opens is null)
        {
            state.AddModelError("Input.OpensOn", "Saisissez le premier jour des demandes (jj/mm/aaaa).");
        }
        if (closes is null)
        {
            state.AddModelError("Input.ClosesOn", "Saisissez le dernier jour des demandes (jj/mm/aaaa).");
        }
        else if (closes < today)
        {
            state.AddModelError("Input.ClosesOn", "Le dernier jour des demandes ne peut pas être déjà passé.");
        }
        else if (opens is not null && (closes < opens || closes.Value.DayNumber - opens.Value.DayNumber > 366))
        {
            state.AddModelError("Input.ClosesOn", "Les demandes se terminent après leur premier jour, un an plus tard au plus.");
        }
        else if (period is not null && closes >= period.End)
        {
            state.AddModelError("Input.ClosesOn", "Les demandes se terminent avant la fin de la période.");
        }
        var criteria = ReadCriteria(state, input.Criteria);
        var postcodes = (input.PostalCodes ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        if (postcodes.Count > 20 || postcodes.Any(p => !PostalCode().IsMatch(p)))
        {
            state.AddModelError("Input.PostalCodes", "Saisissez des codes postaux de 5 chiffres séparés par des virgules (20 au plus), par exemple « 54000, 54100 ».");
        }
        else if (postcodes.Count == 0 && criteria.Contains(PriorityCriterion.Resident))
        {
            state.AddModelError("Input.PostalCodes", "Indiquez le ou les codes postaux de la commune : ils désignent les familles résidentes.");
        }
        if (state.ErrorCount != errors)
        {
            return null;
        }
        var campaign = new AllocationCampaign
        {
            Name = name,
            PeriodLabel = period!.Label,
            PeriodStart = period.Start,
            PeriodEnd = period.End,
            OpensOn = opens!.Value,
            ClosesOn = closes!.Value,
            Criteria = PriorityCriteria.Format(criteria),
            ResidentPostalCodes = postcodes.Count == 0 ? null : string.Join(", ", postcodes),
        };
        campaign.Activities.AddRange(chosen.Select(c => new AllocationCampaignActivity { ActivityId = c.Activity.Id, Places = c.Places }));
        return campaign;
    }

    private static List<PriorityCriterion> ReadCriteria(ModelStateDictionary state, List<string?> codes)
    {
        var criteria = new List<PriorityCriterion>();
        if (codes.Count > CriteriaSlots)
        {
            state.AddModelError("Input.Criteria", "Choisissez les critères dans les listes.");
            return criteria;
        }
        foreach (var code in codes.Where(c => !string.IsNullOrEmpty(c)))
        {
            if (!PriorityCriteria.TryParseCode(code, out var criterion))
            {
                state.AddModelError("Input.Criteria", "Choisissez les critères dans les listes.");
            }
            else if (criteria.Contains(criterion))
            {
                state.AddModelError("Input.Criteria", $"Le critère « {PriorityCriteria.Label(criterion)} » est choisi deux fois.");
            }
            else
            {
                criteria.Add(criterion);
            }
        }
        return criteria;
    }
}
