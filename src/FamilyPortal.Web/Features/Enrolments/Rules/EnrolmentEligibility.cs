namespace FamilyPortal.Web.Features.Enrolments.Rules;

/// <summary>The conditions of an activity a child must meet to be enrolled, each refusal in French.</summary>
public static class EnrolmentEligibility
{
    /// <summary>Null when the child may ask; otherwise why not.</summary>
    /// <param name="oldestUnpaidDays">Days past the due date of the family's oldest unpaid invoice, or null when none is unpaid.</param>
    public static string? Refusal(EnrolmentSettings settings, DateOnly? birthDate, string? schoolClass, DateOnly periodStart, int? oldestUnpaidDays)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.MinAge is not null || settings.MaxAge is not null)
        {
            if (birthDate is not { } born)
            {
                return "la date de naissance de l'enfant n'est pas connue de la mairie";
            }
            var age = AgeOn(born, periodStart);
            if (settings.MinAge is { } min && age < min)
            {
                return $"réservé aux enfants de {min} ans ou plus au {FrenchDates.Numeric(periodStart)}";
            }
            if (settings.MaxAge is { } max && age > max)
            {
                return $"réservé aux enfants de {max} ans ou moins au {FrenchDates.Numeric(periodStart)}";
            }
        }
        var classes = settings.ClassList;
        if (classes.Count > 0 && !classes.Contains(schoolClass?.Trim() ?? "", StringComparer.OrdinalIgnoreCase))
        {
            return $"réservé aux classes {string.Join(", ", classes)}";
        }
        if (settings.MaxUnpaidDays is { } limit && oldestUnpaidDays is { } late && late > limit)
        {
            return $"une facture est impayée depuis plus de {limit} jours : réglez-la avant de demander l'inscription";
        }
        return null;
    }

    public static int AgeOn(DateOnly birthDate, DateOnly day)
    {
        var age = day.Year - birthDate.Year;
        return birthDate.AddYears(age) > day ? age - 1 : age;
    }
}
