using System.Text.Json.Serialization;

namespace FamilyPortal.Web.Features.Documents;

/// <summary>A supporting document as the data exports list it: its metadata and fingerprint, never its content.</summary>
public sealed record DocumentExportRow
{
    [JsonPropertyName("type")] public required string Type { get; init; }
    [JsonPropertyName("enfantId")] public int? ChildId { get; init; }
    [JsonPropertyName("etat")] public required string Status { get; init; }
    [JsonPropertyName("motifDuRefus")] public string? RefusalReason { get; init; }
    [JsonPropertyName("deposeeLe")] public DateTime UploadedAtUtc { get; init; }
    [JsonPropertyName("decideeLe")] public DateTime? DecidedAtUtc { get; init; }
    [JsonPropertyName("expireLe")] public DateOnly? ExpiresOn { get; init; }
    [JsonPropertyName("fichier")] public required string FileName { get; init; }
    [JsonPropertyName("typeDeContenu")] public required string ContentType { get; init; }
    [JsonPropertyName("taille")] public long Size { get; init; }
    [JsonPropertyName("sha256")] public required string Sha256 { get; init; }

    /// <summary>Where the file itself is, for a reader of the export who looks for it; absent when not said.</summary>
    [JsonPropertyName("contenu")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ContentNote { get; init; }
}

public static class DocumentExportQueries
{
    /// <summary>The documents in the order they were handed in, projected for an export.</summary>
    public static IQueryable<DocumentExportRow> ForExport(this IQueryable<SupportingDocument> documents) =>
        documents.OrderBy(d => d.UploadedAtUtc).ThenBy(d => d.Id)
            .Select(d => new DocumentExportRow
            {
                Type = d.Type!.Name,
                ChildId = d.ChildId,
                Status = d.Status.ToString(),
                RefusalReason = d.RefusalReason,
                UploadedAtUtc = d.UploadedAtUtc,
                DecidedAtUtc = d.DecidedAtUtc,
                ExpiresOn = d.ExpiresOn,
                FileName = d.FileName,
                ContentType = d.ContentType,
                Size = d.Size,
                Sha256 = d.Sha256,
            });
}
