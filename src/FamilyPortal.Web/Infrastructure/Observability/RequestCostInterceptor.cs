using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FamilyPortal.Web.Infrastructure.Observability;

/// <summary>Adds each database command of a measured request to its <see cref="RequestCost"/>.</summary>
public sealed class RequestCostInterceptor : DbCommandInterceptor
{
    public static readonly RequestCostInterceptor Instance = new();

    private RequestCostInterceptor()
    {
    }

    private static void Count(CommandExecutedEventData eventData) => RequestCost.Current?.AddCommand(eventData.Duration);

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Count(eventData);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Count(eventData);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Count(eventData);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Count(eventData);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Count(eventData);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Count(eventData);
        return ValueTask.FromResult(result);
    }
}
