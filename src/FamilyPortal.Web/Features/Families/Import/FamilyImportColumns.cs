using System.Globalization;
using System.Text;
using FamilyPortal.Web.Infrastructure.Csv;

namespace FamilyPortal.Web.Features.Families.Import;

/// <summary>A column of the families file: its header, whether it must be there, and what to put in it.</summary>
public sealed record ImportColumn(string Key, string Label, bool Required, bool FamilyLevel, string Description, string[] Aliases);

/// <summary>
/// The columns of the families file, one line per child with the family's columns repeated (or left
/// empty) on each of its lines. Headers are recognised whatever their case, accents or a trailing « * ».
/// </summary>
public static class FamilyImportColumns
{
    public const string Reference = "reference";
    public const string Household = "household";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string ChildLastName = "child.last";
    public const string ChildFirstName = "child.first";
    public const string ChildBirthDate = "child.birth";
    public const string ChildSite = "child.site";
    public const string ChildClass = "child.class";

    /// <summary>Responsables légaux per line of the file.</summary>
    public const int AdultsPerLine = 2;

    /// <summary>The parts of a responsable légal, in column order, with the property of <see cref="AdultFields"/> they fill.</summary>
    public static readonly IReadOnlyList<(string Part, string Label, string Field, string Description)> AdultParts =
    [
        ("civility", "civilité", nameof(AdultFields.Civility), "« M. » ou « Mme »"),
        ("last", "nom", nameof(AdultFields.LastName), "nom de famille"),
        ("first", "prénom", nameof(AdultFields.FirstName), "prénom"),
        ("relationship", "lien", nameof(AdultFields.Relationship), "lien avec l'enfant : « Mère », « Père », « Tuteur »…"),
        ("email", "email", nameof(AdultFields.Email), "adresse email personnelle"),
        ("mobile", "portable", nameof(AdultFields.MobilePhone), "téléphone portable"),
        ("home", "téléphone domicile", nameof(AdultFields.HomePhone), "téléphone du domicile"),
        ("work", "téléphone travail", nameof(AdultFields.WorkPhone), "téléphone professionnel"),
    ];

    public static string AdultKey(int number, string part) => $"adult{number}.{part}";

    public static readonly IReadOnlyList<ImportColumn> All = Build();

    private static List<ImportColumn> Build()
    {
        var columns = new List<ImportColumn>
        {
            new(Reference, "Référence", true, true, "la référence de la famille dans vos dossiers (50 caractères au plus) : elle reconnaît la famille d'un import à l'autre", ["Référence du dossier", "Reference famille"]),
            new(Household, "Nom du foyer", true, true, "le nom du foyer, par exemple DUPOND", ["Foyer"]),
            new(Email, "Email", true, true, "l'adresse email de la famille : le code d'adhésion n'est envoyé qu'à elle", ["Email du foyer", "Email de la famille", "E-mail", "Adresse email", "Courriel"]),
            new(Phone, "Téléphone", false, true, "le téléphone du foyer", ["Téléphone du foyer"]),
        };
        for (var n = 1; n <= AdultsPerLine; n++)
        {
            foreach (var (part, label, _, description) in AdultParts)
            {
                var required = n == 1 && part is "last" or "first";
                var aliases = part switch
                {
                    "relationship" => new[] { $"Responsable {n} lien avec l'enfant" },
                    "home" => [$"Responsable {n} domicile"],
                    "work" => [$"Responsable {n} travail"],
                    "mobile" => [$"Responsable {n} téléphone portable"],
                    _ => [],
                };
                columns.Add(new(AdultKey(n, part), $"Responsable {n} {label}", required, true, description, aliases));
            }
        }
        columns.AddRange(
        [
            new(ChildLastName, "Enfant nom", true, false, "nom de l'enfant", []),
            new(ChildFirstName, "Enfant prénom", true, false, "prénom de l'enfant", []),
            new(ChildBirthDate, "Date de naissance", true, false, "date de naissance de l'enfant, jj/mm/aaaa", ["Enfant date de naissance"]),
            new(ChildSite, "Site", false, false, "nom ou préfixe d'un site de la collectivité", ["Enfant site"]),
            new(ChildClass, "Classe", false, false, "classe de l'enfant, par exemple CE2", ["Enfant classe"]),
        ]);
        return columns;
    }

