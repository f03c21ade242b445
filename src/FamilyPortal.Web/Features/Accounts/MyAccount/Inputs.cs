namespace FamilyPortal.Web.Features.Accounts.MyAccount;

public class DetailsInput
{
    public string? Civility { get; set; }
    public string? LastName { get; set; }
    public string? FirstName { get; set; }
    public string? Notification { get; set; }
    public string? PrimaryPhone { get; set; }
    public string? SecondaryPhone { get; set; }
    public string? SecondaryEmail { get; set; }

    public static DetailsInput From(PortalAccount account) => new()
    {
        Civility = account.Civility,
        LastName = account.LastName,
        FirstName = account.FirstName,
        Notification = account.NotificationChannel,
        PrimaryPhone = account.PhoneNumber is null ? null : FrenchPhone.Format(account.PhoneNumber),
        SecondaryPhone = account.SecondaryPhone is null ? null : FrenchPhone.Format(account.SecondaryPhone),
        SecondaryEmail = account.SecondaryEmail,
    };
}

public class PasswordInput
{
    public string? Current { get; set; }
    public string? New { get; set; }
    public string? Confirm { get; set; }
}

public class EmailInput
{
    public string? Email { get; set; }
    public string? Password { get; set; }
}

public class QuestionInput
{
    public string? SecretQuestion { get; set; }
    public string? SecretAnswer { get; set; }
    public string? Password { get; set; }
}
