using System.Diagnostics;
using System.Net;
using FamilyPortal.Web.Data.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Data;

/// <summary>
/// The demo data opens accounts whose passwords are published: outside Development they are only created in
/// demonstration mode, where the demo staff's authenticators are enrolled before anyone can sign in.
/// </summary>
public sealed class DemoModeTests : IDisposable
{
    private const string Refusal = "Les données de démonstration (--seed-demo ou Database:SeedDemo) ne sont créées qu'en développement";

    private readonly PortalFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public void Database_SeedDemo_in_production_without_the_demonstration_mode_stops_the_start()
    {
        using var production = _factory.WithWebHostBuilder(b => b.UseEnvironment("Production").UseSetting("Database:SeedDemo", "true"));

        var error = Assert.ThrowsAny<Exception>(() => production.Services);

        Assert.Contains(Refusal, error.ToString(), StringComparison.Ordinal);
        Assert.Contains("App:DemoMode=true", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_seed_demo_switch_in_production_without_the_demonstration_mode_stops_the_portal_process()
    {
        var portal = Path.Combine(AppContext.BaseDirectory, "FamilyPortal.Web.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _factory.WorkDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(portal);
        start.ArgumentList.Add("--seed-demo");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ConnectionStrings__FamilyPortal"] = $"Data Source={Path.Combine(_factory.WorkDirectory, "process.db")}";
        start.Environment["Security__AdhesionCodeKey"] = PortalFactory.TestAdhesionCodeKey;
        start.Environment["DataProtection__CertificatePath"] = TestCertificate.WriteTo(_factory.WorkDirectory);
        start.Environment["DataProtection__CertificatePassword"] = TestCertificate.Password;
        start.Environment["App__LogDirectory"] = Path.Combine(_factory.WorkDirectory, "process-logs");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }

        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains(Refusal, await errors + await output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demonstration_mode_seeds_enrols_the_demo_staff_authenticators_and_writes_their_keys_in_the_log()
    {
        using var demo = _factory.WithWebHostBuilder(b => b.UseEnvironment("Production")
            .UseSetting("App:DemoMode", "true").UseSetting("Database:SeedDemo", "true"));
        var client = demo.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("https://localhost"),
            HandleCookies = true,
        });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/connexion")).StatusCode);
        var logs = await LogText.ReadAsync(_factory);

        await using var scope = demo.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalAccount>>();
        foreach (var login in new[] { DemoData.AdministratorLogin, DemoData.OperatorLogin })
        {
            var account = await users.FindByNameAsync(login);
            Assert.NotNull(account);
            Assert.True(await users.GetTwoFactorEnabledAsync(account));
            var key = await users.GetAuthenticatorKeyAsync(account);
            Assert.False(string.IsNullOrEmpty(key));
            Assert.Contains($"clé de l'application d'authentification du compte « {login} » : {SecondFactor.FormatKey(key)}", logs, StringComparison.Ordinal);
        }

        // The administrator's password leads to the code, never to an enrolment a visitor could make first.
        var page = new PageClient(client);
        var password = await page.PostFormAsync("/connexion", new Dictionary<string, string?>
        {
            ["Identifiant"] = DemoData.AdministratorLogin,
            ["Password"] = DemoData.AdministratorPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.Equal("/connexion/code", password.Headers.Location!.OriginalString);
        var enrol = await client.GetAsync("/connexion/authentificateur");
        Assert.Equal("/connexion/code", enrol.Headers.Location!.OriginalString);
    }
}
