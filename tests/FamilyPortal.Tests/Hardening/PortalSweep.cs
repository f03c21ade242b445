using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace FamilyPortal.Tests.Hardening;

/// <summary>Checks over everything a portal shows and sends, after values were typed into it.</summary>
public static class PortalSweep
{
    /// <summary>Every page each visitor reaches: no 5xx, no live markup, no formula in a CSV, no action in a PDF.</summary>
    public static async Task<IReadOnlyList<FetchedPage>> CheckPagesAsync(PortalFactory factory, IEnumerable<Visitor> visitors, List<string> failures)
    {
        var all = new List<FetchedPage>();
        foreach (var visitor in visitors)
        {
            if (!await visitor.IsStillSignedInAsync())
            {
                await visitor.SignInAsync();
            }
            var pages = await SiteCrawler.CrawlAsync(factory, visitor);
            foreach (var page in pages)
            {
                if ((int)page.Status >= 500)
                {
                    failures.Add($"{visitor.Name} : GET {page.Url} → {(int)page.Status}");
                }
                failures.AddRange(MarkupChecks.ProblemsOf(page).Select(p => $"{visitor.Name} : GET {page.Url} → {p}"));
            }
            all.AddRange(pages);
        }
        return all;
    }

    /// <summary>
    /// Sends the outbox to .eml files and reads them back: each mail has exactly its one recipient, no copy,
    /// no header beyond the portal's own, and an HTML part with nothing live in it.
    /// </summary>
    public static async Task<IReadOnlyList<MimeMessage>> CheckMailAsync(PortalFactory factory, List<string> failures)
    {
        await using (var scope = factory.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<EmailDispatcher>().DispatchDueAsync(CancellationToken.None);
        }
        List<OutboxMessage> outbox;
        await using (var scope = factory.Scope())
        {
            outbox = await scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>().OutboxMessages.AsNoTracking().ToListAsync();
        }
        var expected = outbox.ToDictionary(m => m.MessageId.Trim('<', '>'), m => m.ToAddress, StringComparer.Ordinal);
        var folder = Path.Combine(factory.WorkDirectory, "mail");
        var messages = new List<MimeMessage>();
        foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml") : [])
        {
            var message = await MimeMessage.LoadAsync(file);
            messages.Add(message);
            var name = Path.GetFileName(file);
            var headers = message.Headers.Select(h => h.Field).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var unexpected = headers.Except(AllowedHeaders, StringComparer.OrdinalIgnoreCase).ToList();
            if (unexpected.Count > 0)
            {
                failures.Add($"courriel {name} : en-têtes inattendus {string.Join(", ", unexpected)}");
            }
            if (message.Cc.Count > 0 || message.Bcc.Count > 0 || message.ReplyTo.Count > 0)
            {
                failures.Add($"courriel {name} : copie ou réponse ajoutée ({message.Cc}; {message.Bcc}; {message.ReplyTo})");
            }
            var to = message.To.Mailboxes.ToList();
            if (to.Count != 1 || !expected.TryGetValue(message.MessageId ?? "", out var address) || to[0].Address != address)
            {
                failures.Add($"courriel {name} : destinataires {message.To} au lieu de l'unique adresse prévue");
            }
            // A hostile value may show as a display name (quoted, encoded by MimeKit); it must never become an address.
            var addresses = new[] { message.From, message.To, message.Cc, message.Bcc, message.ReplyTo }
                .SelectMany(list => list.Mailboxes).Select(m => m.Address)
                .Append(message.Sender?.Address ?? "")
                .ToList();
            if (addresses.Any(a => a.Contains(HostileValues.PirateDomain, StringComparison.OrdinalIgnoreCase)))
            {
                failures.Add($"courriel {name} : adresse ajoutée par une saisie ({string.Join(", ", addresses)})");
            }
            if (message.HtmlBody is { } html)
            {
                failures.AddRange(MarkupChecks.LiveMarkup(html).Select(p => $"courriel {name} (HTML) : {p}"));
            }
        }
        return messages;
    }

    /// <summary>The headers the portal writes (MimeKit adds the MIME ones).</summary>
    private static readonly string[] AllowedHeaders =
        ["From", "To", "Subject", "Date", "Message-Id", "MIME-Version", "Content-Type", "Content-Transfer-Encoding", "Auto-Submitted"];

    /// <summary>
    /// Text longer than its column allows: SQLite keeps it, SQL Server and PostgreSQL refuse the whole save with an error,
    /// so a form that let it through would answer 500 in production.
    /// </summary>
    public static async Task CheckLengthsAsync(PortalFactory factory, List<string> failures)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        await using var connection = DatabaseFingerprint.Connect(factory, readOnly: true);
        await connection.OpenAsync();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
        {
            foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(string) && p.GetMaxLength() is not null))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT count(*) FROM \"{entity.GetTableName()}\" WHERE length(\"{property.GetColumnName()}\") > {property.GetMaxLength()};";
                var count = (long)(await command.ExecuteScalarAsync())!;
                if (count > 0)
                {
                    failures.Add($"{count} valeur(s) de {entity.GetTableName()}.{property.GetColumnName()} dépassent {property.GetMaxLength()} caractères (refusé par SQL Server)");
                }
            }
        }
    }

    /// <summary>
    /// The failures grouped: one line per place and kind of problem, with how many values caused it and a few
    /// of them (a place is « visitor : POST action [field] », then the value after a unit separator).
    /// </summary>
    public static string Report(IReadOnlyCollection<string> failures, int max = 120)
    {
        var lines = failures.Distinct()
            .Select(f => f.Split(" → ", 2))
            .Select(p => (Where: p[0].Split('\u001f'), Problem: p.Length > 1 ? p[1] : ""))
            .GroupBy(p => (Place: p.Where[0], Kind: p.Problem.Split('«')[0].Trim()))
            .Select(g => $"{g.Key.Place} → {g.Key.Kind} ({g.Count()}×"
                + (g.First().Where.Length > 1 ? $", e.g. {string.Join(", ", g.Take(3).Select(x => $"« {x.Where[1]} »"))}" : "")
                + $") — {Shorten(g.First().Problem)}")
            .ToList();
        return $"{failures.Count} problème(s), {lines.Count} groupe(s) :\n" + string.Join('\n', lines.Take(max));
    }

    private static string Shorten(string text) => text.Length <= 220 ? text : text[..220] + "…";
}
