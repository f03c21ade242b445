using FamilyPortal.Web.Infrastructure.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Infrastructure;

/// <summary>
/// Two portal servers on one database: a value cached by one is reloaded once staff, through the other, save a
/// change of the collectivité's reference data; another collectivité's cache is untouched.
/// </summary>
public sealed class ReferenceDataVersionTests : IDisposable
{
    private readonly PortalFactory _first = new();
    private readonly PortalFactory _second;

    public ReferenceDataVersionTests()
    {
        _ = _first.Services;
        _second = PortalFactory.With(new Dictionary<string, string?> { ["ConnectionStrings:FamilyPortal"] = DatabaseFingerprint.ConnectionString(_first) });
    }

    public void Dispose()
    {
        _second.Dispose();
        _first.Dispose();
    }

    private static async Task<T> WithVersionAsync<T>(PortalFactory server, Func<ReferenceDataVersion, Task<T>> work)
    {
        await using var scope = server.Scope();
        return await work(scope.ServiceProvider.GetRequiredService<ReferenceDataVersion>());
    }

    private static async Task SaveClosureAsync(PortalFactory server, int municipalityId)
    {
        await using var scope = server.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.Enter(municipalityId);
        db.Closures.Add(new Closure { MunicipalityId = municipalityId, StartDate = new DateOnly(2027, 2, 1), EndDate = new DateOnly(2027, 2, 1), Reason = "Grève" });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_change_saved_on_one_server_makes_the_other_reload_its_cached_copy_of_that_collectivite_only()
    {
        var a = await TenantBuilder.CreateAsync(_first);
        var b = await TenantBuilder.CreateAsync(_first);
        var loads = 0;
        Task<string> Load(int municipalityId) => WithVersionAsync(_first, v => v.GetOrLoadAsync(municipalityId, "grille", _ =>
        {
            Interlocked.Increment(ref loads);
            return Task.FromResult($"copie {loads}");
        }, CancellationToken.None));

        Assert.NotEqual(0, await WithVersionAsync(_second, v => v.CurrentAsync(a.MunicipalityId, CancellationToken.None)));
        Assert.Equal("copie 1", await Load(a.MunicipalityId));
        Assert.Equal("copie 2", await Load(b.MunicipalityId));
        Assert.Equal("copie 1", await Load(a.MunicipalityId));

        await SaveClosureAsync(_second, a.MunicipalityId);

        Assert.Equal("copie 3", await Load(a.MunicipalityId));
        Assert.Equal("copie 3", await Load(a.MunicipalityId));
        Assert.Equal("copie 2", await Load(b.MunicipalityId));
        Assert.Equal(3, loads);
    }

    [Fact]
    public async Task The_version_read_with_the_account_serves_the_request_until_it_saves_reference_data_itself()
    {
        var tenant = await TenantBuilder.CreateAsync(_first);
        await using var scope = _first.Scope();
        var versions = scope.ServiceProvider.GetRequiredService<ReferenceDataVersion>();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        var stored = await versions.CurrentAsync(tenant.MunicipalityId, CancellationToken.None);
        var readWithAccount = stored - 1;
        versions.ReadWithAccount(tenant.MunicipalityId, readWithAccount);

        Assert.Equal(readWithAccount, await versions.CurrentAsync(tenant.MunicipalityId, CancellationToken.None));
        Assert.Equal(stored, await WithVersionAsync(_first, v => v.CurrentAsync(tenant.MunicipalityId, CancellationToken.None)));

        db.Tenant.Enter(tenant.MunicipalityId);
        db.Closures.Add(new Closure { MunicipalityId = tenant.MunicipalityId, StartDate = new DateOnly(2027, 2, 1), EndDate = new DateOnly(2027, 2, 1), Reason = "Grève" });
        await db.SaveChangesAsync();
        var afterSave = await versions.CurrentAsync(tenant.MunicipalityId, CancellationToken.None);

        Assert.NotEqual(readWithAccount, afterSave);
        Assert.NotEqual(stored, afterSave);
        Assert.Equal(afterSave, await WithVersionAsync(_second, v => v.CurrentAsync(tenant.MunicipalityId, CancellationToken.None)));
    }

    [Fact]
    public async Task Changes_racing_on_both_servers_all_commit_and_each_leaves_a_version_never_seen_before()
    {
        var tenant = await TenantBuilder.CreateAsync(_first);
        var servers = new[] { _first, _second };
        var seen = new HashSet<long> { await WithVersionAsync(_first, v => v.CurrentAsync(tenant.MunicipalityId, CancellationToken.None)) };

        for (var round = 0; round < 5; round++)
        {
            await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => SaveClosureAsync(servers[i % 2], tenant.MunicipalityId))));
            Assert.True(seen.Add(await WithVersionAsync(_second, v => v.CurrentAsync(tenant.MunicipalityId, CancellationToken.None))));
        }

        await using var scope = _first.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        db.Tenant.Enter(tenant.MunicipalityId);
        Assert.Equal(20, await db.Closures.CountAsync(c => c.Reason == "Grève"));
    }
}
