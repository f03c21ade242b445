using FamilyPortal.Web.Infrastructure.ReferenceData;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Infrastructure;

/// <summary>
/// Two portal servers on one database: a value cached by one is reloaded once staff, through the other, raise
/// the collectivité's reference data version; another collectivité's cache is untouched.
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

    [Fact]
    public async Task A_bump_on_one_server_makes_the_other_reload_its_cached_copy_of_that_collectivite_only()
    {
        var a = await TenantBuilder.CreateAsync(_first);
        var b = await TenantBuilder.CreateAsync(_first);
        var loads = 0;
        Task<string> Load(int municipalityId) => WithVersionAsync(_first, v => v.GetOrLoadAsync(municipalityId, "grille", _ =>
        {
            Interlocked.Increment(ref loads);
            return Task.FromResult($"copie {loads}");
        }, CancellationToken.None));

        Assert.Equal(0, await WithVersionAsync(_second, v => v.CurrentAsync(a.MunicipalityId, CancellationToken.None)));
        Assert.Equal("copie 1", await Load(a.MunicipalityId));
        Assert.Equal("copie 2", await Load(b.MunicipalityId));
        Assert.Equal("copie 1", await Load(a.MunicipalityId));

        Assert.Equal(1, await WithVersionAsync(_second, v => v.BumpAsync(a.MunicipalityId, CancellationToken.None)));

        Assert.Equal("copie 3", await Load(a.MunicipalityId));
        Assert.Equal("copie 3", await Load(a.MunicipalityId));
        Assert.Equal("copie 2", await Load(b.MunicipalityId));
        Assert.Equal(3, loads);
    }

    [Fact]
    public async Task Bumps_racing_on_both_servers_are_all_counted()
    {
        var tenant = await TenantBuilder.CreateAsync(_first);
        var servers = new[] { _first, _second };

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            WithVersionAsync(servers[i % 2], v => v.BumpAsync(tenant.MunicipalityId, CancellationToken.None)))));

        Assert.Equal(20, await WithVersionAsync(_second, v => v.CurrentAsync(tenant.MunicipalityId, CancellationToken.None)));
    }
}
