using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Email;

/// <summary>Short ways to queue, dispatch and read back mail in integration tests.</summary>
internal static class EmailTestKit
{
    public static OutgoingEmail Sample(string subject = "Votre code d'adhésion", string to = "parent@famille.exemple.test",
        string paragraph = "Votre code d'adhésion est WKMLY75KOA.") => new()
        {
            ToAddress = to,
            Subject = subject,
            Paragraphs = [paragraph],
            MunicipalityName = "COMMUNE D'ECROUVES",
        };

    /// <summary>Settings for a plain SMTP server on the loopback.</summary>
    public static Dictionary<string, string?> Smtp(int port, string security = "None", int batchSize = 50) => new()
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:Security"] = security,
        ["Smtp:UserName"] = "",
        ["Smtp:Password"] = "",
        ["Smtp:TimeoutSeconds"] = "10",
        ["Email:BatchSize"] = batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static Task<OutboxMessage> EnqueueAsync(PortalFactory factory, OutgoingEmail email) => EnqueueAsync(factory.Services, email);

    public static async Task<OutboxMessage> EnqueueAsync(IServiceProvider services, OutgoingEmail email)
    {
        await using var scope = services.CreateAsyncScope();
        var message = scope.ServiceProvider.GetRequiredService<EmailOutbox>().Enqueue(email);
        await scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>().SaveChangesAsync();
        return message;
    }

    public static Task<int> DispatchAsync(PortalFactory factory) => DispatchAsync(factory.Services);

    public static async Task<int> DispatchAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EmailDispatcher>().DispatchDueAsync(CancellationToken.None);
    }

    public static Task<OutboxMessage?> FindAsync(PortalFactory factory, string messageId) => FindAsync(factory.Services, messageId);

    public static async Task<OutboxMessage?> FindAsync(IServiceProvider services, string messageId)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>().OutboxMessages
            .AsNoTracking().SingleOrDefaultAsync(m => m.MessageId == messageId);
    }

    public static DateTime Now(PortalFactory factory) => factory.Clock.GetUtcNow().UtcDateTime;
}
