namespace FamilyPortal.Web.Infrastructure.Captcha;

/// <summary>
/// What a form page gets when it issues a captcha: only the public id, never the answer.
/// The id is empty when the captcha is switched off.
/// </summary>
public sealed record CaptchaChallenge(string Id, DateTime ExpiresAtUtc)
{
    public const string PathPrefix = "/captcha";

    public bool IsEmpty => Id.Length == 0;

    public string ImagePath => ImagePathOf(Id);

    public string AudioPath => AudioPathOf(Id);

    public static string ImagePathOf(string id) => $"{PathPrefix}/{id}.png";

    public static string AudioPathOf(string id) => $"{PathPrefix}/{id}.wav";
}
