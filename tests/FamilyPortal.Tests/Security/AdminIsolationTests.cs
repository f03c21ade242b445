using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Security;

/// <summary>
/// Every admin page and handler that takes an id, called by an administrator with another collectivité's
/// ids: only 403 or 404, and nothing of the other collectivité changes. New pages are picked up alone; a
/// new kind of id needs a line in <see cref="IdFor"/>.
/// </summary>
public partial class AdminIsolationTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(:[^}?]+)?\??\}")]
    private static partial Regex RouteParameter();

    private static string? IdFor(string name, TenantBuilder.Tenant other, int membershipId, string staffId, int newsId = 0, IReadOnlyDictionary<string, string>? more = null) => name.ToLowerInvariant() switch
    {
        "newsid" => Text(newsId),
        "modifier" => more?.GetValueOrDefault("typeid"),
        "handler" => "",
        "servicekindid" or "schoolyearid" or "closureid" or "overrideid" => OtherIds.GetValueOrDefault(name.ToLowerInvariant()),
        "id" or "familyid" => Text(other.FamilyId),
        "childid" or "enfant" => Text(other.ChildId),
        "membershipid" => Text(membershipId),
        "siteid" => Text(other.SiteId),
        "activityid" => Text(other.ActivityId),
        "archived" => "true",
        "accountid" => staffId,
        // A valid role: were the other collectivité's agent found, it would be promoted.
        "newrole" => Roles.Administrator,
        "draftid" => other.ImportDraftId.ToString(),
        "annee" => OtherIds.GetValueOrDefault("schoolyearid"),
        // A valid refusal reason: were the other collectivité's request found, it would be refused.
        "reason" => "Pièce illisible",
        // A message's attachment: a file, not an id; the thread named by the route is what must stay out of reach.
        "upload" => "",
        // A valid pointage: were the other collectivité's child found, it would be marked present.
        "action" => "present",
        "motif" => "maladie",
        "heure" => "",
        _ => more?.GetValueOrDefault(name.ToLowerInvariant()),
    };

    private static string Text(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Ids of the other collectivité's rows that <see cref="TenantBuilder.Tenant"/> does not carry.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> OtherIds = new();

    private async Task ReadOtherIdsAsync(TenantBuilder.Tenant other)
    {
        OtherIds["servicekindid"] = Text(await ReadAsync(db => db.ServiceKinds.IgnoreQueryFilters().Where(k => k.MunicipalityId == other.MunicipalityId).Select(k => k.Id).FirstAsync()));
        OtherIds["schoolyearid"] = Text(await ReadAsync(db => db.SchoolYears.IgnoreQueryFilters().Where(y => y.MunicipalityId == other.MunicipalityId).Select(y => y.Id).FirstAsync()));
        OtherIds["closureid"] = Text(await ReadAsync(db => db.Closures.IgnoreQueryFilters().Where(c => c.MunicipalityId == other.MunicipalityId).Select(c => c.Id).FirstAsync()));
        OtherIds["overrideid"] = Text(await ReadAsync(db => db.CapacityOverrides.IgnoreQueryFilters().Where(o => o.MunicipalityId == other.MunicipalityId).Select(o => o.Id).FirstAsync()));
    }

    [Fact]
    public async Task Every_admin_page_and_handler_answers_403_or_404_to_another_collectivites_ids_and_writes_nothing()
    {
        var mine = await TenantBuilder.CreateAsync(factory);
        var other = await TenantBuilder.CreateAsync(factory);
        var membershipId = await ReadAsync(db => db.Memberships.IgnoreQueryFilters().Where(m => m.FamilyId == other.FamilyId).Select(m => m.Id).SingleAsync());
        var newsId = await ReadAsync(db => db.NewsItems.IgnoreQueryFilters().Where(n => n.MunicipalityId == other.MunicipalityId).Select(n => n.Id).FirstAsync());
        var billingIds = await ReadAsync(async db => new Dictionary<string, string>
        {
            ["invoiceid"] = Text(await db.Invoices.IgnoreQueryFilters().Where(i => i.FamilyId == other.FamilyId).Select(i => i.Id).FirstAsync()),
            ["documentid"] = Text(await db.Set<SupportingDocument>().IgnoreQueryFilters().Where(d => d.MunicipalityId == other.MunicipalityId).Select(d => d.Id).FirstAsync()),
            ["changerequestid"] = Text(await db.Set<ChangeRequest>().IgnoreQueryFilters().Where(r => r.MunicipalityId == other.MunicipalityId).Select(r => r.Id).FirstAsync()),
            // The request's true version: only its collectivité may stop the change.
            ["version"] = Text(await db.Set<ChangeRequest>().IgnoreQueryFilters().Where(r => r.MunicipalityId == other.MunicipalityId).Select(r => r.Version).FirstAsync()),
            ["typeid"] = Text(await db.Set<SupportingDocumentType>().IgnoreQueryFilters().Where(t => t.MunicipalityId == other.MunicipalityId).Select(t => t.Id).FirstAsync()),
            ["paymentid"] = Text(await db.OnlinePayments.IgnoreQueryFilters().Where(p => p.MunicipalityId == other.MunicipalityId).Select(p => p.Id).FirstAsync()),
            ["quotientid"] = Text(await db.FamilyQuotients.IgnoreQueryFilters().Where(q => q.FamilyId == other.FamilyId).Select(q => q.Id).FirstAsync()),
            ["bracketid"] = Text(await db.QuotientBrackets.IgnoreQueryFilters().Where(b => b.MunicipalityId == other.MunicipalityId).Select(b => b.Id).FirstAsync()),
            ["campaignid"] = Text(await db.AllocationCampaigns.IgnoreQueryFilters().Where(c => c.MunicipalityId == other.MunicipalityId).Select(c => c.Id).FirstAsync()),
            // The campaign's true seed: only its collectivité may confirm it.
            ["graine"] = Text(await db.AllocationCampaigns.IgnoreQueryFilters().Where(c => c.MunicipalityId == other.MunicipalityId).Select(c => c.Seed).FirstAsync()),
            ["batchid"] = Text(await db.DebitBatches.IgnoreQueryFilters().Where(b => b.MunicipalityId == other.MunicipalityId).Select(b => b.Id).FirstAsync()),
            ["debitlineid"] = Text(await db.DebitBatchLines.IgnoreQueryFilters().Where(l => l.MunicipalityId == other.MunicipalityId).Select(l => l.Id).FirstAsync()),
            ["threadid"] = Text(await db.Set<MessageThread>().IgnoreQueryFilters().Where(t => t.MunicipalityId == other.MunicipalityId).Select(t => t.Id).FirstAsync()),
            ["messageid"] = Text(await db.Set<Message>().IgnoreQueryFilters().Where(m => m.MunicipalityId == other.MunicipalityId && m.AttachmentSealed != null).Select(m => m.Id).FirstAsync()),
            ["bookingid"] = (await db.Bookings.IgnoreQueryFilters().Where(b => b.ChildId == other.ChildId).Select(b => b.Id).FirstAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var otherStaff = await StaffJourney.CreateAsync(factory, other.MunicipalityId, Roles.Agent);
        await StaffJourney.SignInAsync(factory, otherStaff);
        await ReadOtherIdsAsync(other);
        var before = await SnapshotAsync(other);
        var admin = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, mine.MunicipalityId, Roles.Administrator));
        var token = (await admin.GetPageAsync("/admin")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var pages = factory.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<PageActionDescriptor>()
            .Where(p => p.ViewEnginePath.Contains("/Admin/", StringComparison.Ordinal) && p.AttributeRouteInfo?.Template is not null)
            .ToList();
        var checkedCalls = new List<string>();
        foreach (var page in pages)
        {
            var template = page.AttributeRouteInfo!.Template!;
            var url = "/" + RouteParameter().Replace(template, m =>
                IdFor(m.Groups["name"].Value, other, membershipId, otherStaff.Id, newsId, billingIds)
                ?? throw new InvalidOperationException($"No id of the other collectivité for « {m.Groups["name"].Value} » in {template}: add it to IdFor."));
            var model = ModelType(page.ViewEnginePath);
            foreach (var method in model.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                         .Where(m => m.Name.StartsWith("OnGet", StringComparison.Ordinal) || m.Name.StartsWith("OnPost", StringComparison.Ordinal)))
            {
                var isPost = method.Name.StartsWith("OnPost", StringComparison.Ordinal);
                var handler = method.Name[(isPost ? 6 : 5)..].Replace("Async", "", StringComparison.Ordinal);
                var parameters = method.GetParameters().Where(p => p.ParameterType != typeof(CancellationToken)).ToList();
                // « {handler?} » names the handler, not a record.
                var takesRouteId = RouteParameter().Matches(template).Any(m => m.Groups["name"].Value != "handler");
                if (!takesRouteId && parameters.Count == 0)
                {
                    // Lists and creation forms take no id: nothing of another collectivité to reach.
                    continue;
                }
                var query = parameters
                    .Where(p => !template.Contains("{" + p.Name, StringComparison.Ordinal))
                    .Select(p => $"{p.Name}={IdFor(p.Name!, other, membershipId, otherStaff.Id, newsId, billingIds) ?? throw new InvalidOperationException($"No id for « {p.Name} » of {model.Name}.{method.Name}: add it to IdFor.")}")
                    .ToList();
                if (handler.Length > 0)
                {
                    query.Add("handler=" + handler);
                }
                var target = query.Count == 0 ? url : $"{url}?{string.Join('&', query)}";
                var response = isPost
                    ? await admin.Http.PostAsync(target, new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["__RequestVerificationToken"] = token,
                        ["Input.HouseholdName"] = "PIRATE",
                        ["Input.Email"] = "pirate@exemple.test",
                        ["Input.FirstName"] = "Pirate",
                        ["Input.LastName"] = "PIRATE",
                        ["Input.Version"] = "0",
                        ["Answer"] = "Anne",
                    }))
                    : await admin.Http.GetAsync(target);
                Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden,
                    $"{(isPost ? "POST" : "GET")} {target} answered {(int)response.StatusCode}");
                checkedCalls.Add(target);
            }
        }

        Assert.True(checkedCalls.Count >= 10, "Too few admin handlers were found: " + string.Join(", ", checkedCalls));
        Assert.Equal(before, await SnapshotAsync(other));
    }

    private static Type ModelType(string viewEnginePath)
    {
        var name = "FamilyPortal.Web.Features" + viewEnginePath.Replace('/', '.') + "Model";
        return typeof(Program).Assembly.GetType(name) ?? throw new InvalidOperationException($"No page model {name}.");
    }

    private async Task<string> SnapshotAsync(TenantBuilder.Tenant other) => await ReadAsync(async db =>
    {
        var family = await db.Families.IgnoreQueryFilters().AsNoTracking().SingleAsync(f => f.Id == other.FamilyId);
        var children = await db.Children.IgnoreQueryFilters().AsNoTracking().Where(c => c.FamilyId == other.FamilyId)
            .Select(c => $"{c.Id}:{c.FirstName}:{c.Version}").ToListAsync();
        var memberships = await db.Memberships.IgnoreQueryFilters().CountAsync(m => m.FamilyId == other.FamilyId);
        var adults = await db.ResponsibleAdults.IgnoreQueryFilters().AsNoTracking().Where(a => a.FamilyId == other.FamilyId)
            .Select(a => $"{a.Id}:{a.FirstName}:{a.LastName}:{a.Email}").ToListAsync();
        var imports = await db.FamilyImportDrafts.IgnoreQueryFilters().AsNoTracking().Where(d => d.MunicipalityId == other.MunicipalityId)
            .Select(d => $"{d.Id}:{d.ImportedAtUtc}:{d.Content.Length}").ToListAsync();
        var families = await db.Families.IgnoreQueryFilters().CountAsync(f => f.MunicipalityId == other.MunicipalityId);
        var mails = await db.OutboxMessages.CountAsync(m => m.MunicipalityId == other.MunicipalityId);
        var site = await db.Sites.IgnoreQueryFilters().AsNoTracking().SingleAsync(s => s.Id == other.SiteId);
        var staffIds = await db.Users.Where(u => u.StaffMunicipalityId == other.MunicipalityId).Select(u => u.Id).ToListAsync();
        var staff = await db.Users.AsNoTracking().Where(u => u.StaffMunicipalityId == other.MunicipalityId)
            .Select(u => u.Id + ":" + u.TwoFactorEnabled + ":" + u.SecurityStamp + ":" + u.SuspendedAtUtc
                + ":" + string.Join(',', db.UserRoles.Where(r => r.UserId == u.Id).Select(r => r.RoleId))).ToListAsync();
        var sessions = await db.AccountSessions.CountAsync(x => staffIds.Contains(x.AccountId));
        var news = await db.NewsItems.IgnoreQueryFilters().AsNoTracking().Where(n => n.MunicipalityId == other.MunicipalityId)
            .Select(n => $"{n.Id}:{n.Title}:{n.Version}:{n.PublishFromUtc}:{n.PublishUntilUtc}").ToListAsync();
        var catalogue = await CatalogueSnapshotAsync(db, other.MunicipalityId);
        var billing = string.Join(',', await db.Invoices.IgnoreQueryFilters().Where(i => i.MunicipalityId == other.MunicipalityId)
            .Select(i => i.Number + ":" + i.Version + ":" + i.Status).ToListAsync())
            + $"|{await db.Payments.IgnoreQueryFilters().CountAsync(p => p.MunicipalityId == other.MunicipalityId)}"
            + $"|{await db.CreditNotes.IgnoreQueryFilters().CountAsync(c => c.MunicipalityId == other.MunicipalityId)}"
            + $"|{await db.FamilyQuotients.IgnoreQueryFilters().CountAsync(q => q.MunicipalityId == other.MunicipalityId)}"
            + $"|{await db.QuotientBrackets.IgnoreQueryFilters().CountAsync(b => b.MunicipalityId == other.MunicipalityId)}"
            + $"|{await db.Bookings.IgnoreQueryFilters().CountAsync(b => b.MunicipalityId == other.MunicipalityId && b.CancellationJustified)}";
        var messages = string.Join(',', await db.Set<MessageThread>().IgnoreQueryFilters().Where(t => t.MunicipalityId == other.MunicipalityId)
            .Select(t => $"{t.Id}:{t.Status}:{t.AssignedAccountId}:{t.Messages.Count}").ToListAsync())
            + $"|{await db.Set<MessageSubject>().IgnoreQueryFilters().CountAsync(x => x.MunicipalityId == other.MunicipalityId)}";
        return $"{messages}|{catalogue}|{string.Join(',', staff)}|{sessions}|{site.Name}|{site.IsArchived}|{family.HouseholdName}|{family.Email}|{family.Version}|{family.AdhesionCodeLookup}|{string.Join(',', children)}|{memberships}|{mails}|{string.Join(',', news)}|{string.Join(',', adults)}|{string.Join(',', imports)}|{families}|{billing}";
    });

    /// <summary>The other collectivité's activities, services, school years, closures and capacity overrides.</summary>
    private static async Task<string> CatalogueSnapshotAsync(FamilyPortalDbContext db, int municipalityId)
    {
        var activities = await db.Activities.IgnoreQueryFilters().AsNoTracking().Where(a => a.MunicipalityId == municipalityId)
            .Select(a => $"{a.Id}:{a.Label}:{a.Version}:{a.IsArchived}:{a.UnitPrice}:{a.Capacity}").ToListAsync();
        var kinds = await db.ServiceKinds.IgnoreQueryFilters().Where(k => k.MunicipalityId == municipalityId).Select(k => $"{k.Id}:{k.Name}").ToListAsync();
        var years = await db.SchoolYears.IgnoreQueryFilters().Where(y => y.MunicipalityId == municipalityId).Select(y => $"{y.Id}:{y.Label}:{y.StartDate}:{y.EndDate}").ToListAsync();
        var closures = await db.Closures.IgnoreQueryFilters().Where(c => c.MunicipalityId == municipalityId).Select(c => $"{c.Id}:{c.StartDate}:{c.EndDate}:{c.Reason}").ToListAsync();
        var overrides = await db.CapacityOverrides.IgnoreQueryFilters().Where(o => o.MunicipalityId == municipalityId).Select(o => $"{o.Id}:{o.Date}:{o.Capacity}").ToListAsync();
        return string.Join(';', [.. activities, .. kinds, .. years, .. closures, .. overrides]);
    }

    private async Task<T> ReadAsync<T>(Func<FamilyPortalDbContext, Task<T>> read)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        return await read(db);
    }
}
