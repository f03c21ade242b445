using System.Net.Mail;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace FamilyPortal.Web.Features.Accounts;

/// <summary>
/// The « bas de la feuille » details shared by account creation and « Mon compte »: checked with French
/// messages next to each field, then normalised (trimmed names, national phone numbers, lower-case emails).
/// </summary>
public sealed record ContactDetails(
    string? Civility, string LastName, string FirstName, string Notification,
    string? PrimaryPhone, string? SecondaryPhone, string Email, string? SecondaryEmail)
{
    public static readonly IReadOnlyList<string> Civilities = ["M.", "Mme"];
    /// <summary>The one notification channel: the portal sends nothing by any other way, so it offers no other.</summary>
    public const string NotifyByEmail = "E-mail";
    private const int MaxNameLength = 100;

    public static ContactDetails? Validate(
        ModelStateDictionary errors, string prefix,
        string? civility, string? lastName, string? firstName, string? notification,
        string? primaryPhone, string? secondaryPhone, string? email, string? secondaryEmail)
    {
        var ok = true;
        void Fail(string field, string message)
        {
            errors.AddModelError(prefix + field, message);
            ok = false;
        }

        if (!string.IsNullOrEmpty(civility) && !Civilities.Contains(civility))
        {
            Fail("Civility", "Choisissez « M. » ou « Mme ».");
        }
        var last = RequiredName(lastName, "Nom", m => Fail("LastName", m));
        var first = RequiredName(firstName, "Prénom", m => Fail("FirstName", m));
        var channel = string.IsNullOrEmpty(notification) ? NotifyByEmail : notification;
        if (channel != NotifyByEmail)
        {
            Fail("Notification", "Choisissez un mode de notification proposé.");
        }
        var phone1 = OptionalPhone(primaryPhone, m => Fail("PrimaryPhone", m));
        var phone2 = OptionalPhone(secondaryPhone, m => Fail("SecondaryPhone", m));
        var mail1 = NormalizeEmail(email);
        if (string.IsNullOrWhiteSpace(email))
        {
            Fail("Email", "L'email principal est obligatoire.");
        }
        else if (mail1 is null)
        {
            Fail("Email", "Saisissez une adresse email valide, par exemple nom@exemple.fr.");
        }
        string? mail2 = null;
        if (!string.IsNullOrWhiteSpace(secondaryEmail))
        {
            mail2 = NormalizeEmail(secondaryEmail);
            if (mail2 is null)
            {
                Fail("SecondaryEmail", "Saisissez une adresse email valide, par exemple nom@exemple.fr.");
            }
        }
        return ok ? new ContactDetails(string.IsNullOrEmpty(civility) ? null : civility, last!, first!, channel, phone1, phone2, mail1!, mail2) : null;
    }

    /// <summary>A single plain address (no display name, no list, no line break), lower-cased.</summary>
    public static string? NormalizeEmail(string? input)
    {
        var text = input?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 254 || text.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
            || text.Count(c => c == '@') != 1 || text.IndexOfAny([',', ';', '<', '>', '"', '(', ')']) >= 0)
        {
            return null;
        }
        if (!MailAddress.TryCreate(text, out var address) || address.Address != text)
        {
            return null;
        }
        var domain = address.Host;
        return domain.Contains('.', StringComparison.Ordinal) && !domain.StartsWith('.') && !domain.EndsWith('.')
            ? text.ToLowerInvariant()
            : null;
    }

    private static string? RequiredName(string? value, string label, Action<string> fail)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            fail($"Le champ « {label} » est obligatoire.");
            return null;
        }
        if (text.Length > MaxNameLength || text.Any(char.IsControl))
        {
            fail($"Le champ « {label} » ne doit pas dépasser {MaxNameLength} caractères ni contenir de caractères de contrôle.");
            return null;
        }
        return text;
    }

    private static string? OptionalPhone(string? value, Action<string> fail)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var phone = FrenchPhone.Normalize(value);
        if (phone is null)
        {
            fail("Saisissez un numéro de téléphone français, par exemple 06 12 34 56 78.");
        }
        return phone;
    }
}
