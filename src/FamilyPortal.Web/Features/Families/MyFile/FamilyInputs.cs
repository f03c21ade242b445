using FamilyPortal.Web.Features.Families.Rules;

namespace FamilyPortal.Web.Features.Families.MyFile;

/// <summary>The « Famille » form of the parents.</summary>
public sealed class FamilyInput
{
    public string? AddressLine { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public string? AllowanceBody { get; set; }
    public string? AllowanceNumber { get; set; }
    public string? Situation { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public List<AdultInput> Adults { get; set; } = [];

    public sealed class AdultInput
    {
        public int Id { get; set; }
        public string? Email { get; set; }
        public string? MobilePhone { get; set; }
        public string? HomePhone { get; set; }
        public string? WorkPhone { get; set; }
    }

    public static FamilyInput From(FamilyFileValues values) => new()
    {
        AddressLine = values.AddressLine,
        PostalCode = values.PostalCode,
        City = values.City,
        AllowanceBody = values.AllowanceBody,
        AllowanceNumber = values.AllowanceNumber,
        Situation = values.Situation,
        Phone = Shown(values.Phone),
        Email = values.Email,
        Adults = values.Adults.Select(a => new AdultInput
        {
            Id = a.Id,
            Email = a.Email,
            MobilePhone = Shown(a.MobilePhone),
            HomePhone = Shown(a.HomePhone),
            WorkPhone = Shown(a.WorkPhone),
        }).ToList(),
    };

    public static string? Shown(string? phone) => phone is null ? null : FrenchPhone.Format(phone);

    /// <summary>The checked values (names of the responsables from the stored file), or null after <paramref name="fail"/> for each wrong field.</summary>
    public FamilyFileValues? Validate(FamilyFileValues stored, Action<string, string> fail)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(fail);
        var ok = true;
        void Fail(string field, string message)
        {
            fail(field, message);
            ok = false;
        }
        var address = Text(AddressLine, 200, nameof(AddressLine), "L'adresse ne doit pas dépasser 200 caractères.", Fail);
        var postalCode = Optional(PostalCode);
        if (postalCode is not null && (postalCode.Length != 5 || !postalCode.All(char.IsAsciiDigit)))
        {
            Fail(nameof(PostalCode), "Le code postal compte 5 chiffres, par exemple 54200.");
        }
        var city = Text(City, 100, nameof(City), "La commune ne doit pas dépasser 100 caractères.", Fail);
        var body = Optional(AllowanceBody);
        var number = Optional(AllowanceNumber)?.Replace(" ", "", StringComparison.Ordinal);
        if (body is not null && !FamilyFileValues.AllowanceBodies.Contains(body))
        {
            Fail(nameof(AllowanceBody), "Choisissez la CAF ou la MSA.");
        }
        if (number is not null && (number.Length is < 4 or > 15 || !number.All(char.IsAsciiDigit)))
        {
            Fail(nameof(AllowanceNumber), "Le numéro d'allocataire ne contient que des chiffres (4 à 15).");
        }
        else if (number is not null && body is null)
        {
            Fail(nameof(AllowanceBody), "Indiquez l'organisme de votre numéro d'allocataire : CAF ou MSA.");
        }
        var situation = Optional(Situation);
        if (situation is not null && !FamilyFileValues.Situations.Contains(situation))
        {
            Fail(nameof(Situation), "Choisissez une situation familiale de la liste.");
        }
        var phone = CheckPhone(Phone, nameof(Phone), Fail);
        var familyEmail = ContactDetails.NormalizeEmail(Email);
        if (familyEmail is null)
        {
            Fail(nameof(Email), string.IsNullOrWhiteSpace(Email) ? EmailRequired : AdultFields.EmailMessage);
        }
        var adults = new List<AdultContact>();
        foreach (var adult in stored.Adults)
        {
            var index = Adults.FindIndex(a => a.Id == adult.Id);
            var input = index < 0 ? new AdultInput { Id = adult.Id } : Adults[index];
            var prefix = $"Adults[{Math.Max(index, 0)}].";
            string? email = null;
            if (!string.IsNullOrWhiteSpace(input.Email))
            {
                email = ContactDetails.NormalizeEmail(input.Email);
                if (email is null)
                {
                    Fail(prefix + nameof(AdultInput.Email), AdultFields.EmailMessage);
                }
            }
            adults.Add(adult with
            {
                Email = email,
                MobilePhone = CheckPhone(input.MobilePhone, prefix + nameof(AdultInput.MobilePhone), Fail),
                HomePhone = CheckPhone(input.HomePhone, prefix + nameof(AdultInput.HomePhone), Fail),
                WorkPhone = CheckPhone(input.WorkPhone, prefix + nameof(AdultInput.WorkPhone), Fail),
            });
        }
        return ok
            ? new FamilyFileValues { AddressLine = address, PostalCode = postalCode, City = city, AllowanceBody = body, AllowanceNumber = number, Situation = situation, Phone = phone, Email = familyEmail, Adults = adults }
            : null;
    }

    public const string EmailRequired = "Indiquez l'adresse email de la famille : la collectivité y envoie le code d'adhésion et les factures.";

    public static string? Optional(string? input) => string.IsNullOrWhiteSpace(input) ? null : input.Trim();

    public static string? Text(string? input, int max, string field, string message, Action<string, string> fail)
    {
        var text = Optional(input);
        if (text is not null && (text.Length > max || text.Any(char.IsControl)))
        {
            fail(field, message);
        }
        return text;
    }

    public static string? CheckPhone(string? input, string field, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }
        var phone = FrenchPhone.Normalize(input);
        if (phone is null)
        {
            fail(field, AdultFields.PhoneMessage);
        }
        return phone;
    }
}

