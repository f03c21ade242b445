using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Tests.Features.Messages;

/// <summary>The messagerie's forms as a browser posts them (multipart, with a file or not), and its rows read back.</summary>
public static class MessageKit
{
    /// <summary>GETs <paramref name="pageUrl"/>, fills the multipart form whose action contains <paramref name="formAction"/> and posts it.</summary>
    public static async Task<HttpResponseMessage> PostAsync(PageClient client, string pageUrl, IDictionary<string, string> fields,
        (byte[] Content, string Name, string Type)? file = null, string? formAction = null)
    {
        var page = await client.GetPageAsync(pageUrl);
        var form = page.QuerySelectorAll("form[enctype]").First(f => formAction is null || (f.GetAttribute("action") ?? "").Contains(formAction, StringComparison.Ordinal));
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }
        if (file is { } f)
        {
            var part = new ByteArrayContent(f.Content);
            part.Headers.ContentType = new MediaTypeHeaderValue(f.Type);
            content.Add(part, "Upload", f.Name);
        }
        var action = form.GetAttribute("action");
        return await client.Http.PostAsync(string.IsNullOrEmpty(action) ? pageUrl : action, content);
    }

    public static Task<List<MessageThread>> ThreadsAsync(PortalFactory factory, int municipalityId) =>
        Invoices.BillingKit.ReadAsync(factory, municipalityId, db => db.Set<MessageThread>().AsNoTracking().Include(t => t.Messages).OrderBy(t => t.Id).ToListAsync());

    public static Task<List<OutboxMessage>> MailsAsync(PortalFactory factory, int municipalityId) =>
        Invoices.BillingKit.ReadAsync(factory, municipalityId, db => db.OutboxMessages.AsNoTracking().Where(m => m.MunicipalityId == municipalityId).OrderBy(m => m.Id).ToListAsync());

    /// <summary>The thread the test collectivité is built with (a question, an answer with an attachment, an internal note).</summary>
    public static Task<MessageThread> BuiltThreadAsync(PortalFactory factory, int municipalityId) =>
        Invoices.BillingKit.ReadAsync(factory, municipalityId, db => db.Set<MessageThread>().AsNoTracking().Include(t => t.Messages).OrderBy(t => t.Id).FirstAsync());
}
