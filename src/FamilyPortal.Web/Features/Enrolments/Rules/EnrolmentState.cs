namespace FamilyPortal.Web.Features.Enrolments.Rules;

/// <summary>Where an inscription request stands.</summary>
public enum EnrolmentState
{
    /// <summary>« demande en attente »: staff have not decided yet.</summary>
    Pending,
    /// <summary>« inscrit »: holds a place; the child may book.</summary>
    Enrolled,
    /// <summary>« refusé », with the reason.</summary>
    Refused,
    /// <summary>« en liste d'attente », ranked by the moment the request joined the list.</summary>
    Waiting,
    /// <summary>A freed place kept for this child until the offer expires.</summary>
    Offered,
    /// <summary>« retiré » by the family or by staff.</summary>
    Withdrawn,
}

public static class EnrolmentStateText
{
    /// <summary>The state in words, as parents and staff read it; the rank and reason are given apart.</summary>
    public static string Describe(EnrolmentState? state, int? rank = null, string? reason = null) => state switch
    {
        null => "non inscrit",
        EnrolmentState.Pending => "demande en attente",
        EnrolmentState.Enrolled => "inscrit",
        EnrolmentState.Refused => reason is null ? "refusé" : $"refusé : {reason}",
        EnrolmentState.Waiting => rank is null ? "en liste d'attente" : $"en liste d'attente, rang {rank}",
        EnrolmentState.Offered => "place proposée, à accepter",
        EnrolmentState.Withdrawn => "retiré",
        _ => "",
    };

    /// <summary>A state that holds one of the activity's places.</summary>
    public static bool HoldsPlace(this EnrolmentState state) => state is EnrolmentState.Enrolled or EnrolmentState.Offered;

    /// <summary>A request still alive: a new one for the same period is not needed.</summary>
    public static bool IsOpen(this EnrolmentState state) => state is EnrolmentState.Pending or EnrolmentState.Enrolled
        or EnrolmentState.Waiting or EnrolmentState.Offered;
}
