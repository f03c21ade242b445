namespace FamilyPortal.Web.Features.Families.Import;

/// <summary>
/// A CSV file of families sent by a staff member, kept on the server between its preview and the
/// confirmation, so the import writes exactly what was previewed (nothing comes back from the browser).
/// Found by an unguessable id, and only by the staff member who sent it, in their collectivité, for a
/// short while. Once imported, it keeps the outcome for the result page and loses its content.
/// </summary>
public class FamilyImportDraft : ITenantOwned
{
    /// <summary>How long a preview can be confirmed, and its result shown.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public Guid Id { get; set; }
    public int MunicipalityId { get; set; }
    /// <summary>The staff member who sent the file: nobody else may confirm it.</summary>
    public required string AccountId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public required string FileName { get; set; }
    /// <summary>« UTF-8 » or « Windows-1252 »: how the bytes were read.</summary>
    public required string EncodingName { get; set; }
    /// <summary>The decoded text of the file; emptied once imported.</summary>
    public string Content { get; set; } = "";
    public DateTime? ImportedAtUtc { get; set; }
    /// <summary>The outcome of the import (JSON), for the result page.</summary>
    public string? Result { get; set; }
}
