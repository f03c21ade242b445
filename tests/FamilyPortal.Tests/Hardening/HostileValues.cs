using System.Globalization;
using System.Text;

namespace FamilyPortal.Tests.Hardening;

/// <summary>
/// One value typed (or forged) into a form field. Most are text, encoded as a browser would; a few are
/// raw bytes put as they are into the urlencoded body, to send byte sequences that are not UTF-8.
/// </summary>
public sealed record HostileValue(string Label, string? Text, byte[]? RawBody = null)
{
    /// <summary>The bytes of the value inside an application/x-www-form-urlencoded body.</summary>
    public byte[] Encoded() => RawBody ?? Encoding.ASCII.GetBytes(FormEncoding.Escape(Text!));

    /// <summary>The bytes of the value itself, as a multipart part or an uploaded file carries it (no percent-encoding there).</summary>
    public byte[] Bytes() => RawBody is { } raw ? PercentDecoded(raw) : new UTF8Encoding(false, false).GetBytes(Text!);

    private static byte[] PercentDecoded(byte[] raw)
    {
        var bytes = new List<byte>(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == (byte)'%' && i + 2 < raw.Length
                && byte.TryParse(Encoding.ASCII.GetString(raw, i + 1, 2), System.Globalization.NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var decoded))
            {
                bytes.Add(decoded);
                i += 2;
            }
            else
            {
                bytes.Add(raw[i]);
            }
        }
        return [.. bytes];
    }

    public override string ToString() => Label;
}

/// <summary>The hostile values tried in every field, and the markers that must never reach a page unescaped.</summary>
public static class HostileValues
{
    /// <summary>Breaks out of a text node into a script element.</summary>
    public const string ScriptMarker = "<script>alert(\"x\")</script>";

    /// <summary>Breaks out of an attribute into an element with an event handler.</summary>
    public const string AttributeMarker = "\"><img src=x onerror=alert(1)>";

    /// <summary>The domain of every recipient an attacker tries to add to a mail.</summary>
    public const string PirateDomain = "pirate.test";

    /// <summary>The name of the header an attacker tries to add to a mail.</summary>
    public const string InjectedHeader = "X-Injecte";

    private static readonly HashSet<string> Public =
        [.. For([]).SelectMany(v => new[] { v.Text ?? "", (v.Text ?? "").Trim(), Encoding.UTF8.GetString(v.Bytes()),
            v.RawBody is { } raw ? Uri.UnescapeDataString(Encoding.Latin1.GetString(raw)) : "", v.RawBody is { } r ? Encoding.Latin1.GetString(r) : "" })];

    /// <summary>
    /// Whether the text is one of the hostile values as the portal may read it back (trimmed, decoded), an id
    /// of another collectivité or a grid cell made of one.
    /// </summary>
    public static bool IsPublic(string text) =>
        Public.Contains(text) || Public.Contains(text.Trim()) || text.Contains('\uFFFD', StringComparison.Ordinal)
        || System.Text.RegularExpressions.Regex.IsMatch(text, @"^-?[0-9]+(:2026-11-23)?$");

