using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using FamilyPortal.Tests.Support;
using FamilyPortal.Web.Data;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Admin;

/// <summary>
/// Every admin page and handler that takes an id, called by an administrator with another collectivité's
/// ids: only 403 or 404, and nothing of the other collectivité changes. New pages are picked up alone; a
/// new kind of id needs a line in <see cref="IdFor"/>.
/// </summary>
public partial class AdminIsolationTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(:[^}?]+)?\??\}")]
    private static partial Regex RouteParameter();

    private static string? IdFor(string name, TenantBuilder.Tenant other, int membershipId, string staffId, IReadOnlyDictionary<string, string>? more = null) => name.ToLowerInvariant() switch
    {
        "id" or "familyid" => Text(other.FamilyId),
        "childid" => Text(other.ChildId),
        "membershipid" => Text(membershipId),
        "siteid" => Text(other.SiteId),
        "activityid" => Text(other.ActivityId),
        "archived" => "true",
        "accountid" => staffId,
        _ => more?.GetValueOrDefault(name.ToLowerInvariant()),
    };

    private static string Text(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Every_admin_page_and_handler_answers_403_or_404_to_another_collectivites_ids_and_writes_nothing()
    {
        var mine = await TenantBuilder.CreateAsync(factory);
        var other = await TenantBuilder.CreateAsync(factory);
        var membershipId = await ReadAsync(db => db.Memberships.IgnoreQueryFilters().Where(m => m.FamilyId == other.FamilyId).Select(m => m.Id).SingleAsync());
        var billingIds = await ReadAsync(async db => new Dictionary<string, string>
        {
            ["invoiceid"] = Text(await db.Invoices.IgnoreQueryFilters().Where(i => i.FamilyId == other.FamilyId).Select(i => i.Id).FirstAsync()),
            ["quotientid"] = Text(await db.FamilyQuotients.IgnoreQueryFilters().Where(q => q.FamilyId == other.FamilyId).Select(q => q.Id).FirstAsync()),
            ["bracketid"] = Text(await db.QuotientBrackets.IgnoreQueryFilters().Where(b => b.MunicipalityId == other.MunicipalityId).Select(b => b.Id).FirstAsync()),
            ["bookingid"] = (await db.Bookings.IgnoreQueryFilters().Where(b => b.ChildId == other.ChildId).Select(b => b.Id).FirstAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var otherStaff = await StaffJourney.CreateAsync(factory, other.MunicipalityId, Roles.Agent);
        await StaffJourney.SignInAsync(factory, otherStaff);
        var before = await SnapshotAsync(other);
        var admin = await StaffJourney.SignInAsync(factory, await StaffJourney.CreateAsync(factory, mine.MunicipalityId, Roles.Administrator));
        var token = (await admin.GetPageAsync("/admin")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var pages = factory.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<PageActionDescriptor>()
            .Where(p => p.ViewEnginePath.StartsWith("/Admin/", StringComparison.Ordinal) && p.AttributeRouteInfo?.Template is not null)
            .ToList();
        var checkedCalls = new List<string>();
        foreach (var page in pages)
        {
            var template = page.AttributeRouteInfo!.Template!;
            var url = "/" + RouteParameter().Replace(template, m =>
                IdFor(m.Groups["name"].Value, other, membershipId, otherStaff.Id, billingIds)
                ?? throw new InvalidOperationException($"No id of the other collectivité for « {m.Groups["name"].Value} » in {template}: add it to IdFor."));
            var model = ModelType(page.ViewEnginePath);
            foreach (var method in model.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                         .Where(m => m.Name.StartsWith("OnGet", StringComparison.Ordinal) || m.Name.StartsWith("OnPost", StringComparison.Ordinal)))
            {
                var isPost = method.Name.StartsWith("OnPost", StringComparison.Ordinal);
                var handler = method.Name[(isPost ? 6 : 5)..].Replace("Async", "", StringComparison.Ordinal);
                var parameters = method.GetParameters().Where(p => p.ParameterType != typeof(CancellationToken)).ToList();
                if (!RouteParameter().IsMatch(template) && parameters.Count == 0)
                {
                    // Lists and creation forms take no id: nothing of another collectivité to reach.
                    continue;
                }
                var query = parameters
                    .Where(p => !template.Contains("{" + p.Name, StringComparison.Ordinal))
                    .Select(p => $"{p.Name}={IdFor(p.Name!, other, membershipId, otherStaff.Id, billingIds) ?? throw new InvalidOperationException($"No id for « {p.Name} » of {model.Name}.{method.Name}: add it to IdFor.")}")
                    .ToList();
                if (handler.Length > 0)
                {
                    query.Add("handler=" + handler);
                }
                var target = query.Count == 0 ? url : $"{url}?{string.Join('&', query)}";
                var response = isPost
                    ? await admin.Http.PostAsync(target, new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["__RequestVerificationToken"] = token, ["Input.HouseholdName"] = "PIRATE", ["Input.Email"] = "pirate@exemple.test",
                        ["Input.FirstName"] = "Pirate", ["Input.LastName"] = "PIRATE", ["Input.Version"] = "0", ["Answer"] = "Anne",
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
        var name = "FamilyPortal.Web.Pages" + viewEnginePath.Replace('/', '.') + "Model";
        return typeof(Program).Assembly.GetType(name) ?? throw new InvalidOperationException($"No page model {name}.");
    }

    private async Task<string> SnapshotAsync(TenantBuilder.Tenant other) => await ReadAsync(async db =>
    {
        var family = await db.Families.IgnoreQueryFilters().AsNoTracking().SingleAsync(f => f.Id == other.FamilyId);
        var children = await db.Children.IgnoreQueryFilters().AsNoTracking().Where(c => c.FamilyId == other.FamilyId)
            .Select(c => $"{c.Id}:{c.FirstName}:{c.Version}").ToListAsync();
        var memberships = await db.Memberships.IgnoreQueryFilters().CountAsync(m => m.FamilyId == other.FamilyId);
        var mails = await db.OutboxMessages.CountAsync(m => m.MunicipalityId == other.MunicipalityId);
        var site = await db.Sites.IgnoreQueryFilters().AsNoTracking().SingleAsync(s => s.Id == other.SiteId);
        var staffIds = await db.Users.Where(u => u.StaffMunicipalityId == other.MunicipalityId).Select(u => u.Id).ToListAsync();
        var staff = await db.Users.AsNoTracking().Where(u => u.StaffMunicipalityId == other.MunicipalityId)
            .Select(u => u.Id + ":" + u.TwoFactorEnabled + ":" + u.SecurityStamp).ToListAsync();
        var sessions = await db.AccountSessions.CountAsync(x => staffIds.Contains(x.AccountId));
        var billing = string.Join(',', await db.Invoices.IgnoreQueryFilters().Where(i => i.MunicipalityId == other.MunicipalityId)
            .Select(i => i.Number + ":" + i.Version + ":" + i.Status).ToListAsync())
            + $"|{await db.Payments.IgnoreQueryFilters().CountAsync(p => p.MunicipalityId == other.MunicipalityId)}"
            + $"|{await db.CreditNotes.IgnoreQueryFilters().CountAsync(c => c.MunicipalityId == other.MunicipalityId)}"
            + $"|{await db.FamilyQuotients.IgnoreQueryFilters().CountAsync(q => q.MunicipalityId == other.MunicipalityId)}"
            + $"|{await db.QuotientBrackets.IgnoreQueryFilters().CountAsync(b => b.MunicipalityId == other.MunicipalityId)}"
            + $"|{await db.Bookings.IgnoreQueryFilters().CountAsync(b => b.MunicipalityId == other.MunicipalityId && b.CancellationJustified)}";
        return $"{string.Join(',', staff)}|{sessions}|{site.Name}|{site.IsArchived}|{family.HouseholdName}|{family.Email}|{family.Version}|{family.AdhesionCodeLookup}|{string.Join(',', children)}|{memberships}|{mails}|{billing}";
    });

    private async Task<T> ReadAsync<T>(Func<FamilyPortalDbContext, Task<T>> read)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        return await read(db);
    }
}
