using Xunit.Abstractions;

namespace FamilyPortal.Tests.Hardening;

/// <summary>
/// Every form of the portal, found by visiting it as each kind of user, receives hostile values in each of
/// its fields. The forms are discovered, not listed: a page added later is covered as soon as it is linked
/// or routed.
/// </summary>
public sealed class HostileInputTests(HardeningFactory factory, ITestOutputHelper output) : IClassFixture<HardeningFactory>
{
    [Fact]
    public async Task Every_form_refuses_hostile_values_in_French_without_error_nor_write_and_shows_what_it_accepts_escaped()
    {
        var cast = await Cast.CreateAsync(factory);
        var values = HostileValues.For(cast.OtherIds);
        Assert.True(values.Count >= 50, $"only {values.Count} hostile values");
        using var fingerprint = new DatabaseWatch(factory);
        var fuzzer = new FormFuzzer(fingerprint, values);
        var formsPerVisitor = new Dictionary<string, int>();

        // Each form once, as the first visitor who finds it (a signed-in parent also sees the sign-in form).
        // The administrator comes last: his forms can unlink the parent's account from its family.
        var tried = new HashSet<string>(StringComparer.Ordinal);
        foreach (var visitor in new[] { cast["anonyme"], cast["parent"], cast["opérateur"], cast["administrateur"] })
        {
            var forms = SiteCrawler.FormsOf(await SiteCrawler.CrawlAsync(factory, visitor));
            formsPerVisitor[visitor.Name] = forms.Count;
            foreach (var form in forms.Where(f => tried.Add(f.Key)))
            {
                output.WriteLine($"{visitor.Name} : {form.ActionPath} ({string.Join(", ", form.FuzzableFields)})");
                await fuzzer.FuzzAsync(visitor, form);
                if (!await visitor.IsStillSignedInAsync())
                {
                    await visitor.SignInAsync();
                }
            }
        }

        var failures = fuzzer.Failures.ToList();
        await PortalSweep.CheckPagesAsync(factory, cast.Visitors, failures);
        await PortalSweep.CheckMailAsync(factory, failures);
        await PortalSweep.CheckLengthsAsync(factory, failures);

        output.WriteLine($"{fuzzer.Submissions} soumissions, {fuzzer.FormsTried} formulaires : "
            + string.Join(", ", fuzzer.Outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} × {o.Value}")));
        Assert.True(failures.Count == 0, PortalSweep.Report(failures));
        Assert.True(fuzzer.Submissions >= 1000, $"only {fuzzer.Submissions} submissions");
        Assert.All(formsPerVisitor, f => Assert.True(f.Value > 0, $"no form found for {f.Key}"));
    }
}