    /// <param name="otherTenantIds">Ids of another collectivité's records, its activity first.</param>
    public static IReadOnlyList<HostileValue> For(IEnumerable<int> otherTenantIds)
    {
        var values = new List<HostileValue>
        {
            new("vide", ""),
            new("espaces", "   "),
            new("100 Ko", new string('A', 100 * 1024)),
            new("100 Ko accentués", string.Concat(Enumerable.Repeat("é", 50 * 1024))),
            new("NUL", "\0"),
            new("caractères de contrôle", "a\u0001\u0002\u0003\u001b[31mb\u0007"),
            new("contrôles C1", "a\u007f\u0085\u009bb"),
            new("CR/LF", "ligne1\r\nligne2"),
            new("en-tête Bcc", $"famille@exemple.test\r\nBcc: victime@{PirateDomain}"),
            new("en-tête Cc", $"famille@exemple.test\nCc: victime@{PirateDomain}"),
            new("en-tête injecté", $"Objet\r\n{InjectedHeader}: oui\r\n\r\n<html>corps</html>"),
            new("deux destinataires", $"famille@exemple.test, victime@{PirateDomain}"),
            new("destinataire nommé", $"\"Mairie\" <victime@{PirateDomain}>"),
            new("script", ScriptMarker),
            new("attribut", AttributeMarker),
            new("svg", "'><svg onload=alert(1)>"),
            new("fin de textarea", "</textarea><script>alert(2)</script>"),
            new("javascript:", "javascript:alert(1)"),
            new("entités", "&lt;b&gt;&amp;&#x3C;"),
            new("gabarits", "{{7*7}}${7*7}@(7*7)"),
            new("SQL guillemet", "' OR '1'='1"),
            new("SQL DROP", "'; DROP TABLE Families; --"),
            new("SQL DELETE", "1; DELETE FROM Bookings"),
            new("SQL UNION", "1 UNION SELECT PasswordHash FROM AspNetUsers --"),
            new("formule CSV", "=HYPERLINK(\"http://pirate.test\",\"x\")"),
            new("formule @", "@SUM(A1:A9)"),
            new("marque RTL", "\u202Etxt.exe"),
            new("marques de direction", "DUPOND\u200F\u200E\u202B"),
            new("espaces invisibles", "\uFEFF\u200B\u00A0"),
            new("emoji", "👨‍👩‍👧‍👦🎒"),
            new("0001-01-01", "0001-01-01"),
            new("9999-12-31", "9999-12-31"),
            new("31/02/2026", "31/02/2026"),
            new("2026-02-31", "2026-02-31"),
            new("2026-13-01", "2026-13-01"),
            new("zéro", "0"),
            new("négatif", "-1"),
            new("sous int.MinValue", "-2147483649"),
            new("au-delà d'int.MaxValue", "2147483648"),
            new("au-delà de long", "9223372036854775808"),
            new("énorme", "99999999999999999999999999999999999999"),
            new("1e308", "1e308"),
            new("NaN", "NaN"),
            new("chemin", "../../../etc/passwd"),
            new("adresse externe", $"//{PirateDomain}/"),
            new("adresse absolue", $"https://{PirateDomain}/connexion"),
            new("octets FF FE", null, [0x41, 0xFF, 0xFE, 0x42]),
            new("octets C3 28", null, [0xC3, 0x28]),
            new("surrogate isolé", null, [0xED, 0xA0, 0x80]),
            new("%FF%FE", null, Encoding.ASCII.GetBytes("%FF%FE")),
            new("UTF-8 trop long", null, Encoding.ASCII.GetBytes("%C0%AF%C0%BCscript%C0%BE")),
        };
        foreach (var id in otherTenantIds.Distinct())
        {
            var text = id.ToString(CultureInfo.InvariantCulture);
            values.Add(new($"id d'une autre collectivité ({text})", text));
        }
        // A grid cell names an activity and a day: the first id is the other collectivité's activity.
        if (otherTenantIds.FirstOrDefault() is var activity and > 0)
        {
            values.Add(new("cellule d'une autre collectivité", $"{activity.ToString(CultureInfo.InvariantCulture)}:2026-11-23"));
        }
        return values;
    }
}

/// <summary>application/x-www-form-urlencoded, byte for byte as a browser writes it.</summary>
public static class FormEncoding
{
    public static string Escape(string value)
    {
        var bytes = new UTF8Encoding(false, false).GetBytes(value);
        var text = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9')
                or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'*')
            {
                text.Append((char)b);
            }
            else if (b == (byte)' ')
            {
                text.Append('+');
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }
        return text.ToString();
    }

    /// <summary>A urlencoded body from already encoded values.</summary>
    public static byte[] Body(IEnumerable<KeyValuePair<string, byte[]>> fields)
    {
        using var body = new MemoryStream();
        var first = true;
        foreach (var (name, value) in fields)
        {
            if (!first)
            {
                body.WriteByte((byte)'&');
            }
            first = false;
            var key = Encoding.ASCII.GetBytes(Escape(name));
            body.Write(key);
            body.WriteByte((byte)'=');
            body.Write(value);
        }
        return body.ToArray();
    }
}
