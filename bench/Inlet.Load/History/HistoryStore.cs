using System.Data.Common;

namespace Inlet.Load.History;

/// <summary>
/// What the history benchmark does on the store itself: seed it, and run the same searches as Inlet both ways (a scan as
/// before the indexes, and through them), so their ratio needs no HTTP in between.
/// </summary>
internal abstract class HistoryStore(RunStore store)
{
    public RunStore Store => store;

    /// <summary>Writes the logs and events in big transactions, oldest first; <paramref name="progress"/> gets the rows written so far.</summary>
    public abstract Task SeedAsync(HistoryRows rows, int logs, int events, Action<int> progress);

    /// <summary>Named SQL statements, each timed like an HTTP query; the first is the baseline (a primary-key look-up).</summary>
    public abstract IReadOnlyList<(string Name, string Sql)> Statements { get; }

    /// <summary>The plan the store chooses for a statement, on one line, so the report shows which index it uses.</summary>
    public abstract Task<string> PlanAsync(DbConnection connection, string sql, IReadOnlyDictionary<string, object> parameters);

    public abstract DbCommand Command(DbConnection connection, string sql, IReadOnlyDictionary<string, object> parameters);

    /// <summary>The rows of the logs and events, oldest first, each event linked to its log when that was processed.</summary>
    protected static IEnumerable<(object?[]? Log, object?[]? Event)> Rows(HistoryRows rows, int logs, int events)
    {
        for (var i = 0; i < Math.Max(logs, events); i++)
        {
            string? id = null;
            var log = i < logs ? rows.Log(i, out id) : null;
            var processed = log is not null && (string)log[13]! == "processed";
            yield return (log, i < events ? rows.Event(i, processed ? id : null) : null);
        }
    }
}
