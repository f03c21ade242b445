using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace FamilyPortal.PayFipSimulator;

/// <summary>The simulator's operations, in memory: it is restarted with each test run or demo.</summary>
public sealed class OperationStore
{
    private readonly ConcurrentDictionary<string, Operation> _operations = new(StringComparer.Ordinal);

    public Operation Add(Func<string, Operation> create)
    {
        var operation = create(Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant());
        _operations[operation.IdOp] = operation;
        return operation;
    }

    public Operation? Find(string? idOp) => idOp is not null && _operations.TryGetValue(idOp, out var operation) ? operation : null;

    /// <summary>Records the payer's choice once; a second choice for the same operation changes nothing.</summary>
    public bool Choose(Operation operation, string result, long? reportedAmount, DateTimeOffset now)
    {
        lock (operation)
        {
            if (operation.ResulTrans is not null)
            {
                return false;
            }
            operation.ResulTrans = result;
            operation.MontantRapporte = reportedAmount;
            operation.ChosenAt = now;
            operation.NumAuto = result == "P" ? RandomNumberGenerator.GetInt32(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
            return true;
        }
    }
}
