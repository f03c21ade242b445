using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Attendance.Admin;

public partial class IndexModel
{
    /// <summary>One mark as the page's script queues it on the device.</summary>
    public sealed record DeviceMark(
        [property: JsonPropertyName("id")] string? Id,
        [property: JsonPropertyName("enfant")] int ChildId,
        [property: JsonPropertyName("prestation")] int ActivityId,
        [property: JsonPropertyName("jour")] string? Day,
        [property: JsonPropertyName("action")] string? Action,
        [property: JsonPropertyName("motif")] string? Motif,
        [property: JsonPropertyName("heure")] string? Time,
        [property: JsonPropertyName("prisLe")] DateTimeOffset? TakenAt);

    public sealed record DeviceBatch([property: JsonPropertyName("marks")] IReadOnlyList<DeviceMark>? Marks);

    public sealed record DeviceResult(
        [property: JsonPropertyName("id")] string? Id,
        [property: JsonPropertyName("etat")] string State,
        [property: JsonPropertyName("message")] string? Message);

    /// <summary>
    /// The marks a device queued (offline or not), each with the time the device took it; the anti-forgery token
    /// comes in the « RequestVerificationToken » header. Each mark gets its answer: applied, superseded by a
    /// later one (journalled all the same) or refused with why; a refused mark is never retried by the device.
    /// </summary>
    public async Task<IActionResult> OnPostMarksAsync(CancellationToken ct)
    {
        if ((Prestation is not null || SiteFilter is not null) && !await LoadAsync(ct))
        {
            return NotFound();
        }
        DeviceBatch? batch;
        try
        {
            batch = Request.HasJsonContentType()
                ? await JsonSerializer.DeserializeAsync<DeviceBatch>(Request.Body, cancellationToken: ct)
                : null;
        }
        catch (JsonException)
        {
            batch = null;
        }
        if (batch?.Marks is not { Count: > 0 and <= AttendanceMarks.MaxBatch } list)
        {
            return BadRequest(new { message = "Envoyez de 1 à 500 pointages au format attendu." });
        }
        var activityIds = list.Select(m => m.ActivityId).Distinct().ToList();
        var known = (await db.Activities.Where(a => activityIds.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct)).ToHashSet();
        var answers = new DeviceResult?[list.Count];
        var requests = new List<(int Index, AttendanceMarks.MarkRequest Request)>();
        for (var i = 0; i < list.Count; i++)
        {
            var mark = list[i];
            var action = AttendanceTexts.ParseAction(mark.Action);
            var motif = AttendanceTexts.ParseMotif(mark.Motif);
            var dayOk = DateOnly.TryParseExact(mark.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day);
            TimeOnly? at = null;
            var timeOk = string.IsNullOrEmpty(mark.Time) || TimeOnly.TryParseExact(mark.Time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) && (at = parsed) is not null;
            string? refusal = !known.Contains(mark.ActivityId) ? "Prestation inconnue."
                : !dayOk ? "Jour illisible."
                : action is null ? "Action inconnue."
                : action == MarkAction.Absent && motif is null ? "Motif d'absence inconnu."
                : !timeOk ? "Heure illisible."
                : mark.TakenAt is null ? "Heure du pointage manquante."
                : (mark.Id?.Length ?? 0) > 64 ? "Identifiant trop long."
                : null;
            if (refusal is not null)
            {
                answers[i] = new DeviceResult(Shorten(mark.Id), "refuse", refusal);
                continue;
            }
            requests.Add((i, new AttendanceMarks.MarkRequest(mark.ChildId, mark.ActivityId, day, action!.Value,
                action == MarkAction.Absent ? motif : null, at, mark.TakenAt!.Value.UtcDateTime)));
        }
        if (requests.Count > 0)
        {
            var results = await marks.ApplyAsync(requests.Select(r => r.Request).ToList(), ct);
            for (var k = 0; k < requests.Count; k++)
            {
                var (index, _) = requests[k];
                answers[index] = new DeviceResult(list[index].Id, results[k].Outcome switch
                {
                    AttendanceMarks.Outcome.Applied => "applique",
                    AttendanceMarks.Outcome.Superseded => "remplace",
                    _ => "refuse",
                }, results[k].Message);
            }
        }
        return new JsonResult(new { resultats = answers });
    }

    private static string? Shorten(string? id) => id is { Length: > 64 } ? id[..64] : id;
}
