using Microsoft.Extensions.Options;

namespace FamilyPortal.Web.Email;

/// <summary>
/// Whether the /dev/courriels page exists: on in Development, opt-in (Email:ShowMailbox) elsewhere,
/// and never in Production, where mail holds adhesion codes and password links.
/// </summary>
public sealed class DevMailbox(IHostEnvironment environment, IOptions<EmailOptions> options)
{
    public bool IsEnabled =>
        !environment.IsProduction() && (options.Value.ShowMailbox ?? environment.IsDevelopment());
}
