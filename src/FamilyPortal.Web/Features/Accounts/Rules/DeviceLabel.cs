namespace FamilyPortal.Web.Features.Accounts.Rules;

/// <summary>
/// The words « Mon compte » shows for a remembered device, read from its User-Agent: « Chrome sur Android »,
/// « Safari sur iPhone ». Only the browser's family and the system: enough to recognise one's own phone,
/// nothing more precise kept about it.
/// </summary>
public static class DeviceLabel
{
    public const string Unknown = "Navigateur inconnu";
    public const int MaxLength = 100;

    public static string From(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return Unknown;
        }
        var browser = BrowserOf(userAgent);
        var system = SystemOf(userAgent);
        return (browser, system) switch
        {
            (null, null) => Unknown,
            (null, { } s) => $"Navigateur sur {s}",
            ({ } b, null) => b,
            ({ } b, { } s) => $"{b} sur {s}",
        };
    }

    // Order matters: Edge and Opera also say « Chrome », Chrome also says « Safari ».
    private static string? BrowserOf(string ua) =>
        Has(ua, "Edg/") || Has(ua, "EdgA/") || Has(ua, "EdgiOS/") ? "Edge"
        : Has(ua, "OPR/") || Has(ua, "Opera") ? "Opera"
        : Has(ua, "SamsungBrowser/") ? "Samsung Internet"
        : Has(ua, "Firefox/") || Has(ua, "FxiOS/") ? "Firefox"
        : Has(ua, "Chrome/") || Has(ua, "CriOS/") || Has(ua, "Chromium/") ? "Chrome"
        : Has(ua, "Safari/") ? "Safari"
        : null;

    private static string? SystemOf(string ua) =>
        Has(ua, "iPhone") ? "iPhone"
        : Has(ua, "iPad") ? "iPad"
        : Has(ua, "Android") ? "Android"
        : Has(ua, "Windows") ? "Windows"
        : Has(ua, "CrOS") ? "ChromeOS"
        : Has(ua, "Macintosh") || Has(ua, "Mac OS X") ? "Mac"
        : Has(ua, "Linux") ? "Linux"
        : null;

    private static bool Has(string ua, string token) => ua.Contains(token, StringComparison.OrdinalIgnoreCase);
}
