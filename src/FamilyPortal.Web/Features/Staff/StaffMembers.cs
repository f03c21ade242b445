using System.Data;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Features.Staff;

/// <summary>What « Équipe » (an administrator) or the operator does to a staff account of a collectivité.</summary>
public enum StaffChange
{
    Suspend,
    Reactivate,
    ChangeRole,
    Remove,
}

/// <summary>
/// Cuts off, restores, changes the role of and removes staff accounts, for an administrator of the collectivité
/// or for the operator (administrators only). Each change is one serializable transaction: the check that the
/// collectivité keeps an active administrator, the change itself (tracked, so the journal records it), the end
/// of every session of the account and the email to the person go together or not at all. Two administrators
/// demoting each other at the same moment therefore cannot leave the collectivité without one: the second
/// transaction sees the first one's change.
/// </summary>
public sealed class StaffMembers(FamilyPortalDbContext db, AccountSessions sessions, EmailOutbox outbox, PublicLinks links, TimeProvider time,
    ILogger<StaffMembers> logger)
{
    public const string LastAdministrator =
        "Impossible : la collectivité doit garder au moins un administrateur actif. Nommez d'abord un autre administrateur.";

    public const string InvalidRole = "Choisissez le rôle : Agent ou Administrateur.";

    public static readonly IReadOnlyList<(string Value, string Label)> RoleChoices =
        [(Roles.Agent, "Agent"), (Roles.Administrator, "Administrateur")];

    /// <param name="ActorAccountId">Who asks: an administrator of the collectivité, or the operator.</param>
    /// <param name="ByOperator">The operator: works on the collectivité's administrators only.</param>
    public sealed record Request(int MunicipalityId, string AccountId, StaffChange Change, string? NewRole, string ActorAccountId, bool ByOperator);

    public enum Outcome
    {
        Done,
        /// <summary>Nothing to do: already suspended, already active, already in that role.</summary>
        Unchanged,
        /// <summary>No such account among the staff the actor may manage.</summary>
        NotFound,
        /// <summary>The actor is no longer an active administrator of the collectivité.</summary>
        Forbidden,
        LastAdministrator,
        InvalidRole,
    }

    /// <param name="Login">The identifiant of the account, for the page's message.</param>
    public sealed record Result(Outcome Outcome, string? Login = null, string? Role = null);

    public static bool IsRole(string? role) => RoleChoices.Any(r => r.Value == role);

    public static string RoleLabel(string role) => StaffInvitations.RoleLabel(role);

    /// <summary>The message shown to the actor once the change is done (or was already so).</summary>
    public static string Notice(StaffChange change, Result result) => (change, result.Outcome) switch
    {
        (StaffChange.Suspend, Outcome.Done) => $"Le compte de {result.Login} est suspendu : ses connexions sont fermées et il ne peut plus se connecter.",
        (StaffChange.Suspend, _) => $"Le compte de {result.Login} est déjà suspendu.",
        (StaffChange.Reactivate, Outcome.Done) => $"Le compte de {result.Login} est réactivé.",
        (StaffChange.Reactivate, _) => $"Le compte de {result.Login} est déjà actif.",
        (StaffChange.ChangeRole, Outcome.Done) => $"{result.Login} est désormais {RoleLabel(result.Role!)} : ses connexions sont fermées, son nouveau rôle s'applique à sa prochaine connexion.",
        (StaffChange.ChangeRole, _) => $"{result.Login} est déjà {RoleLabel(result.Role!)}.",
        _ => $"Le compte de {result.Login} est retiré de l'équipe et supprimé.",
    };

    public async Task<Result> ApplyAsync(Request request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var municipalityName = await db.Municipalities.AsNoTracking().Where(m => m.Id == request.MunicipalityId).Select(m => m.Name).SingleOrDefaultAsync(ct);
        if (municipalityName is null)
        {
            return new Result(Outcome.NotFound);
        }
        // On SQLite the transaction takes the write lock at once (BEGIN IMMEDIATE, and the portal's write gate);
        // on SQL Server the serializable range locks make the second of two crossed demotions a deadlock victim,
        // replayed by the execution strategy, which then sees the first one done.
        var result = await db.InTransactionAsync(IsolationLevel.Serializable, token => ApplyInTransactionAsync(request, municipalityName, token), ct);
        if (result.Outcome == Outcome.Done)
        {
            logger.LogInformation("Compte du personnel {AccountId} : {Change} par {ActorAccountId}", request.AccountId, request.Change, request.ActorAccountId);
        }
        return result;
    }

    private async Task<Result> ApplyInTransactionAsync(Request request, string municipalityName, CancellationToken ct)
    {
        var roleIds = await db.Roles.AsNoTracking().Where(r => r.Name == Roles.Administrator || r.Name == Roles.Agent)
            .ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        var administratorRoleId = roleIds[Roles.Administrator];
        if (!request.ByOperator && !await IsActiveAdministratorAsync(request.ActorAccountId, request.MunicipalityId, administratorRoleId, ct))
        {
            return new Result(Outcome.Forbidden);
        }
        var account = await db.Users.SingleOrDefaultAsync(u => u.Id == request.AccountId && u.StaffMunicipalityId == request.MunicipalityId, ct);
        if (account is null)
        {
            return new Result(Outcome.NotFound);
        }
        var roles = await db.UserRoles.Where(ur => ur.UserId == account.Id).ToListAsync(ct);
        var isAdministrator = roles.Any(r => r.RoleId == administratorRoleId);
        if (request.ByOperator && !isAdministrator)
        {
            return new Result(Outcome.NotFound);
        }
        var currentRole = isAdministrator ? Roles.Administrator : Roles.Agent;
        var login = account.UserName!;
        // Checked once the account is found: another collectivité's account is not found, whatever the form says.
        if (request.Change == StaffChange.ChangeRole && !IsRole(request.NewRole))
        {
            return new Result(Outcome.InvalidRole, login);
        }

        var unchanged = request.Change switch
        {
            StaffChange.Suspend => account.SuspendedAtUtc is not null,
            StaffChange.Reactivate => account.SuspendedAtUtc is null,
            StaffChange.ChangeRole => request.NewRole == currentRole,
            _ => false,
        };
        if (unchanged)
        {
            return new Result(Outcome.Unchanged, login, request.NewRole ?? currentRole);
        }
        var takesAnAdministratorAway = isAdministrator && account.SuspendedAtUtc is null
            && request.Change is StaffChange.Suspend or StaffChange.Remove or StaffChange.ChangeRole;
        if (takesAnAdministratorAway && !await AnotherActiveAdministratorAsync(account.Id, request.MunicipalityId, administratorRoleId, ct))
        {
            return new Result(Outcome.LastAdministrator, login);
        }

        var now = time.GetUtcNow();
        var email = account.Email;
        var mail = request.Change switch
        {
            StaffChange.Suspend => Suspended(account, municipalityName, now),
            StaffChange.Reactivate => Reactivated(account, municipalityName),
            StaffChange.ChangeRole => RoleChanged(account, municipalityName, request.NewRole!),
            _ => Removed(account, municipalityName),
        };
        switch (request.Change)
        {
            case StaffChange.Suspend:
                account.SuspendedAtUtc = now.UtcDateTime;
                break;
            case StaffChange.Reactivate:
                account.SuspendedAtUtc = null;
                break;
            case StaffChange.ChangeRole:
                db.UserRoles.RemoveRange(roles.Where(r => r.RoleId == administratorRoleId || r.RoleId == roleIds[Roles.Agent]));
                db.UserRoles.Add(new IdentityUserRole<string> { UserId = account.Id, RoleId = roleIds[request.NewRole!] });
                // The role is carried by the sign-in cookie: a new stamp and the end of the sessions make it apply now.
                account.SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant();
                break;
            case StaffChange.Remove:
                db.UserRoles.RemoveRange(roles);
                db.Users.Remove(account);
                break;
        }
        account.ConcurrencyStamp = Guid.NewGuid().ToString();
        if (email is not null)
        {
            outbox.Enqueue(mail with { MunicipalityId = request.MunicipalityId, MunicipalityName = municipalityName, AccountId = account.Id });
        }
        await sessions.EndAllAsync(account.Id, exceptSessionId: null, ct);
        await db.SaveChangesAsync(ct);
        return new Result(Outcome.Done, login, request.NewRole ?? currentRole);
    }

    private Task<bool> IsActiveAdministratorAsync(string accountId, int municipalityId, string administratorRoleId, CancellationToken ct) =>
        db.Users.AnyAsync(u => u.Id == accountId && u.StaffMunicipalityId == municipalityId && u.SuspendedAtUtc == null
            && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == administratorRoleId), ct);

    private Task<bool> AnotherActiveAdministratorAsync(string accountId, int municipalityId, string administratorRoleId, CancellationToken ct) =>
        db.Users.AnyAsync(u => u.Id != accountId && u.StaffMunicipalityId == municipalityId && u.SuspendedAtUtc == null
            && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == administratorRoleId), ct);

    private static string Name(PortalAccount account) => $"{account.FirstName} {account.LastName}".Trim();

    private static OutgoingEmail Suspended(PortalAccount account, string municipality, DateTimeOffset at) => new()
    {
        ToAddress = account.Email!,
        ToName = Name(account),
        Subject = $"Votre accès au Portail Famille est suspendu – {municipality}",
        Greeting = $"Bonjour {Name(account)},",
        Paragraphs =
        [
            $"Le compte {account.UserName} de {municipality} a été suspendu le {ParisClock.ToParis(at).ToString("dd/MM/yyyy 'à' HH:mm", CultureInfo.GetCultureInfo("fr-FR"))}.",
            "Vos connexions en cours ont été fermées et vous ne pouvez plus vous connecter tant qu'un administrateur de la collectivité ne l'a pas réactivé.",
            "Si vous pensez qu'il s'agit d'une erreur, adressez-vous à un administrateur de votre collectivité.",
        ],
    };

    private OutgoingEmail Reactivated(PortalAccount account, string municipality) => new()
    {
        ToAddress = account.Email!,
        ToName = Name(account),
        Subject = $"Votre accès au Portail Famille est rétabli – {municipality}",
        Greeting = $"Bonjour {Name(account)},",
        Paragraphs =
        [
            $"Le compte {account.UserName} de {municipality} est de nouveau actif.",
            "Vous pouvez vous connecter avec votre mot de passe et le code de votre application d'authentification.",
        ],
        Action = new EmailLink("Me connecter", links.Absolute("/connexion")),
    };

    private OutgoingEmail RoleChanged(PortalAccount account, string municipality, string role) => new()
    {
        ToAddress = account.Email!,
        ToName = Name(account),
        Subject = $"Votre rôle au Portail Famille a changé – {municipality}",
        Greeting = $"Bonjour {Name(account)},",
        Paragraphs =
        [
            $"Le compte {account.UserName} de {municipality} a désormais le rôle « {RoleLabel(role)} ».",
            role == Roles.Administrator
                ? "Un administrateur gère tout, y compris les comptes de l'équipe, les règlements et les tarifs."
                : "Un agent gère tout sauf les comptes de l'équipe, les règlements, les tarifs, les avoirs, la fermeture de jours passés et la suppression des prestations.",
            "Vos connexions en cours ont été fermées : votre nouveau rôle s'applique à votre prochaine connexion.",
        ],
        Action = new EmailLink("Me connecter", links.Absolute("/connexion")),
    };

    private static OutgoingEmail Removed(PortalAccount account, string municipality) => new()
    {
        ToAddress = account.Email!,
        ToName = Name(account),
        Subject = $"Votre compte Portail Famille est supprimé – {municipality}",
        Greeting = $"Bonjour {Name(account)},",
        Paragraphs =
        [
            $"Le compte {account.UserName} a été retiré de l'équipe de {municipality} et supprimé.",
            "Vous ne pouvez plus vous connecter. Si vous pensez qu'il s'agit d'une erreur, adressez-vous à votre collectivité.",
        ],
    };
}
