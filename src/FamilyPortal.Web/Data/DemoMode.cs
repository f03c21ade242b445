namespace FamilyPortal.Web.Data;

/// <summary>
/// « App:DemoMode »: the portal runs as a public demonstration (the docker-compose one). Only then may the
/// demo data be created outside Development, with the demo staff's authenticator keys enrolled in advance
/// and written in the start-up log.
/// </summary>
public static class DemoMode
{
    public const string Setting = "App:DemoMode";

    public static bool IsOn(IConfiguration configuration) => configuration.GetValue<bool>(Setting);
}
