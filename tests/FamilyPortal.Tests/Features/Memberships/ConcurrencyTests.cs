using System.Net;
using static FamilyPortal.Tests.Features.Memberships.MembershipJourney;

namespace FamilyPortal.Tests.Features.Memberships;

/// <summary>The limits hold when parents validate at the same moment: the database decides, not a C# check alone.</summary>
public class ConcurrencyTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private static async Task<HttpResponseMessage[]> SubmitTogetherAsync(IReadOnlyList<PageClient> clients, string code)
    {
        var pages = await Task.WhenAll(clients.Select(c => c.GetPageAsync("/adhesions")));
        return await Task.WhenAll(clients.Select((c, i) =>
            c.SubmitAsync(pages[i], "/adhesions", new Dictionary<string, string?> { ["Code"] = code }, formAction: "/adhesions")));
    }

    [Fact]
    public async Task Parents_joining_a_family_with_room_for_one_at_the_same_time_get_exactly_one_place()
    {
        var parents = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => SignedInParentAsync(factory)));
        // Several rounds, each on a new collectivité, so that a lost race would not go unnoticed by luck.
        for (var round = 0; round < 8; round++)
        {
            // The builder's parent holds one of the two places.
            var tenant = await TenantBuilder.CreateAsync(factory);

            var responses = await SubmitTogetherAsync(parents.Select(p => p.Client).ToList(), tenant.AdhesionCode);

            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
            Assert.Equal(parents.Length - 1, responses.Count(r => r.StatusCode == HttpStatusCode.UnprocessableEntity));
            foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Redirect))
            {
                Assert.Contains("contactez votre mairie", ErrorOf(await PageClient.ParseAsync(refused)), StringComparison.Ordinal);
            }
            Assert.Equal(2, await AccountsOfFamilyAsync(factory, tenant.FamilyId));
        }
    }

    [Fact]
    public async Task The_same_code_sent_several_times_at_once_by_one_account_links_it_once()
    {
        var parent = await SignedInParentAsync(factory);
        for (var round = 0; round < 3; round++)
        {
            var tenant = await TenantBuilder.CreateAsync(factory, linkAccount: false);

            var responses = await SubmitTogetherAsync(Enumerable.Repeat(parent.Client, 6).ToList(), tenant.AdhesionCode);

            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
            Assert.Equal(1, await AccountsOfFamilyAsync(factory, tenant.FamilyId));
        }
    }
}
