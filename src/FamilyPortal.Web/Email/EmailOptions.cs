namespace FamilyPortal.Web.Email;

/// <summary>The « Email » configuration section: outbox dispatching and the development mailbox.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>Where .eml files go when no SMTP host is configured; relative to the content root.</summary>
    public string PickupDirectory { get; set; } = "data/mail";

    /// <summary>Tests turn the background loop off and dispatch by hand.</summary>
    public bool DispatcherEnabled { get; set; } = true;

    public int PollSeconds { get; set; } = 5;

    /// <summary>Messages read from the outbox per query.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>How long a claimed message is reserved for one instance; longer than one SMTP send can take.</summary>
    public int ClaimSeconds { get; set; } = 300;

    /// <summary>Opens the /dev/courriels mailbox outside Development (never in Production).</summary>
    public bool? ShowMailbox { get; set; }
}
