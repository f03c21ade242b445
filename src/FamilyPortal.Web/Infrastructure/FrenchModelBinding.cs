using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace FamilyPortal.Web.Infrastructure;

/// <summary>
/// The messages of ASP.NET Core's model binding, in French: a forged or mistyped value that cannot even be
/// read as a number or a date (« abc » in a hidden version field, a huge number) otherwise shows the
/// framework's English « The value '…' is not valid for … » next to the field. The value itself is not
/// repeated: it may be huge or hostile, and the field shows it anyway.
/// </summary>
public static class FrenchModelBinding
{
    public const string InvalidValue = "La valeur saisie n'est pas valide.";

    public static void Apply(DefaultModelBindingMessageProvider messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        messages.SetAttemptedValueIsInvalidAccessor((_, field) => $"La valeur saisie pour « {field} » n'est pas valide.");
        messages.SetUnknownValueIsInvalidAccessor(field => $"La valeur saisie pour « {field} » n'est pas valide.");
        messages.SetValueMustBeANumberAccessor(field => $"Saisissez un nombre pour « {field} ».");
        messages.SetMissingBindRequiredValueAccessor(field => $"Le champ « {field} » est obligatoire.");
        messages.SetMissingKeyOrValueAccessor(() => "Une valeur est obligatoire.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Le formulaire envoyé est vide.");
        messages.SetValueMustNotBeNullAccessor(_ => "Une valeur est obligatoire.");
        messages.SetValueIsInvalidAccessor(_ => InvalidValue);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => InvalidValue);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => InvalidValue);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Saisissez un nombre.");
    }
}
