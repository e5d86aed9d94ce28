namespace Inlet.Load.History;

/// <summary>The same searches on the store itself, as a scan and through the index, each with the plan the store chose.</summary>
internal static class SqlQueries
{
    public static async Task<List<Timing>> TimeAsync(HistoryStore history, HistoryRows rows, HistoryOptions options, CancellationToken stopping)
    {
        await using var connection = await history.Store.OpenReaderAsync();
        await using (var newest = connection.CreateCommand())
        {
            newest.CommandText = """SELECT max("Id") FROM "RequestLogs" """;
            var parameters = Parameters((string)(await newest.ExecuteScalarAsync(stopping))!);
            var plans = new List<string>();
            foreach (var (_, sql) in history.Statements)
            {
                plans.Add(await history.PlanAsync(connection, sql, parameters));
            }
            var timings = await Medians.TimeAsync([.. history.Statements.Select(s => (s.Name, (Func<Task>)(() => ReadAsync(history, connection, s.Sql, parameters, stopping))))],
                warmups: 1, options.Runs, stopping);
            return [.. timings.Select((t, i) => t with { Plan = plans[i] })];
        }
    }

    private static Dictionary<string, object> Parameters(string id)
    {
        var from = DateTimeOffset.UtcNow.AddDays(-10);
        return new()
        {
            ["id"] = id, ["from"] = from, ["to"] = from.AddHours(1),
            ["missing"] = HistoryRows.MissingText, ["missingGlob"] = $"*{HistoryRows.MissingText}*", ["missingLike"] = $"%{HistoryRows.MissingText}%",
            ["rare"] = HistoryRows.RareText, ["rareGlob"] = $"*{HistoryRows.RareText}*", ["rareLike"] = $"%{HistoryRows.RareText}%",
        };
    }

    private static async Task ReadAsync(HistoryStore history, System.Data.Common.DbConnection connection, string sql, Dictionary<string, object> parameters,
        CancellationToken stopping)
    {
        await using var command = history.Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(stopping);
        while (await reader.ReadAsync(stopping))
        {
        }
    }
}
