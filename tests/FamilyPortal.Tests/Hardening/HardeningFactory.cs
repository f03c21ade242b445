using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Hardening;

/// <summary>
/// The portal without the captcha and the recovery delay floor, and with a cheap password hash: thousands of
/// form submissions each check a password, and the hash's cost is not what these tests are about.
/// </summary>
public sealed class HardeningFactory : PortalFactory
{
    public HardeningFactory() : base(new Dictionary<string, string?>
    {
        ["Captcha:Enabled"] = "false",
        ["Security:RecoveryResponseFloorMs"] = "0",
    })
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000));
    }
}
