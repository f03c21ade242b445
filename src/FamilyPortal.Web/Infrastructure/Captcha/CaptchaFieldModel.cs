using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace FamilyPortal.Web.Infrastructure.Captcha;

/// <summary>
/// Model of the partial « _Captcha ». <paramref name="FieldName"/> is the name the answer is posted
/// under (e.g. "Input.Captcha"); the challenge id is posted under the same name followed by "Id"
/// ("Input.CaptchaId"). <paramref name="ErrorMessage"/>, when set, is shown next to the field.
/// </summary>
public sealed record CaptchaFieldModel(string ChallengeId, string FieldName, string? ErrorMessage = null)
{
    /// <summary>Query parameter of the « Nouvelle image » link; the form page simply shows itself again.</summary>
    public const string NewCodeQuery = "nouveau-code";

    public CaptchaFieldModel(CaptchaChallenge challenge, string fieldName, string? errorMessage = null)
        : this(challenge.Id, fieldName, errorMessage) { }

    public string ChallengeIdFieldName => FieldName + "Id";

    public string InputId => TagBuilder.CreateSanitizedId(FieldName, "_");

    public string BlockId => InputId + "-bloc";

    public string ImagePath => CaptchaChallenge.ImagePathOf(ChallengeId);

    public string AudioPath => CaptchaChallenge.AudioPathOf(ChallengeId);

    /// <summary>
    /// The current page again, keeping its query, with a counter that differs from the current one: a link
    /// to the very same URL plus an anchor would only scroll, not reload. The anchor brings the reader back
    /// to the captcha.
    /// </summary>
    public string NewImageHref(HttpRequest request)
    {
        _ = int.TryParse(request.Query[NewCodeQuery], NumberStyles.None, CultureInfo.InvariantCulture, out var current);
        var next = (current % 1000) + 1;
        var query = request.Query
            .Where(q => !string.Equals(q.Key, NewCodeQuery, StringComparison.OrdinalIgnoreCase))
            .Append(new(NewCodeQuery, next.ToString(CultureInfo.InvariantCulture)));
        return $"{request.PathBase}{request.Path}{QueryString.Create(query)}#{BlockId}";
    }
}
