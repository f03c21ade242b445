using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace FamilyPortal.Web.Features.Enrolments.Admin;

/// <summary>What the « Inscription » part of the activity form posts, as text so each field gets a French message.</summary>
public sealed class EnrolmentInput
{
    public string? Mode { get; set; }
    public string? Capacity { get; set; }
    public string? MinAge { get; set; }
    public string? MaxAge { get; set; }
    public string? Classes { get; set; }
    public bool AutoAccept { get; set; }
    public string? MaxUnpaidDays { get; set; }
    public string? PeriodLabel { get; set; }
    public string? PeriodStart { get; set; }
    public string? PeriodEnd { get; set; }
    /// <summary>« immediate » or « offer »: how a freed place goes to the first on the waiting list.</summary>
    public string? Promotion { get; set; }
    public string? OfferHours { get; set; }
    public bool RequireConfirmedFile { get; set; }
    public bool RequireValidDocuments { get; set; }
}

/// <summary>The « Inscription » settings of the activity form: shown from the activity, read back with French errors.</summary>
public static class EnrolmentFields
{
    private const string Prefix = "Input.Enrolment.";

    public static readonly IReadOnlyList<(EnrolmentMode Mode, string Label)> Modes =
    [
        (EnrolmentMode.None, "Sans inscription : les enfants du site réservent directement"),
        (EnrolmentMode.SchoolYear, "Inscription pour l'année scolaire"),
        (EnrolmentMode.Period, "Inscription pour une période (par exemple « Vacances d'hiver 2027 »)"),
    ];

    public static EnrolmentInput ToInput(EnrolmentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new EnrolmentInput
        {
            Mode = settings.Mode.ToString(),
            Capacity = FormText.Text(settings.Capacity),
            MinAge = FormText.Text(settings.MinAge),
            MaxAge = FormText.Text(settings.MaxAge),
            Classes = settings.Classes,
            AutoAccept = settings.AutoAccept,
            MaxUnpaidDays = FormText.Text(settings.MaxUnpaidDays),
            PeriodLabel = settings.PeriodLabel,
            PeriodStart = settings.PeriodStart?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            PeriodEnd = settings.PeriodEnd?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Promotion = settings.OfferHours is null ? "immediate" : "offer",
            OfferHours = FormText.Text(settings.OfferHours ?? EnrolmentSettings.DefaultOfferHours),
            RequireConfirmedFile = settings.RequireConfirmedFile,
            RequireValidDocuments = settings.RequireValidDocuments,
        };
    }

    /// <summary>The settings typed, or null with the errors added to the model state.</summary>
    public static EnrolmentSettings? Read(ModelStateDictionary state, EnrolmentInput? input)
    {
        ArgumentNullException.ThrowIfNull(state);
        input ??= new EnrolmentInput();
        var errors = state.ErrorCount;
        if (!Enum.TryParse<EnrolmentMode>(input.Mode ?? nameof(EnrolmentMode.None), out var mode) || !Enum.IsDefined(mode) || int.TryParse(input.Mode, out _))
        {
            state.AddModelError(Prefix + "Mode", "Choisissez le mode d'inscription dans la liste.");
        }
        var settings = new EnrolmentSettings
        {
            Mode = mode,
            AutoAccept = input.AutoAccept,
            RequireConfirmedFile = input.RequireConfirmedFile,
            RequireValidDocuments = input.RequireValidDocuments,
        };
        settings.Capacity = FormText.Number(state, Prefix + "Capacity", input.Capacity, 1, 10_000,
            "Le nombre de places est un nombre entre 1 et 10 000 ; laissez vide pour un nombre illimité.");
        settings.MinAge = FormText.Number(state, Prefix + "MinAge", input.MinAge, 0, 25, "L'âge minimum est un nombre d'années entre 0 et 25.");
        settings.MaxAge = FormText.Number(state, Prefix + "MaxAge", input.MaxAge, 0, 25, "L'âge maximum est un nombre d'années entre 0 et 25.");
        if (settings is { MinAge: { } min, MaxAge: { } max } && max < min)
        {
            state.AddModelError(Prefix + "MaxAge", "L'âge maximum ne peut pas être inférieur à l'âge minimum.");
        }
        var classes = string.Join(", ", (input.Classes ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (classes.Length > 200 || classes.Any(char.IsControl))
        {
            state.AddModelError(Prefix + "Classes", "Les classes admises tiennent en 200 caractères, séparées par des virgules (par exemple « CP, CE1 »).");
        }
        settings.Classes = classes.Length == 0 ? null : classes;
        settings.MaxUnpaidDays = FormText.Number(state, Prefix + "MaxUnpaidDays", input.MaxUnpaidDays, 0, 365,
            "Le nombre de jours est un nombre entre 0 et 365 ; laissez vide pour ne pas tenir compte des factures.");
        if (input.Promotion == "offer")
        {
            settings.OfferHours = FormText.Number(state, Prefix + "OfferHours", input.OfferHours, 1, 720,
                "Le délai pour accepter une place est un nombre d'heures entre 1 et 720.") ?? EnrolmentSettings.DefaultOfferHours;
        }
        else if (input.Promotion is not (null or "immediate"))
        {
            state.AddModelError(Prefix + "Promotion", "Choisissez comment une place libérée est attribuée.");
        }
        if (mode == EnrolmentMode.Period)
        {
            ReadPeriod(state, input, settings);
        }
        return state.ErrorCount == errors ? settings : null;
    }

    private static void ReadPeriod(ModelStateDictionary state, EnrolmentInput input, EnrolmentSettings settings)
    {
        var label = input.PeriodLabel?.Trim() ?? "";
        if (label.Length is 0 or > 100 || label.Any(char.IsControl))
        {
            state.AddModelError(Prefix + "PeriodLabel", "Nommez la période (100 caractères au plus), par exemple « Vacances d'hiver 2027 ».");
        }
        var start = FormText.Date(input.PeriodStart);
        var end = FormText.Date(input.PeriodEnd);
        if (start is null)
        {
            state.AddModelError(Prefix + "PeriodStart", "Saisissez le premier jour de la période (jj/mm/aaaa).");
        }
        if (end is null)
        {
            state.AddModelError(Prefix + "PeriodEnd", "Saisissez le dernier jour de la période (jj/mm/aaaa).");
        }
        else if (start is not null && (end < start || end.Value.DayNumber - start.Value.DayNumber > 366))
        {
            state.AddModelError(Prefix + "PeriodEnd", "La période finit après son premier jour, un an plus tard au plus.");
        }
        (settings.PeriodLabel, settings.PeriodStart, settings.PeriodEnd) = (label, start, end);
    }
}
