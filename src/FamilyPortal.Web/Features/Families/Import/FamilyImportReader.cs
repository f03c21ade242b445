using System.Globalization;
using FamilyPortal.Web.Infrastructure.Csv;
using static FamilyPortal.Web.Features.Families.Import.FamilyImportColumns;

namespace FamilyPortal.Web.Features.Families.Import;

public sealed record ImportError(int Line, string Message);

public sealed record ImportSite(int Id, string Name, string Prefix, bool IsArchived);

public sealed record ImportedChild(int Line, string LastName, string FirstName, DateOnly BirthDate, int? SiteId, string? SchoolClass);

/// <summary>A family of the file: the values of its first line, and a child per line.</summary>
public sealed record ImportedFamily(int Line, string Reference, string HouseholdName, string Email, string? Phone,
    IReadOnlyList<AdultValues> Adults, List<ImportedChild> Children);

/// <summary>The families of a file, or every error found in it (then nothing may be imported).</summary>
public sealed record ImportedFile(IReadOnlyList<ImportedFamily> Families, IReadOnlyList<ImportError> Errors, int DataLines);

/// <summary>
/// Reads the lines of a families file into families and children, checking every line and listing each
/// error with its line number: missing or too long values, bad emails, phones and dates, unknown sites,
/// family columns that differ between the lines of one reference, a child twice.
/// </summary>
public sealed class FamilyImportReader(IReadOnlyList<ImportSite> sites, DateOnly today)
{
    private const int MaxHousehold = 200;
    private const int MaxReference = 50;
    private const int MaxChildName = 100;
    private const int MaxClass = 50;

    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];

    private sealed class Group(int line, string reference, Dictionary<string, string> values)
    {
        public int Line { get; } = line;
        public string Reference { get; } = reference;
        /// <summary>The family columns of its first line, compared to the later lines.</summary>
        public Dictionary<string, string> Values { get; } = values;
        public ImportedFamily? Family { get; set; }
        public Dictionary<string, int> ChildLines { get; } = new(StringComparer.Ordinal);
    }

    private readonly List<ImportError> _errors = [];
    private Dictionary<string, int> _positions = [];

    public ImportedFile Read(CsvTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.Error is not null)
        {
            return new ImportedFile([], [new ImportError(1, table.Error)], 0);
        }
        if (table.Records.Count == 0 || table.Records[0].IsBlank)
        {
            return new ImportedFile([], [new ImportError(1, "La première ligne doit être la ligne d'en-tête, avec les noms des colonnes.")], 0);
        }
        var header = table.Records[0];
        (_positions, var headerErrors) = Map(header.Fields);
        if (headerErrors.Count > 0)
        {
            return new ImportedFile([], headerErrors.Select(e => new ImportError(header.Line, e)).ToList(), 0);
        }
        var groups = new Dictionary<string, Group>(StringComparer.Ordinal);
        var order = new List<Group>();
        var lines = 0;
        foreach (var record in table.Records.Skip(1).Where(r => !r.IsBlank))
        {
            lines++;
            if (record.Fields.Count > header.Fields.Count && record.Fields.Skip(header.Fields.Count).Any(f => f.Trim().Length > 0))
            {
                Fail(record, $"La ligne compte {record.Fields.Count} champs alors que l'en-tête a {header.Fields.Count} colonnes : vérifiez les séparateurs et les guillemets.");
                continue;
            }
            ReadLine(record, groups, order);
        }
        if (lines == 0)
        {
            _errors.Add(new ImportError(header.Line + 1, "Le fichier ne contient aucune ligne après la ligne d'en-tête."));
        }
        var families = _errors.Count == 0 ? order.Select(g => g.Family!).ToList() : [];
        return new ImportedFile(families, _errors.OrderBy(e => e.Line).ToList(), lines);
    }

    private void ReadLine(CsvRecord record, Dictionary<string, Group> groups, List<Group> order)
    {
        var reference = Cell(record, Reference);
        if (reference.Length == 0)
        {
            Fail(record, "Référence manquante : chaque ligne doit indiquer la référence de sa famille.");
        }
        else if (reference.Length > MaxReference || reference.Any(char.IsControl))
        {
            Fail(record, $"« Référence » : {MaxReference} caractères au plus, sans retour à la ligne.");
            reference = "";
        }
        Group? group = null;
        if (reference.Length > 0 && groups.TryGetValue(ImportText.Key(reference), out var known))
        {
            group = known;
            CheckSameFamily(record, group);
        }
        else
        {
            var family = ReadFamily(record, reference);
            if (reference.Length > 0)
            {
                group = new Group(record.Line, reference, FamilyValues(record)) { Family = family };
                groups.Add(ImportText.Key(reference), group);
                order.Add(group);
            }
        }
        var child = ReadChild(record);
        if (child is null || group is null)
        {
            return;
        }
        var key = $"{ImportText.Key(child.LastName)}|{ImportText.Key(child.FirstName)}|{child.BirthDate:yyyy-MM-dd}";
        if (group.ChildLines.TryGetValue(key, out var firstLine))
        {
            Fail(record, $"Enfant en double : {child.FirstName} {child.LastName}, né(e) le {FrenchDates.Numeric(child.BirthDate)}, figure déjà ligne {firstLine} pour la référence « {group.Reference} ».");
            return;
        }
        group.ChildLines.Add(key, record.Line);
        group.Family?.Children.Add(child);
    }

    /// <summary>The family columns of the first line of a reference; null when one of them is wrong.</summary>
    private ImportedFamily? ReadFamily(CsvRecord record, string reference)
    {
        var errors = _errors.Count;
        var household = Cell(record, Household);
        if (household.Length is 0 or > MaxHousehold || household.Any(char.IsControl))
        {
            Fail(record, $"« Nom du foyer » : obligatoire, {MaxHousehold} caractères au plus, sans retour à la ligne.");
        }
        var emailText = Cell(record, FamilyImportColumns.Email);
        var email = ContactDetails.NormalizeEmail(emailText);
        if (emailText.Length == 0)
        {
            Fail(record, "« Email » : l'adresse email de la famille est obligatoire.");
        }
        else if (email is null)
        {
            Fail(record, $"« Email » : « {Shorten(emailText)} » n'est pas une adresse email valide (exemple : famille.dupond@exemple.fr).");
        }
        string? phone = null;
        var phoneText = Cell(record, Phone);
        if (phoneText.Length > 0)
        {
            phone = FrenchPhone.Normalize(phoneText);
            if (phone is null)
            {
                Fail(record, $"« Téléphone » : « {Shorten(phoneText)} » n'est pas un numéro français valide (exemple : 06 12 34 56 78).");
            }
        }
        var adults = new List<AdultValues>();
        for (var n = 1; n <= AdultsPerLine; n++)
        {
            var fields = AdultCells(record, n);
            if (n > 1 && fields.IsBlank)
            {
                continue;
            }
            var number = n;
            var adult = fields.Validate((field, message) =>
                Fail(record, $"« Responsable {number} {AdultParts.Single(p => p.Field == field).Label} » : {message}"));
            if (adult is not null)
            {
                adults.Add(adult);
            }
        }
        return _errors.Count > errors || reference.Length == 0
            ? null
            : new ImportedFamily(record.Line, reference, household, email!, phone, adults, []);
    }

    private AdultFields AdultCells(CsvRecord record, int n)
    {
        string Part(string part) => Cell(record, AdultKey(n, part));
        return new AdultFields(Part("civility"), Part("last"), Part("first"), Part("relationship"), Part("email"), Part("mobile"), Part("home"), Part("work"));
    }

    /// <summary>A later line of a reference may leave the family columns empty, or repeat them: not change them.</summary>
    private void CheckSameFamily(CsvRecord record, Group group)
    {
        foreach (var (key, value) in FamilyValues(record))
        {
            if (value.Length > 0 && value != group.Values.GetValueOrDefault(key, ""))
            {
                Fail(record, $"« {ByKey(key).Label} » diffère de la ligne {group.Line} pour la référence « {group.Reference} » : les colonnes de la famille doivent être identiques sur chacune de ses lignes (ou laissées vides).");
            }
        }
    }

    /// <summary>The family columns of a line, compared loosely: case, accents, spaces, phone and email forms.</summary>
    private Dictionary<string, string> FamilyValues(CsvRecord record)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var column in All.Where(c => c.FamilyLevel && c.Key != Reference))
        {
            var text = Cell(record, column.Key);
            var part = column.Key[(column.Key.IndexOf('.', StringComparison.Ordinal) + 1)..];
            values[column.Key] = column.Key == Phone || part is "mobile" or "home" or "work"
                ? FrenchPhone.Normalize(text) ?? ImportText.Key(text)
                : part == "civility" ? AdultFields.NormalizeCivility(text, out _) ?? ImportText.Key(text)
                : ImportText.Key(text);
        }
        return values;
    }

    /// <summary>The child of a line; null when the line has none (all child columns empty) or when one is wrong.</summary>
    private ImportedChild? ReadChild(CsvRecord record)
    {
        var last = Cell(record, ChildLastName);
        var first = Cell(record, ChildFirstName);
        var birthText = Cell(record, ChildBirthDate);
        var siteText = Cell(record, ChildSite);
        var schoolClass = Cell(record, ChildClass);
        if (new[] { last, first, birthText, siteText, schoolClass }.All(v => v.Length == 0))
        {
            return null;
        }
        var errors = _errors.Count;
        if (last.Length is 0 or > MaxChildName || last.Any(char.IsControl))
        {
            Fail(record, $"« Enfant nom » : le nom de l'enfant est obligatoire ({MaxChildName} caractères au plus).");
        }
        if (first.Length is 0 or > MaxChildName || first.Any(char.IsControl))
        {
            Fail(record, $"« Enfant prénom » : le prénom de l'enfant est obligatoire ({MaxChildName} caractères au plus).");
        }
        var birth = default(DateOnly);
        if (birthText.Length == 0)
        {
            Fail(record, "« Date de naissance » : obligatoire, au format jj/mm/aaaa.");
        }
        else if (!DateOnly.TryParseExact(birthText, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out birth)
            || birth > today || birth < today.AddYears(-25))
        {
            Fail(record, $"« Date de naissance » : « {Shorten(birthText)} » n'est pas une date de naissance valide (jj/mm/aaaa, enfant de moins de 25 ans).");
        }
        int? siteId = null;
        if (siteText.Length > 0)
        {
            var key = ImportText.Key(siteText);
            var site = sites.FirstOrDefault(s => ImportText.Key(s.Name) == key) ?? sites.FirstOrDefault(s => ImportText.Key(s.Prefix) == key);
            if (site is null)
            {
                var known = string.Join(", ", sites.Where(s => !s.IsArchived).Select(s => $"« {s.Name} »"));
                Fail(record, $"« Site » : site inconnu « {Shorten(siteText)} ». Sites de la collectivité : {(known.Length == 0 ? "aucun" : known)}.");
            }
            else if (site.IsArchived)
            {
                Fail(record, $"« Site » : le site « {site.Name} » est archivé.");
            }
            else
            {
                siteId = site.Id;
            }
        }
        if (schoolClass.Length > MaxClass || schoolClass.Any(char.IsControl))
        {
            Fail(record, $"« Classe » : {MaxClass} caractères au plus.");
        }
        return _errors.Count > errors ? null : new ImportedChild(record.Line, last, first, birth, siteId, schoolClass.Length == 0 ? null : schoolClass);
    }

    private string Cell(CsvRecord record, string key) =>
        _positions.TryGetValue(key, out var index) && index < record.Fields.Count ? record.Fields[index].Trim() : "";

    private void Fail(CsvRecord record, string message) => _errors.Add(new ImportError(record.Line, message));
}