/// <summary>A contact on the parents' form: Id 0 for a new one; an empty new block is ignored.</summary>
public sealed class ContactInput
{
    public int Id { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Relationship { get; set; }
    public string? Phone { get; set; }
    public bool Emergency { get; set; }
    public bool Pickup { get; set; }
    public List<int> ChildIds { get; set; } = [];
    public bool Remove { get; set; }

    public bool IsBlank => Id == 0 && new[] { FirstName, LastName, Relationship, Phone }.All(string.IsNullOrWhiteSpace);

    public static ContactInput From(ContactValues c) => new()
    {
        Id = c.Id,
        FirstName = c.FirstName,
        LastName = c.LastName,
        Relationship = c.Relationship,
        Phone = FamilyInput.Shown(c.Phone),
        Emergency = c.Emergency,
        Pickup = c.Pickup,
        ChildIds = [.. c.ChildIds],
    };

    /// <summary>The kept contacts, or null after <paramref name="fail"/> for each wrong field (prefix « Contacts[i]. »).</summary>
    public static List<ContactValues>? Validate(List<ContactInput> inputs, IReadOnlyCollection<int> familyChildIds, Action<string, string> fail)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var ok = true;
        var kept = new List<ContactValues>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            if (input.Remove || input.IsBlank)
            {
                continue;
            }
            var prefix = $"Contacts[{i}].";
            void Fail(string field, string message)
            {
                fail(prefix + field, message);
                ok = false;
            }
            var first = FamilyInput.Optional(input.FirstName);
            if (first is null || first.Length > FamilyContact.MaxNameLength)
            {
                Fail(nameof(FirstName), "Le prénom est obligatoire (100 caractères au plus).");
            }
            var last = FamilyInput.Optional(input.LastName);
            if (last is null || last.Length > FamilyContact.MaxNameLength)
            {
                Fail(nameof(LastName), "Le nom est obligatoire (100 caractères au plus).");
            }
            var relationship = FamilyInput.Text(input.Relationship, ResponsibleAdult.MaxRelationshipLength, nameof(Relationship), AdultFields.RelationshipMessage, Fail);
            var phone = FamilyInput.CheckPhone(input.Phone, nameof(Phone), Fail);
            if (string.IsNullOrWhiteSpace(input.Phone))
            {
                Fail(nameof(Phone), "Le téléphone est obligatoire, par exemple 06 12 34 56 78.");
            }
            if (!input.Emergency && !input.Pickup)
            {
                Fail(nameof(Emergency), "Cochez « à prévenir en cas d'urgence », « autorisée à récupérer l'enfant », ou les deux.");
            }
            var children = input.ChildIds.Where(familyChildIds.Contains).Distinct().Order().ToList();
            if (children.Count == 0)
            {
                Fail(nameof(ChildIds), "Cochez au moins un enfant concerné.");
            }
            if (first is not null && last is not null && phone is not null)
            {
                var value = new ContactValues(input.Id, first, last, relationship, phone, input.Emergency, input.Pickup, children);
                if (kept.Any(k => k.IsSamePerson(value)))
                {
                    Fail(nameof(LastName), $"{value.FullName} est déjà un contact de la famille : une personne n'est indiquée qu'une fois, avec tous les enfants concernés.");
                }
                kept.Add(value);
            }
        }
        return ok ? kept : null;
    }
}
