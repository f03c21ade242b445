using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Security;

/// <summary>A signed-in browser of one identity of the access matrix, with the anti-forgery token of its session.</summary>
public sealed record Visitor(string Identity, PageClient Client, string Token);

/// <summary>A request to a handler: its address with the ids of collectivité A filled in.</summary>
/// <param name="CarriesId">A route value or handler parameter names a record of A: the record the handler acts on.</param>
/// <param name="CarriesChoice">Only a bound property does (a list's filter, a selector): a page may ignore it.</param>
public sealed record Target(string Url, bool CarriesId, bool CarriesChoice = false);

/// <summary>
/// Two collectivités, A and B, each with a family, a child, a site, an activity and bookings, and a
/// signed-in browser for every identity of the access matrix: a parent, an agent and an administrator of
/// A, the same three of B (« other … »), the platform operator, and an anonymous visitor. Handlers are
/// called with the ids of A's records.
/// </summary>
public sealed partial class SecurityWorld
{
    public const string ParentPassword = "Phrase de passe des tests de sécurité 2026";

    private SecurityWorld(TenantBuilder.Tenant a, TenantBuilder.Tenant b) => (A, B) = (a, b);

    public TenantBuilder.Tenant A { get; }
    public TenantBuilder.Tenant B { get; }
    public int MembershipId { get; private set; }
    public long BasketLineId { get; private set; }
    public long ValidationId { get; private set; }
    public string AgentAccountId { get; private set; } = "";
    public Dictionary<string, Visitor> Visitors { get; } = [];
    /// <summary>Ids of A's records that <see cref="TenantBuilder.Tenant"/> does not carry, by lower-case parameter name.</summary>
    public Dictionary<string, string> RecordIds { get; } = [];

    public static async Task<SecurityWorld> CreateAsync(PortalFactory factory)
    {
        var world = new SecurityWorld(await TenantBuilder.CreateAsync(factory, childFirstName: ChildFirstName), await TenantBuilder.CreateAsync(factory));
        await world.AddParentRecordsAsync(factory);
        await world.ReadRecordIdsAsync(factory);
        await AddPublishedNewsAsync(factory, world.A);
        await AddPublishedNewsAsync(factory, world.B);
        world.Visitors["anonymous"] = await AnonymousAsync(factory);
        world.Visitors["parent"] = await ParentAsync(factory, "parent", world.A);
        world.Visitors["other parent"] = await ParentAsync(factory, "other parent", world.B);
        var agent = await StaffJourney.CreateAsync(factory, world.A.MunicipalityId, Roles.Agent);
        world.AgentAccountId = agent.Id;
        world.Visitors["agent"] = await StaffAsync(factory, "agent", agent);
        world.Visitors["admin"] = await StaffAsync(factory, "admin", await StaffJourney.CreateAsync(factory, world.A.MunicipalityId, Roles.Administrator));
        world.Visitors["other agent"] = await StaffAsync(factory, "other agent", await StaffJourney.CreateAsync(factory, world.B.MunicipalityId, Roles.Agent));
        world.Visitors["other admin"] = await StaffAsync(factory, "other admin", await StaffJourney.CreateAsync(factory, world.B.MunicipalityId, Roles.Administrator));
        world.Visitors["operator"] = await StaffAsync(factory, "operator", await StaffJourney.CreateAsync(factory, null, Roles.Operator));
        return world;
    }

