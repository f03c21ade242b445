namespace FamilyPortal.Tests.Support;

/// <summary>The portal without the captcha (its own tests cover it) and without the recovery delay floor.</summary>
public class AccountsFactory : PortalFactory
{
    public AccountsFactory() : base(new Dictionary<string, string?>
    {
        ["Captcha:Enabled"] = "false",
        ["Security:RecoveryResponseFloorMs"] = "0",
    })
    {
    }
}
