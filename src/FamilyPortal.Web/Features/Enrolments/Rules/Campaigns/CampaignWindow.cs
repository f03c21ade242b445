namespace FamilyPortal.Web.Features.Enrolments.Rules;

/// <summary>Where a campaign stands on a day (Paris): requests not open yet, open, closed awaiting the allocation, or allocated.</summary>
public enum CampaignStage
{
    NotOpenYet,
    Open,
    Closed,
    Confirmed,
}

public static class CampaignWindow
{
    /// <summary>The window runs from its first day to its last day inclusive, Paris time.</summary>
    public static CampaignStage StageOn(DateOnly opensOn, DateOnly closesOn, bool confirmed, DateOnly today) =>
        confirmed ? CampaignStage.Confirmed
        : today < opensOn ? CampaignStage.NotOpenYet
        : today <= closesOn ? CampaignStage.Open
        : CampaignStage.Closed;

    public static string Describe(CampaignStage stage) => stage switch
    {
        CampaignStage.NotOpenYet => "demandes pas encore ouvertes",
        CampaignStage.Open => "demandes ouvertes",
        CampaignStage.Closed => "demandes closes, attribution à faire",
        _ => "attribution confirmée",
    };
}
