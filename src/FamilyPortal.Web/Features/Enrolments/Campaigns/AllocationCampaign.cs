namespace FamilyPortal.Web.Features.Enrolments.Campaigns;

/// <summary>
/// A « campagne d'inscription »: requests for some activities and one period gathered over a window, then
/// places allocated by ordered priority criteria and a draw whose seed is recorded and shown.
/// </summary>
public class AllocationCampaign : ITenantOwned
{
    public const int NameMaxLength = 100;
    public const int PostalCodesMaxLength = 200;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public required string Name { get; set; }
    public required string PeriodLabel { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    /// <summary>First and last days (Paris) on which families may ask.</summary>
    public DateOnly OpensOn { get; set; }
    public DateOnly ClosesOn { get; set; }
    /// <summary>The criteria's codes in their order (see <see cref="PriorityCriteria"/>).</summary>
    public required string Criteria { get; set; }
    /// <summary>The postcodes of the commune, separated by commas: a family living there is « résident ».</summary>
    public string? ResidentPostalCodes { get; set; }
    /// <summary>
    /// The draw's seed, drawn when the campaign is created — before any request — so that nobody can draw
    /// again until the result suits them.
    /// </summary>
    public int Seed { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string? CreatedByAccountId { get; set; }
    public DateTime? ConfirmedAtUtc { get; set; }
    public string? ConfirmedByAccountId { get; set; }
    public List<AllocationCampaignActivity> Activities { get; } = [];

    public IReadOnlyList<string> PostalCodeList => (ResidentPostalCodes ?? "")
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public CampaignStage StageOn(DateOnly today) => CampaignWindow.StageOn(OpensOn, ClosesOn, ConfirmedAtUtc is not null, today);
}

/// <summary>An activity of a campaign and the places the campaign gives in it.</summary>
public class AllocationCampaignActivity : ITenantOwned
{
    public int MunicipalityId { get; set; }
    public int CampaignId { get; set; }
    public int ActivityId { get; set; }
    public int Places { get; set; }
}

/// <summary>
/// What a campaign knows of an inscription request beyond the request itself: the family's declaration, and
/// once the allocation is confirmed, the rank it got and why.
/// </summary>
public class CampaignRequest : ITenantOwned
{
    public const int ExplanationMaxLength = 300;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int CampaignId { get; set; }
    public int EnrolmentId { get; set; }
    /// <summary>« Les deux parents travaillent » (or the only parent does), as declared by the family.</summary>
    public bool BothParentsWorking { get; set; }
    public int? Rank { get; set; }
    public bool? Accepted { get; set; }
    public string? Explanation { get; set; }
}
