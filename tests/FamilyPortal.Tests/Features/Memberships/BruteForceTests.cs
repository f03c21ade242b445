using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FamilyPortal.Tests.Features.Accounts.AccountJourney;
using static FamilyPortal.Tests.Features.Memberships.MembershipJourney;

namespace FamilyPortal.Tests.Features.Memberships;

/// <summary>
/// More than five wrong codes in an hour, for an account or an address, and the next attempts are refused
/// for the rest of the hour, even with the right code. Each test has its own portal: it moves the clock.
/// </summary>
public sealed class BruteForceTests : IDisposable
{
    private const string Unknown = "Ce code d'adhésion est inconnu. Vérifiez-le dans l'email de votre collectivité ou sur le courrier qu'elle vous a remis.";
    private const string RefusedPrefix = "Trop de codes erronés ont été saisis. Par sécurité, les nouvelles tentatives sont refusées pendant une heure : réessayez dans ";

    private readonly AccountsFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static string WrongCode(int i) => "ZZZZZZZZZ" + "23456789ABCDEFGH"[i];

    private static async Task EnterWrongCodeAsync(PageClient client, int i)
    {
        var response = await EnterCodeAsync(client, WrongCode(i));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(Unknown, ErrorOf(await PageClient.ParseAsync(response)));
    }

    private async Task<int> AttemptCountAsync()
    {
        await using var scope = _factory.Scope();
        return await scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>().AdhesionAttempts.CountAsync();
    }

    [Fact]
    public async Task Five_wrong_codes_still_let_the_right_one_through()
    {
        var tenant = await TenantBuilder.CreateAsync(_factory);
        var parent = await SignedInParentAsync(_factory);
        for (var i = 0; i < 5; i++)
        {
            await EnterWrongCodeAsync(parent.Client, i);
        }
        await JoinAsync(parent.Client, tenant.AdhesionCode);
    }