    public static ImportColumn ByKey(string key) => All.Single(c => c.Key == key);

    /// <summary>Where each column is in the header line, or the header's errors.</summary>
    public static (Dictionary<string, int> Positions, List<string> Errors) Map(IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var byName = new Dictionary<string, ImportColumn>(StringComparer.Ordinal);
        foreach (var column in All)
        {
            foreach (var name in column.Aliases.Prepend(column.Label))
            {
                byName[HeaderKey(name)] = column;
            }
        }
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        var errors = new List<string>();
        for (var i = 0; i < header.Count; i++)
        {
            var text = header[i].Trim();
            if (text.Length == 0)
            {
                continue;
            }
            if (!byName.TryGetValue(HeaderKey(text), out var column))
            {
                errors.Add($"Colonne inconnue « {Shorten(text)} » : vérifiez son nom dans la liste des colonnes.");
            }
            else if (!positions.TryAdd(column.Key, i))
            {
                errors.Add($"La colonne « {column.Label} » figure deux fois dans la ligne d'en-tête.");
            }
        }
        var missing = All.Where(c => c.Required && !positions.ContainsKey(c.Key)).Select(c => $"« {c.Label} »").ToList();
        if (missing.Count > 0)
        {
            errors.Add($"Colonne{(missing.Count > 1 ? "s" : "")} obligatoire{(missing.Count > 1 ? "s" : "")} absente{(missing.Count > 1 ? "s" : "")} de la ligne d'en-tête : {string.Join(", ", missing)}.");
        }
        return (positions, errors);
    }

    /// <summary>Lower case, no accents, single spaces, no trailing « * »: « Date de naissance * » = « date de naissance ».</summary>
    public static string HeaderKey(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var plain = ImportText.WithoutAccents(text.Trim().TrimEnd('*').Trim()).ToLowerInvariant().Replace('’', '\'');
        return string.Join(' ', plain.Split([' ', '\t', '\u00A0'], StringSplitOptions.RemoveEmptyEntries));
    }

    internal static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;

    /// <summary>The example file offered on the page: UTF-8 with a byte order mark, « ; » separators.</summary>
    public static byte[] Example(string firstSite, string secondSite)
    {
        string?[] Row(params string?[] values) => values;
        var header = All.Select(c => c.Label).ToArray();
        var empty = new string?[8];
        string?[][] lines =
        [
            [.. Row("F-0101", "DUPOND", "famille.dupond@exemple.fr", "03 83 00 00 00"),
                .. Row("Mme", "DUPOND", "Marie", "Mère", "marie.dupond@exemple.fr", "06 12 34 56 78", null, null),
                .. Row("M.", "DUPOND", "Paul", "Père", null, "06 98 76 54 32", null, "03 83 11 22 33"),
                .. Row("DUPOND", "Anne", "12/05/2016", firstSite, "CE2")],
            [.. Row("F-0101", "DUPOND", "famille.dupond@exemple.fr", "03 83 00 00 00"),
                .. Row("Mme", "DUPOND", "Marie", "Mère", "marie.dupond@exemple.fr", "06 12 34 56 78", null, null),
                .. Row("M.", "DUPOND", "Paul", "Père", null, "06 98 76 54 32", null, "03 83 11 22 33"),
                .. Row("DUPOND", "Léo", "03/09/2019", firstSite, "GS")],
            [.. Row("F-0102", "LECŒUR", "famille.lecoeur@exemple.fr", null),
                .. Row("Mme", "LECŒUR", "Françoise", "Tutrice", null, "07 01 02 03 04", null, null),
                .. empty,
                .. Row("LECŒUR", "Maël", "21/01/2017", secondSite, "CE1")],
        ];
        return CsvText.Document([header, .. lines]);
    }
}

/// <summary>Comparisons of names as people type them.</summary>
public static class ImportText
{
    public static string WithoutAccents(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var plain = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                plain.Append(c);
            }
        }
        return plain.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The same person or reference whatever the case, accents and spaces: « Léo  dupond » = « LEO DUPOND ».</summary>
    public static string Key(string? text) =>
        string.Join(' ', WithoutAccents(text ?? "").ToUpperInvariant().Split([' ', '\t', '\u00A0'], StringSplitOptions.RemoveEmptyEntries));
}
