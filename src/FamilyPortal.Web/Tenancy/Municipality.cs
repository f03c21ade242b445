namespace FamilyPortal.Web.Tenancy;

/// <summary>A collectivité: one tenant of the portal.</summary>
public class Municipality
{
    public const string DefaultTimeZone = ParisClock.ZoneId;
    public const int DefaultMaxAccountsPerFamily = 2;

    public int Id { get; set; }
    public required string Name { get; set; }
    public required string ShortName { get; set; }
    public required string ContactEmail { get; set; }
    public string? PostalAddress { get; set; }
    public string TimeZoneId { get; set; } = DefaultTimeZone;
    public int MaxAccountsPerFamily { get; set; } = DefaultMaxAccountsPerFamily;
    /// <summary>Which public holidays close the grid: métropole, Alsace-Moselle or an overseas department.</summary>
    public HolidayCalendar Holidays { get; set; } = HolidayCalendar.Metropole;
    /// <summary>The school-holiday zone, used to pick the collectivité's lines of the ministry's file; null when not chosen.</summary>
    public SchoolZone? SchoolZone { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>Parents' changes of phone numbers and emails apply at once (journalled) instead of waiting for staff.</summary>
    public bool ContactChangesApplyAtOnce { get; set; }
    /// <summary>The age from which parents may allow a child to leave alone (« sortie seul(e) »).</summary>
    public int LeaveAloneMinimumAge { get; set; } = DefaultLeaveAloneMinimumAge;

    public const int DefaultLeaveAloneMinimumAge = 8;

    /// <summary>How many days before a validated document expires the family is reminded.</summary>
    public int DocumentReminderDays { get; set; } = DefaultDocumentReminderDays;

    public const int DefaultDocumentReminderDays = 30;

    /// <summary>The PayFiP client number of the collectivité's régie (6 digits); online payment is offered only when set.</summary>
    public string? PayFipClientNumber { get; set; }
    public PayFipMode PayFipMode { get; set; } = PayFipMode.Test;
    /// <summary>Parents may pay several invoices in one online payment.</summary>
    public bool PayFipSeveralInvoices { get; set; }

    /// <summary>The collectivité's SEPA creditor identifier (ICS); direct debit is offered only when it and the account below are set.</summary>
    public string? CreditorIdentifier { get; set; }
    /// <summary>The account the debits are paid into (the régie's or the Trésor public's), and its bank's BIC.</summary>
    public string? CreditorIban { get; set; }
    public string? CreditorBic { get; set; }
    public const int MaxSignatoryLength = 100;
    public const int MaxReminderTextLength = 1000;

    /// <summary>SIRET of the collectivité (14 digits), printed on the attestations fiscales.</summary>
    public string? Siret { get; set; }
    /// <summary>Who signs the attestations, « Marie DURAND », and as what, « Maire ».</summary>
    public string? SignatoryName { get; set; }
    public string? SignatoryTitle { get; set; }

    /// <summary>Unpaid invoices get reminder emails some days after their due date (up to three).</summary>
    public bool RemindersEnabled { get; set; }
    /// <summary>Days after the due date of the first, second and third reminder; null: no such reminder.</summary>
    public int? FirstReminderDays { get; set; }
    public int? SecondReminderDays { get; set; }
    public int? ThirdReminderDays { get; set; }
    /// <summary>The collectivité's own words, added to every reminder (how to pay, whom to call).</summary>
    public string? ReminderText { get; set; }
}
