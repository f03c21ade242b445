namespace FamilyPortal.Tests.Security;

/// <summary>
/// Proof 1 of the hardening issue: every handler of every page, found in the running portal, called by every
/// identity with the ids of collectivité A, answers what the access matrix of docs/security.md says; what
/// the identities that are not of A send leaves A's data exactly as it was.
/// </summary>
public sealed class AccessMatrixTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private static readonly string[] Strangers = ["anonymous", "other parent", "other agent", "other admin", "operator"];
    private static readonly string[] Owners = ["parent", "agent", "admin"];

    [Fact]
    public async Task Every_handler_of_every_page_has_a_row_of_the_access_matrix_and_every_row_a_handler()
    {
        var handlers = await PageHandlers.DiscoverAsync(factory);
        var matrix = AccessMatrix.Load();

        var missing = handlers.Where(h => matrix.RuleFor(h) is null).Select(h => h.Key).ToList();
        Assert.True(missing.Count == 0,
            "No row of the access matrix (docs/security.md) applies to: " + string.Join(", ", missing)
            + ". Add a row for the page (« /Folder/Page ») or the handler (« /Folder/Page POST Name »).");
        var unused = matrix.Rules.Where(r => !handlers.Any(h => r.Precision(h) is not null)).Select(r => $"line {r.Line}: {r.Text}").ToList();
        Assert.True(unused.Count == 0, "Rows of the access matrix that name no page of the portal: " + string.Join(", ", unused));
        var wrongAddress = matrix.Rules.Where(r => !r.IsFolder)
            .Select(r => (Rule: r, Template: "/" + handlers.First(h => h.Page == r.Pattern).Template))
            .Where(r => r.Rule.Address.Length > 0 && r.Rule.Address != r.Template)
            .Select(r => $"line {r.Rule.Line}: {r.Rule.Pattern} is at « {r.Template} », not « {r.Rule.Address} »").ToList();
        Assert.True(wrongAddress.Count == 0, "Addresses of the access matrix that are not the page's route: " + string.Join(", ", wrongAddress));
        Assert.True(handlers.Count(h => h.Page.Contains("/Admin/", StringComparison.Ordinal)) >= 15, "Too few admin handlers found: " + string.Join(", ", handlers));
    }

    [Fact]
    public async Task Every_identity_gets_what_the_access_matrix_says_and_nothing_of_another_collectivite_changes()
    {
        var handlers = await PageHandlers.DiscoverAsync(factory);
        var matrix = AccessMatrix.Load();
        var world = await SecurityWorld.CreateAsync(factory);
        var failures = new List<string>();
        var before = await DatabaseFingerprint.OfMunicipalityAsync(factory, world.A.MunicipalityId);

        foreach (var identity in Strangers)
        {
            await CallAllAsync(world, handlers, matrix, identity, posts: null, failures);
        }
        var after = await DatabaseFingerprint.OfMunicipalityAsync(factory, world.A.MunicipalityId);
        Assert.True(DatabaseFingerprint.Differences(before, after).Length == 0,
            "The identities that are not of collectivité A changed its data: " + DatabaseFingerprint.Differences(before, after));

        // A's own people last, reading first: their forms may change what the next one sees.
        foreach (var identity in Owners)
        {
            await CallAllAsync(world, handlers, matrix, identity, posts: false, failures);
        }
        foreach (var identity in Owners)
        {
            await CallAllAsync(world, handlers, matrix, identity, posts: true, failures);
        }

        Assert.True(failures.Count == 0, $"{failures.Count} answers differ from the access matrix:\n" + string.Join('\n', failures));
    }

    /// <param name="posts">Only GETs (false), only POSTs (true), or both (null). Signing out comes last.</param>
    private static async Task CallAllAsync(SecurityWorld world, IReadOnlyList<PageHandler> handlers, AccessMatrix matrix,
        string identity, bool? posts, List<string> failures)
    {
        var visitor = world.Visitors[identity];
        var ordered = handlers.Where(h => posts is null || h.IsPost == posts)
            .OrderBy(h => h.IsPost).ThenBy(h => h.Page == "/Accounts/SignOut");
        foreach (var handler in ordered)
        {
            var rule = matrix.RuleFor(handler);
            if (rule is null)
            {
                continue;
            }
            var target = world.TargetOf(handler);
            var expected = AccessMatrix.ExpectedFor(rule, handler, identity);
            var response = await world.SendAsync(visitor.Client, handler, target, visitor.Token);
            if (!Outcomes.Accepts(expected, response, handler.IsPost, target))
            {
                failures.Add($"{handler.Method} {target.Url} ({handler.Key}) as {identity}: expected {expected} (line {rule.Line}: {rule.Text}), got {(int)response.StatusCode} {response.Headers.Location}");
            }
            if (Strangers.Contains(identity))
            {
                var body = await response.Content.ReadAsStringAsync();
                failures.AddRange(world.PrivateDataOfA.Where(p => body.Contains(p, StringComparison.OrdinalIgnoreCase))
                    .Select(p => $"{handler.Method} {target.Url} as {identity} shows « {p} » of collectivité A"));
            }
        }
    }
}
