namespace FamilyPortal.Web.Features.Families;

/// <summary>
/// A responsable légal as typed on the family form or in an imported file: checked with French messages
/// (one per field, named after the property), then normalised (trimmed names, national phone numbers,
/// lower-case email).
/// </summary>
public sealed record AdultFields(
    string? Civility, string? LastName, string? FirstName, string? Relationship,
    string? Email, string? MobilePhone, string? HomePhone, string? WorkPhone)
{
    public const string CivilityMessage = "Choisissez « M. » ou « Mme ».";
    public const string LastNameMessage = "Le nom du responsable est obligatoire (100 caractères au plus).";
    public const string FirstNameMessage = "Le prénom du responsable est obligatoire (100 caractères au plus).";
    public const string RelationshipMessage = "Le lien avec l'enfant ne doit pas dépasser 50 caractères.";
    public const string EmailMessage = "Saisissez une adresse email valide, par exemple nom@exemple.fr.";
    public const string PhoneMessage = "Saisissez un numéro de téléphone français valide, par exemple 06 12 34 56 78.";

    /// <summary>Nothing typed at all: an empty block of the form, an empty second adult of a file.</summary>
    public bool IsBlank =>
        new[] { Civility, LastName, FirstName, Relationship, Email, MobilePhone, HomePhone, WorkPhone }.All(string.IsNullOrWhiteSpace);

    /// <summary>The normalised values, or null after calling <paramref name="fail"/> for each wrong field.</summary>
    public AdultValues? Validate(Action<string, string> fail)
    {
        ArgumentNullException.ThrowIfNull(fail);
        var ok = true;
        void Fail(string field, string message)
        {
            fail(field, message);
            ok = false;
        }

        var civility = NormalizeCivility(Civility, out var civilityOk);
        if (!civilityOk)
        {
            Fail(nameof(Civility), CivilityMessage);
        }
        var last = Name(LastName);
        if (last is null)
        {
            Fail(nameof(LastName), LastNameMessage);
        }
        var first = Name(FirstName);
        if (first is null)
        {
            Fail(nameof(FirstName), FirstNameMessage);
        }
        var relationship = Optional(Relationship);
        if (relationship is { Length: > ResponsibleAdult.MaxRelationshipLength } || relationship?.Any(char.IsControl) == true)
        {
            Fail(nameof(Relationship), RelationshipMessage);
        }
        string? email = null;
        if (!string.IsNullOrWhiteSpace(Email))
        {
            email = ContactDetails.NormalizeEmail(Email);
            if (email is null)
            {
                Fail(nameof(Email), EmailMessage);
            }
        }
        var mobile = Phone(MobilePhone, nameof(MobilePhone), Fail);
        var home = Phone(HomePhone, nameof(HomePhone), Fail);
        var work = Phone(WorkPhone, nameof(WorkPhone), Fail);
        return ok ? new AdultValues(civility, last!, first!, relationship, email, mobile, home, work) : null;
    }

    /// <summary>« M. » or « Mme » from what people write (« Monsieur », « mme », « M »); ok is false for anything else.</summary>
    public static string? NormalizeCivility(string? input, out bool ok)
    {
        ok = true;
        var text = input?.Trim().TrimEnd('.').ToUpperInvariant();
        switch (text)
        {
            case null or "":
                return null;
            case "M" or "MR" or "MONSIEUR":
                return "M.";
            case "MME" or "MADAME":
                return "Mme";
            default:
                ok = false;
                return null;
        }
    }

    private static string? Name(string? input)
    {
        var text = input?.Trim();
        return string.IsNullOrEmpty(text) || text.Length > ResponsibleAdult.MaxNameLength || text.Any(char.IsControl) ? null : text;
    }

    private static string? Optional(string? input) => string.IsNullOrWhiteSpace(input) ? null : input.Trim();

    private static string? Phone(string? input, string field, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }
        var phone = FrenchPhone.Normalize(input);
        if (phone is null)
        {
            fail(field, PhoneMessage);
        }
        return phone;
    }
}

/// <summary>A responsable légal's checked values.</summary>
public sealed record AdultValues(
    string? Civility, string LastName, string FirstName, string? Relationship,
    string? Email, string? MobilePhone, string? HomePhone, string? WorkPhone)
{
    /// <summary>Writes every value, empty ones included (the family form shows them all).</summary>
    public void CopyTo(ResponsibleAdult adult)
    {
        ArgumentNullException.ThrowIfNull(adult);
        adult.Civility = Civility;
        adult.LastName = LastName;
        adult.FirstName = FirstName;
        adult.Relationship = Relationship;
        adult.Email = Email;
        adult.MobilePhone = MobilePhone;
        adult.HomePhone = HomePhone;
        adult.WorkPhone = WorkPhone;
    }
}
