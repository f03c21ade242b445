namespace FamilyPortal.Web.Email;

/// <summary>How the connection to the SMTP server is protected.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain text: only for a relay on the same host or private network.</summary>
    None,
    /// <summary>STARTTLS is required: a server that does not offer it is an error, never a plain-text fall-back.</summary>
    StartTls,
    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}

/// <summary>The « Smtp » configuration section. An empty host means « no SMTP »: mail goes to the pickup folder.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "Portail Famille <ne-pas-repondre@portail-famille.fr>";
    public int TimeoutSeconds { get; set; } = 30;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
