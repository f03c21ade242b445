namespace FamilyPortal.Web.Features.Messages;

/// <summary>
/// The checks of a posted message shared by the parents' and the staff's forms: the text, and the attachment under
/// the rules and preparation of the pièces justificatives. Errors land next to their field.
/// </summary>
public static class MessageForm
{
    /// <summary>Above the file limit, as for the pièces justificatives, so that a file a little too large gets the French message.</summary>
    public const int RequestLimit = PiecesModel.RequestLimit;

    public const string TextField = "Text";
    public const string UploadField = "Upload";
    public const string SubjectField = "Subject";

    /// <summary>The text and the prepared attachment (none sent: null), or null with the errors in <paramref name="modelState"/>.</summary>
    public static async Task<(string Text, PreparedFile? File)?> ReadAsync(HttpRequest request, string? text, IFormFile? upload,
        Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(modelState);
        var (kept, problem) = MessageRules.Text(text);
        if (problem is not null)
        {
            modelState.AddModelError(TextField, problem);
        }
        PreparedFile? file = null;
        if (request.ContentLength > RequestLimit)
        {
            modelState.AddModelError(UploadField, UploadRules.TooLarge);
        }
        else if (upload is not null)
        {
            (file, var fileProblem) = await DocumentFiles.PrepareAsync(upload, ct);
            if (fileProblem is not null)
            {
                modelState.AddModelError(UploadField, fileProblem);
            }
        }
        return modelState.IsValid && kept is not null ? (kept, file) : null;
    }

    /// <summary>The status of a refused form: 413 for a post too large, 422 otherwise.</summary>
    public static int RefusalStatus(HttpRequest request) =>
        request?.ContentLength > RequestLimit ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status422UnprocessableEntity;

    /// <summary>« 16/11/2026 à 09:05 », Paris time.</summary>
    public static string When(DateTime utc) =>
        ParisClock.ToParis(utc).ToString("dd/MM/yyyy 'à' HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
