using System.Runtime.CompilerServices;
using FamilyPortal.Tests.Email;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Hardening;

/// <summary>The portal configured with an SMTP server on a port where nothing listens (yet).</summary>
public sealed class SmtpDownFactory : PortalFactory
{
    public static readonly int Port = SmtpTestServer.FreePort();

    public SmtpDownFactory() : this(new Features.Payments.PayFipSimulatorProcess()) { }

    private SmtpDownFactory(Features.Payments.PayFipSimulatorProcess simulator) : base(SettingsFor(Port, simulator))
    {
        Simulator = simulator;
    }

    /// <summary>PayFiP's simulator, for the receipt of an online payment.</summary>
    public Features.Payments.PayFipSimulatorProcess Simulator { get; }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Simulator.Dispose();
        }
    }

    public MailSenders.Recorder Recorder { get; } = new();

    private static Dictionary<string, string?> SettingsFor(int port, Features.Payments.PayFipSimulatorProcess simulator)
    {
        var settings = EmailTestKit.Smtp(port);
        settings["PayFip:ServiceUrl"] = simulator.ServiceUrl;
        settings["PayFip:PaymentPageUrl"] = simulator.PaymentPageUrl;
        settings["Captcha:Enabled"] = "false";
        settings["Security:RecoveryResponseFloorMs"] = "0";
        return settings;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
            var registered = services.Single(d => d.ServiceType == typeof(FamilyPortalDbContext));
            services.Remove(registered);
            var attached = new ConditionalWeakTable<FamilyPortalDbContext, object>();
            services.AddScoped(provider =>
            {
                var context = (FamilyPortalDbContext)(registered.ImplementationFactory?.Invoke(provider)
                    ?? ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!));
                if (attached.TryAdd(context, new object()))
                {
                    Recorder.Attach(context);
                }
                return context;
            });
        });
    }
}
