namespace FamilyPortal.Web.Features.News;

/// <summary>
/// An actualité: a message of the collectivité to its families, in plain text, shown to parents while its
/// publication window contains the present moment.
/// </summary>
public class NewsItem : ITenantOwned, IVersioned
{
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 10_000;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public required string Title { get; set; }
    /// <summary>Plain text: blank lines separate paragraphs, bare http(s) addresses become links when shown.</summary>
    public required string Body { get; set; }
    /// <summary>Start of the publication, or null for a draft (« brouillon »).</summary>
    public DateTime? PublishFromUtc { get; set; }
    /// <summary>End of the publication (excluded), or null to stay published.</summary>
    public DateTime? PublishUntilUtc { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    /// <summary>Concurrency token, raised by every staff save: a second save of the same version is refused.</summary>
    public int Version { get; set; }

    public NewsStatus StatusAt(DateTimeOffset now) => NewsPublication.StatusOf(PublishFromUtc, PublishUntilUtc, now.UtcDateTime);
}
