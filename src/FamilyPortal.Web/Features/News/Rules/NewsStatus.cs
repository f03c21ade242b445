namespace FamilyPortal.Web.Features.News.Rules;

public enum NewsStatus
{
    /// <summary>No publication date: only staff see it.</summary>
    Draft,
    /// <summary>Publication starts later.</summary>
    Scheduled,
    /// <summary>Shown to the families now.</summary>
    Published,
    /// <summary>The publication has ended.</summary>
    Expired,
}
