using Microsoft.EntityFrameworkCore;

namespace FamilyPortal.Web.Journal;

/// <summary>Runs the journal's few lookups with the save's own flavour (synchronous or not).</summary>
internal interface IJournalQueries
{
    Task<List<T>> ListAsync<T>(IQueryable<T> query);
}

internal sealed class AsyncJournalQueries(CancellationToken ct) : IJournalQueries
{
    public Task<List<T>> ListAsync<T>(IQueryable<T> query) => query.ToListAsync(ct);
}

internal sealed class SyncJournalQueries : IJournalQueries
{
    public Task<List<T>> ListAsync<T>(IQueryable<T> query) => Task.FromResult(query.ToList());
}