    private async Task ReadRecordIdsAsync(PortalFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        var town = A.MunicipalityId;
        RecordIds["servicekindid"] = Text(await db.ServiceKinds.IgnoreQueryFilters().Where(k => k.MunicipalityId == town).Select(k => k.Id).FirstAsync());
        RecordIds["schoolyearid"] = Text(await db.SchoolYears.IgnoreQueryFilters().Where(y => y.MunicipalityId == town).Select(y => y.Id).FirstAsync());
        RecordIds["closureid"] = Text(await db.Closures.IgnoreQueryFilters().Where(c => c.MunicipalityId == town).Select(c => c.Id).FirstAsync());
        RecordIds["overrideid"] = Text(await db.CapacityOverrides.IgnoreQueryFilters().Where(o => o.MunicipalityId == town).Select(o => o.Id).FirstAsync());
        RecordIds["newsid"] = Text(await db.NewsItems.IgnoreQueryFilters().Where(n => n.MunicipalityId == town).Select(n => n.Id).FirstAsync());
        RecordIds["invoiceid"] = Text(await db.Invoices.IgnoreQueryFilters().Where(i => i.MunicipalityId == town).Select(i => i.Id).FirstAsync());
        RecordIds["invoiceids"] = RecordIds["invoiceid"];
        RecordIds["paymentid"] = Text(await db.OnlinePayments.IgnoreQueryFilters().Where(p => p.MunicipalityId == town).Select(p => p.Id).FirstAsync());
        RecordIds["attestationid"] = Text(await db.Attestations.IgnoreQueryFilters().Where(a => a.MunicipalityId == town).Select(a => a.Id).FirstAsync());
        RecordIds["quotientid"] = Text(await db.FamilyQuotients.IgnoreQueryFilters().Where(q => q.MunicipalityId == town).Select(q => q.Id).FirstAsync());
        RecordIds["bracketid"] = Text(await db.QuotientBrackets.IgnoreQueryFilters().Where(b => b.MunicipalityId == town).Select(b => b.Id).FirstAsync());
        RecordIds["changerequestid"] = Text(await db.ChangeRequests.IgnoreQueryFilters().Where(r => r.MunicipalityId == town).Select(r => r.Id).FirstAsync());
        RecordIds["enrolmentid"] = Text(await db.Enrolments.IgnoreQueryFilters().Where(e => e.MunicipalityId == town).Select(e => e.Id).FirstAsync());
        RecordIds["campaignid"] = Text(await db.AllocationCampaigns.IgnoreQueryFilters().Where(c => c.MunicipalityId == town).Select(c => c.Id).FirstAsync());
        RecordIds["batchid"] = Text(await db.DebitBatches.IgnoreQueryFilters().Where(b => b.MunicipalityId == town).Select(b => b.Id).FirstAsync());
        RecordIds["debitlineid"] = Text(await db.DebitBatchLines.IgnoreQueryFilters().Where(l => l.MunicipalityId == town).Select(l => l.Id).FirstAsync());
        RecordIds["threadid"] = Text(await db.Set<MessageThread>().IgnoreQueryFilters().Where(t => t.MunicipalityId == town).Select(t => t.Id).FirstAsync());
        RecordIds["messageid"] = Text(await db.Set<Message>().IgnoreQueryFilters().Where(m => m.MunicipalityId == town && m.AttachmentSealed != null && !m.IsInternalNote).Select(m => m.Id).FirstAsync());
        RecordIds["bookingid"] = (await db.Bookings.IgnoreQueryFilters().Where(b => b.MunicipalityId == town).Select(b => b.Id).FirstAsync()).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The value of a route value, handler parameter or bound property: a record of collectivité A for an
    /// id, null for one that is not an id (left empty). An unknown route value or handler parameter named like
    /// an id fails the test (<paramref name="strict"/>): add it here.
    /// </summary>
    public string? ValueFor(string page, string parameter, bool strict = true) => parameter.ToLowerInvariant() switch
    {
        "id" when page.StartsWith("/Families/Admin/", StringComparison.Ordinal) || page == "/Invoices/Admin/Quotient" => Text(A.FamilyId),
        "id" when page == "/Reservations/Basket/Summary" => Text(ValidationId),
        "id" when page == "/Documents/Pieces" => RecordIds["documentid"],
        "id" when page.StartsWith("/DevMailbox/", StringComparison.Ordinal) => "1",
        "id" when page == "/Enrolments/Index" => RecordIds["enrolmentid"],
        "familyid" or "famille" => Text(A.FamilyId),
        "childid" or "enfant" => Text(A.ChildId),
        "membershipid" => Text(MembershipId),
        "siteid" or "site" => Text(A.SiteId),
        "activityid" or "prestation" => Text(A.ActivityId),
        "accountid" => AgentAccountId,
        "ligne" or "lineid" => Text(BasketLineId),
        "municipalityid" => Text(A.MunicipalityId),
        "draftid" => A.ImportDraftId.ToString(),
        "service" => RecordIds["servicekindid"],
        "annee" => RecordIds["schoolyearid"],
        "archived" => "true",
        var known when RecordIds.TryGetValue(known, out var recordId) => recordId,
        var name when strict && (name == "id" || name.EndsWith("id", StringComparison.Ordinal)) =>
            throw new InvalidOperationException($"No value of collectivité A for the parameter « {parameter} » of {page}: add it to SecurityWorld.ValueFor."),
        _ => null,
    };

    private static bool IsId(string parameter) => parameter.ToLowerInvariant() is not ("archived" or "handler");

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(:[^}?]+)?(?<optional>\?)?\}")]
    private static partial Regex RouteParameter();

    /// <summary>The handler's address, its route and query filled with the ids of collectivité A.</summary>
    public Target TargetOf(PageHandler handler)
    {
        var carriesId = false;
        var inRoute = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var path = "/" + RouteParameter().Replace(handler.Template, m =>
        {
            var name = m.Groups["name"].Value;
            inRoute.Add(name);
            if (name == "handler")
            {
                return handler.Name ?? "";
            }
            var value = ValueFor(handler.Page, name);
            if (value is null && !m.Groups["optional"].Success)
            {
                throw new InvalidOperationException($"No value for the route parameter « {name} » of {handler.Page}: add it to SecurityWorld.ValueFor.");
            }
            carriesId |= value is not null && IsId(name);
            return value ?? "";
        }).TrimEnd('/');
        var query = new List<string>();
        var carriesChoice = false;
        foreach (var (parameter, strict) in handler.Parameters.Select(p => (p, true)).Concat(handler.Properties.Select(p => (p, false)))
                     .Where(p => !inRoute.Contains(p.Item1)).DistinctBy(p => p.Item1))
        {
            if (ValueFor(handler.Page, parameter, strict) is { } value)
            {
                query.Add($"{parameter}={Uri.EscapeDataString(value)}");
                carriesId |= strict && IsId(parameter);
                carriesChoice |= !strict && IsId(parameter);
            }
        }
        if (handler.Name is not null && !inRoute.Contains("handler"))
        {
            query.Add("handler=" + handler.Name);
        }
        var url = path.Length == 0 ? "/" : path;
        return new Target(query.Count == 0 ? url : $"{url}?{string.Join('&', query)}", carriesId, carriesChoice);
    }

    /// <summary>
    /// What a hostile form would try to write: the fields of the admin forms, a cell and a period of A's
    /// activity for the grid, and the visitor's token.
    /// </summary>
    public FormUrlEncodedContent HostileForm(string? token)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.HouseholdName", "PIRATE"), new("Input.Email", "pirate@exemple.test"), new("Input.FirstName", "Pirate"),
            new("Input.LastName", "PIRATE"), new("Input.Version", "0"), new("Input.Name", "Site pirate"), new("Input.Prefix", "PIR"),
            new("Answer", "réponse pirate"),
            new("cellule", $"{A.ActivityId}:2026-11-23"), new("du", "2026-11-23"), new("au", "2026-11-27"), new("jours", "1"),
        };
        if (token is not null)
        {
            fields.Add(new("__RequestVerificationToken", token));
        }
        return new FormUrlEncodedContent(fields);
    }

    /// <summary>A form with nothing in it, not even a token.</summary>
    public static FormUrlEncodedContent EmptyForm() => new([new KeyValuePair<string, string>("rien", "")]);

    public async Task<HttpResponseMessage> SendAsync(PageClient client, PageHandler handler, Target target, string? token) =>
        handler.IsPost ? await client.Http.PostAsync(target.Url, HostileForm(token)) : await client.Http.GetAsync(target.Url);

    /// <summary>Personal data of collectivité A that no other identity may ever read.</summary>
    public IReadOnlyList<string> PrivateDataOfA => [ChildFirstName, A.FamilyEmail, A.AdhesionCode];

    /// <summary>A first name that no other test data uses, to find it in a page.</summary>
    public const string ChildFirstName = "Aldegonde";

    private static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A line of A's parent's basket, and a « Valider » summary of theirs, so that those ids have an owner.</summary>
    private async Task AddParentRecordsAsync(PortalFactory factory)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.Enter(A.MunicipalityId);
        var parent = A.LinkedAccountId!;
        var line = new BasketLine
        {
            MunicipalityId = A.MunicipalityId,
            AccountId = parent,
            ChildId = A.ChildId,
            ActivityId = A.ActivityId,
            Date = new DateOnly(2027, 1, 5),
            Kind = BasketLineKind.Add,
        };
        var validation = new BasketValidation { MunicipalityId = A.MunicipalityId, AccountId = parent, Summary = "Réservé · LOU · test" };
        var documentType = new SupportingDocumentType { MunicipalityId = A.MunicipalityId, Name = "Attestation d'assurance" };
        var document = new SupportingDocument
        {
            MunicipalityId = A.MunicipalityId,
            FamilyId = A.FamilyId,
            Type = documentType,
            UploadedAtUtc = factory.Clock.GetUtcNow().UtcDateTime,
            FileName = "assurance.png",
            ContentType = "image/png",
            Sha256 = "",
            SealedContent = scope.ServiceProvider.GetRequiredService<SensitiveData>().Seal(Features.Documents.DocumentKit.Png()),
        };
        db.AddRange(line, validation, document);
        await db.SaveChangesAsync();
        RecordIds["documentid"] = Text(document.Id);
        RecordIds["typeid"] = Text(documentType.Id);
        BasketLineId = line.Id;
        ValidationId = validation.Id;
        MembershipId = await db.Memberships.Where(m => m.AccountId == parent).Select(m => m.Id).SingleAsync();
    }

    /// <summary>An actualité published since the day before, so that reading « Actualités » has something to mark as seen.</summary>
    public static async Task AddPublishedNewsAsync(PortalFactory factory, TenantBuilder.Tenant tenant)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.Enter(tenant.MunicipalityId);
        var since = factory.Clock.GetUtcNow().UtcDateTime.AddDays(-1);
        db.NewsItems.Add(new FamilyPortal.Web.Features.News.NewsItem
        {
            MunicipalityId = tenant.MunicipalityId,
            Title = "Inscriptions à la cantine",
            Body = "Les inscriptions sont ouvertes.",
            PublishFromUtc = since,
            CreatedAtUtc = since,
            UpdatedAtUtc = since,
        });
        await db.SaveChangesAsync();
    }

    private static async Task<Visitor> AnonymousAsync(PortalFactory factory)
    {
        var client = PageClient.For(factory);
        return new Visitor("anonymous", client, await TokenAsync(client, "/connexion"));
    }

    private static async Task<Visitor> ParentAsync(PortalFactory factory, string identity, TenantBuilder.Tenant tenant)
    {
        string login;
        await using (var scope = factory.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalAccount>>();
            var account = await users.FindByIdAsync(tenant.LinkedAccountId!) ?? throw new InvalidOperationException("No parent account.");
            Assert.True((await users.AddPasswordAsync(account, ParentPassword)).Succeeded);
            login = account.UserName!;
        }
        var client = PageClient.For(factory);
        var signIn = await client.PostFormAsync("/connexion", new Dictionary<string, string?> { ["Identifiant"] = login, ["Password"] = ParentPassword });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return new Visitor(identity, client, await TokenAsync(client, "/"));
    }

    private static async Task<Visitor> StaffAsync(PortalFactory factory, string identity, StaffJourney.StaffAccount staff)
    {
        var client = await StaffJourney.SignInAsync(factory, staff);
        return new Visitor(identity, client, await TokenAsync(client, "/"));
    }

    /// <summary>The token of the page's first form (for a signed-in visitor, the header's « Se déconnecter »).</summary>
    private static async Task<string> TokenAsync(PageClient client, string url) =>
        (await client.GetPageAsync(url)).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new InvalidOperationException($"No anti-forgery token on {url}.");
}
