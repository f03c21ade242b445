namespace FamilyPortal.Web.Infrastructure.Captcha;

/// <summary>Settings under « Captcha ».</summary>
public sealed class CaptchaOptions
{
    public const string Section = "Captcha";

    /// <summary>
    /// Off only for automated test environments: verification then always succeeds and the form shows no
    /// captcha. A warning is logged at start-up when it is off.
    /// </summary>
    public bool Enabled { get; set; } = true;
}
