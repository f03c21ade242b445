using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyPortal.Tests.Data;

/// <summary>
/// The portal's SQLite writers take turns (see <see cref="SqliteWriteGate"/>): many at once all succeed,
/// and a writer that fails, inside a transaction or alone, gives its turn back.
/// </summary>
[Trait("Database", "SqliteOnly")]
public sealed class SqliteWriteGateTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory _factory;

    public SqliteWriteGateTests(PortalFactory factory) => _factory = factory;

    private SqliteWriteGate Gate => _factory.Services.GetRequiredService<SqliteWriteGate>();

    private static OutboxMessage Message(string subject) => new()
    {
        ToAddress = "parent@exemple.fr",
        Subject = subject,
        TextBody = "texte",
        HtmlBody = "<p>texte</p>",
        MessageId = EmailOutbox.NewMessageId(),
        HeldForAccountId = "attente",
    };

    [Fact]
    public async Task Forty_writers_at_once_all_commit_and_leave_the_turn_free()
    {
        var subject = "Tour " + Guid.NewGuid().ToString("N");
        await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            await using var scope = _factory.Scope();
            var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
            await db.InTransactionAsync(async ct =>
            {
                db.OutboxMessages.Add(Message(subject));
                db.OutboxMessages.Add(Message(subject));
                await db.SaveChangesAsync(ct);
                return 0;
            }, default);
            // A write outside any transaction takes its turn too.
            await db.OutboxMessages.Where(m => m.Subject == subject).ExecuteUpdateAsync(u => u.SetProperty(m => m.Attempts, i));
        }));

        await using var check = _factory.Scope();
        Assert.Equal(80, await check.ServiceProvider.GetRequiredService<FamilyPortalDbContext>().OutboxMessages.CountAsync(m => m.Subject == subject));
        Assert.False(Gate.IsTaken);
    }

    [Fact]
    public async Task A_transaction_that_throws_gives_its_turn_back()
    {
        await using (var scope = _factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.InTransactionAsync<int>(async ct =>
            {
                db.OutboxMessages.Add(Message("annulé"));
                await db.SaveChangesAsync(ct);
                Assert.True(Gate.IsTaken);
                throw new InvalidOperationException("panne au milieu");
            }, default));
        }
        Assert.False(Gate.IsTaken);

        await using var next = _factory.Scope();
        var again = next.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        again.OutboxMessages.Add(Message("suivant"));
        var written = await again.SaveChangesAsync().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(1, written);
        Assert.Equal(0, await again.OutboxMessages.CountAsync(m => m.Subject == "annulé"));
    }

    [Fact]
    public async Task A_lone_write_that_fails_gives_its_turn_back()
    {
        await using var scope = _factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyPortalDbContext>();
        await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("UPDATE NoSuchTable SET X = 1"));
        Assert.False(Gate.IsTaken);
    }

    [Theory]
    [InlineData("INSERT INTO Bookings VALUES (1)", true)]
    [InlineData("  \n-- Tagged by the grid\nDELETE FROM BasketLines", true)]
    [InlineData("update ActivityDayLoads SET Booked = Booked + 1", true)]
    [InlineData("SELECT 1", false)]
    [InlineData("-- DELETE in a comment only\nSELECT 1", false)]
    public void Write_statements_are_recognised(string sql, bool write)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.Equal(write, SqliteWriteGate.IsLoneWrite(command));
    }
}
