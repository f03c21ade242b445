namespace FamilyPortal.Web.Features.Families.Rules;

/// <summary>What parents keep on the « Famille » part of their file.</summary>
public sealed record FamilyFileValues
{
    public string? AddressLine { get; init; }
    public string? PostalCode { get; init; }
    public string? City { get; init; }
    /// <summary>« CAF » or « MSA ».</summary>
    public string? AllowanceBody { get; init; }
    public string? AllowanceNumber { get; init; }
    public string? Situation { get; init; }
    /// <summary>The family's phone, national form.</summary>
    public string? Phone { get; init; }
    /// <summary>The family's address: the code d'adhésion, invoices and reminders go there. Null in requests made before parents could change it.</summary>
    public string? Email { get; init; }
    /// <summary>Contact details of each responsable légal (names stay the staff's).</summary>
    public IReadOnlyList<AdultContact> Adults { get; init; } = [];

    public static readonly IReadOnlyList<string> AllowanceBodies = ["CAF", "MSA"];

    public static readonly IReadOnlyList<string> Situations =
        ["Marié(e)s", "Pacsé(e)s", "Vie maritale", "Célibataire", "Séparé(e)s", "Divorcé(e)s", "Veuf / veuve"];

    public static readonly IReadOnlyList<(string Field, string Label, Func<FamilyFileValues, string?> Value)> Fields =
    [
        (nameof(AddressLine), "Adresse", v => v.AddressLine),
        (nameof(PostalCode), "Code postal", v => v.PostalCode),
        (nameof(City), "Commune", v => v.City),
        (nameof(AllowanceBody), "Organisme (CAF ou MSA)", v => v.AllowanceBody),
        (nameof(AllowanceNumber), "Numéro d'allocataire", v => v.AllowanceNumber),
        (nameof(Situation), "Situation familiale", v => v.Situation),
        (nameof(Phone), "Téléphone de la famille", v => v.Phone),
        (nameof(Email), "Adresse email de la famille", v => v.Email),
    ];

    /// <summary>The changed fields; a responsable's field is named « Adults[id].Email ».</summary>
    public static IReadOnlyList<FieldChange> Differences(FamilyFileValues before, FamilyFileValues after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = Fields.Where(f => f.Value(before) != f.Value(after))
            .Select(f => new FieldChange(f.Field, f.Label, f.Value(before), f.Value(after))).ToList();
        foreach (var adult in after.Adults)
        {
            var old = before.Adults.FirstOrDefault(a => a.Id == adult.Id) ?? adult with { Email = null, MobilePhone = null, HomePhone = null, WorkPhone = null };
            foreach (var (field, label, value) in AdultContact.Fields)
            {
                if (value(old) != value(adult))
                {
                    changes.Add(new FieldChange($"Adults[{adult.Id}].{field}", $"{label} de {adult.Name}", value(old), value(adult)));
                }
            }
        }
        return changes;
    }

    /// <summary>
    /// True when every change is a phone number or a responsable's email: what a collectivité may let apply at once.
    /// The family's own address is not one of them: the code d'adhésion is sent there, so staff always check it.
    /// </summary>
    public static bool OnlyPhonesAndEmails(IEnumerable<FieldChange> changes) =>
        changes.All(c => c.Field == nameof(Phone) || c.Field.EndsWith("Phone", StringComparison.Ordinal) || c.Field.EndsWith(".Email", StringComparison.Ordinal));
}

/// <summary>A responsable légal's contact details on the parents' form.</summary>
public sealed record AdultContact(int Id, string Name, string? Email, string? MobilePhone, string? HomePhone, string? WorkPhone)
{
    public static readonly IReadOnlyList<(string Field, string Label, Func<AdultContact, string?> Value)> Fields =
    [
        (nameof(Email), "Email", a => a.Email),
        (nameof(MobilePhone), "Téléphone portable", a => a.MobilePhone),
        (nameof(HomePhone), "Téléphone domicile", a => a.HomePhone),
        (nameof(WorkPhone), "Téléphone travail", a => a.WorkPhone),
    ];
}