    [Fact]
    public async Task After_six_wrong_codes_the_account_is_refused_for_an_hour_even_with_the_right_code_and_told_how_long()
    {
        var tenant = await TenantBuilder.CreateAsync(_factory);
        var parent = await SignedInParentAsync(_factory);
        for (var i = 0; i < 6; i++)
        {
            await EnterWrongCodeAsync(parent.Client, i);
        }
        var attempts = await AttemptCountAsync();
        var memberships = await MembershipCountAsync(_factory);

        var refused = await EnterCodeAsync(parent.Client, tenant.AdhesionCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(RefusedPrefix + "60 minutes.", ErrorOf(await PageClient.ParseAsync(refused)));
        Assert.Equal(memberships, await MembershipCountAsync(_factory));
        Assert.Equal(attempts, await AttemptCountAsync());

        _factory.Clock.Advance(TimeSpan.FromMinutes(20));
        var later = await EnterCodeAsync(parent.Client, tenant.AdhesionCode);
        Assert.Equal(RefusedPrefix + "40 minutes.", ErrorOf(await PageClient.ParseAsync(later)));

        _factory.Clock.Advance(TimeSpan.FromMinutes(40) + TimeSpan.FromSeconds(1));
        await SignInAsync(parent.Client, parent.Identifiant, Password);
        await JoinAsync(parent.Client, tenant.AdhesionCode);
        Assert.Equal([tenant.FamilyId], await FamiliesOfAsync(_factory, parent.AccountId));
    }

    [Fact]
    public async Task Twenty_wrong_codes_at_the_same_instant_count_one_by_one_and_the_right_code_waits_for_the_hour()
    {
        var tenant = await TenantBuilder.CreateAsync(_factory);
        var parent = await SignedInParentAsync(_factory);
        var form = await parent.Client.GetPageAsync("/adhesions");
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var posts = Enumerable.Range(0, 20).Select(async i =>
        {
            await start.Task;
            return await parent.Client.SubmitAsync(form, "/adhesions", new Dictionary<string, string?> { ["Code"] = WrongCode(i % 16) }, formAction: "/adhesions");
        }).ToList();
        start.SetResult();
        var answers = await Task.WhenAll(posts);

        // Each check and its failure are one serializable transaction: the sixth failure closes the door
        // for every attempt that comes after it, however close together they arrive.
        Assert.Equal(6, answers.Count(a => a.StatusCode == HttpStatusCode.UnprocessableEntity));
        Assert.Equal(14, answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests));
        Assert.Equal(6, await AttemptCountAsync());
        var refused = await EnterCodeAsync(parent.Client, tenant.AdhesionCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Empty(await FamiliesOfAsync(_factory, parent.AccountId));

        _factory.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        await SignInAsync(parent.Client, parent.Identifiant, Password);
        await JoinAsync(parent.Client, tenant.AdhesionCode);
    }

    [Fact]
    public async Task The_wait_runs_from_the_oldest_counted_failure()
    {
        var parent = await SignedInParentAsync(_factory);
        await EnterWrongCodeAsync(parent.Client, 0);
        _factory.Clock.Advance(TimeSpan.FromMinutes(25));
        for (var i = 1; i < 6; i++)
        {
            await EnterWrongCodeAsync(parent.Client, i);
        }
        var refused = await EnterCodeAsync(parent.Client, WrongCode(7));
        Assert.Equal(RefusedPrefix + "35 minutes.", ErrorOf(await PageClient.ParseAsync(refused)));
    }

    [Fact]
    public async Task Wrong_codes_from_one_address_count_together_whatever_the_accounts()
    {
        var tenant = await TenantBuilder.CreateAsync(_factory);
        const string address = "203.0.113.7";
        for (var account = 0; account < 3; account++)
        {
            var guesser = await SignedInParentAsync(_factory, address);
            await EnterWrongCodeAsync(guesser.Client, account * 2);
            await EnterWrongCodeAsync(guesser.Client, account * 2 + 1);
        }
        var sameAddress = await SignedInParentAsync(_factory, address);
        var refused = await EnterCodeAsync(sameAddress.Client, tenant.AdhesionCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.StartsWith(RefusedPrefix, ErrorOf(await PageClient.ParseAsync(refused)), StringComparison.Ordinal);
        Assert.Empty(await FamiliesOfAsync(_factory, sameAddress.AccountId));

        // The same parent from elsewhere has no failure of its own.
        var elsewhere = TestClientAddress.From(_factory, "198.51.100.20");
        await SignInAsync(elsewhere, sameAddress.Identifiant, Password);
        await JoinAsync(elsewhere, tenant.AdhesionCode);
    }

    [Fact]
    public async Task Wrong_codes_from_addresses_of_one_ipv6_64_network_count_together()
    {
        var tenant = await TenantBuilder.CreateAsync(_factory);
        for (var account = 0; account < 3; account++)
        {
            var guesser = await SignedInParentAsync(_factory, $"2001:db8:42:7::{account + 1:x}");
            await EnterWrongCodeAsync(guesser.Client, account * 2);
            await EnterWrongCodeAsync(guesser.Client, account * 2 + 1);
        }
        var sameNetwork = await SignedInParentAsync(_factory, "2001:db8:42:7:ffff:ffff:ffff:fffe");
        var refused = await EnterCodeAsync(sameNetwork.Client, tenant.AdhesionCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);

        var otherNetwork = TestClientAddress.From(_factory, "2001:db8:42:8::1");
        await SignInAsync(otherNetwork, sameNetwork.Identifiant, Password);
        await JoinAsync(otherNetwork, tenant.AdhesionCode);
    }

    [Fact]
    public async Task Wrong_codes_of_one_account_count_together_whatever_the_addresses()
    {
        var tenant = await TenantBuilder.CreateAsync(_factory);
        var parent = await SignedInParentAsync(_factory, "192.0.2.1");
        for (var i = 0; i < 3; i++)
        {
            await EnterWrongCodeAsync(parent.Client, i);
        }
        var other = TestClientAddress.From(_factory, "192.0.2.2");
        await SignInAsync(other, parent.Identifiant, Password);
        for (var i = 3; i < 6; i++)
        {
            await EnterWrongCodeAsync(other, i);
        }
        var third = TestClientAddress.From(_factory, "192.0.2.3");
        await SignInAsync(third, parent.Identifiant, Password);
        var refused = await EnterCodeAsync(third, tenant.AdhesionCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Empty(await FamiliesOfAsync(_factory, parent.AccountId));
    }

    [Fact]
    public async Task Wrong_codes_are_logged_with_the_account_and_the_address_but_never_the_code()
    {
        var tenant = await TenantBuilder.CreateAsync(_factory);
        var parent = await SignedInParentAsync(_factory, "198.51.100.4");
        await EnterWrongCodeAsync(parent.Client, 0);
        await EnterCodeAsync(parent.Client, "qwer-typz23");
        await JoinAsync(parent.Client, tenant.AdhesionCode.ToLowerInvariant());

        var logs = await LogText.ReadAsync(_factory);
        Assert.Contains($"Code d'adhésion inconnu saisi par le compte {parent.AccountId} depuis 198.51.100.4", logs, StringComparison.Ordinal);
        foreach (var code in new[] { WrongCode(0), "QWERTYPZ23", "qwer-typz23", tenant.AdhesionCode, tenant.AdhesionCode.ToLowerInvariant() })
        {
            Assert.DoesNotContain(code, logs, StringComparison.OrdinalIgnoreCase);
        }
        await using var scope = _factory.Scope();
        var attempts = await scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>().AdhesionAttempts.ToListAsync();
        Assert.Equal(2, attempts.Count);
        Assert.All(attempts, a => Assert.Equal(("198.51.100.4", parent.AccountId), (a.IpAddress, a.AccountId)));
    }
}
