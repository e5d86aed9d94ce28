using System.Data.Common;
using Inlet.Logs;
using Inlet.Members;

namespace Inlet.Writer;

/// <summary>
/// The rows a batch reads, as every store's SELECTs return them (the same columns in the same order), taken into the
/// batch's state. Providers read decimals and instants from their own column types through the same reader calls.
/// </summary>
internal static class BatchReads
{
    public static readonly string[] MemberColumns = ["Id", "Status", "ProfileJson", "LabelsJson", "Score", "Spent", "Pending", "AccountId"];

    public static readonly string[] TransactionColumns =
        ["Id", "CustomerId", "Status", "Total", "Currency", "Earned", "Burned", "RefundedPoints", "RefundedAmount", "AccountId"];

    public static readonly string[] ItemColumns = ["TransactionId", "ProductId", "ProductName", "Quantity", "Price", "Subtotal", "Accepted", "AccountId"];

    public static readonly string[] KeyColumns = ["WebhookId", "Key", "BodyHash", "StatusCode", "ResponseBody", "RequestLogId", "CreatedAt"];

    public static readonly string[] ParkedColumns = [.. WriteTables.ParkedEvents.Columns.Select(c => c.Name)];

    /// <summary>The select list of <paramref name="columns"/> of the table aliased <paramref name="alias"/>.</summary>
    public static string Select(string alias, string[] columns) => string.Join(", ", columns.Select(column => $"{alias}.\"{column}\""));

    public static void Members(DbDataReader reader, BatchState state)
    {
        while (reader.Read())
        {
            var row = new MemberRow
            {
                AccountId = reader.GetString(7), Id = reader.GetString(0), Status = reader.GetString(1), ProfileJson = reader.GetString(2),
                LabelsJson = reader.GetString(3), Score = reader.GetInt64(4), Spent = reader.GetInt64(5), Pending = reader.GetInt64(6),
            };
            state.Members[(row.AccountId, row.Id)] = row.ToState();
        }
    }

    /// <summary>The lines of the batch's transactions, read before the transactions themselves.</summary>
    public static Dictionary<(string, string), List<TransactionItemRow>> Items(DbDataReader reader)
    {
        var items = new Dictionary<(string, string), List<TransactionItemRow>>();
        while (reader.Read())
        {
            var item = new TransactionItemRow
            {
                AccountId = reader.GetString(7), TransactionId = reader.GetString(0), ProductId = reader.GetString(1),
                ProductName = reader.IsDBNull(2) ? null : reader.GetString(2), Quantity = reader.IsDBNull(3) ? null : reader.GetInt64(3),
                Price = reader.IsDBNull(4) ? null : reader.GetDecimal(4), Subtotal = reader.IsDBNull(5) ? null : reader.GetDecimal(5),
                Accepted = reader.GetBoolean(6),
            };
            (items.TryGetValue((item.AccountId, item.TransactionId), out var list) ? list : items[(item.AccountId, item.TransactionId)] = []).Add(item);
        }
        return items;
    }

    public static void Transactions(DbDataReader reader, Dictionary<(string, string), List<TransactionItemRow>> items, BatchState state)
    {
        while (reader.Read())
        {
            var row = new TransactionRow
            {
                AccountId = reader.GetString(9), Id = reader.GetString(0), CustomerId = reader.GetString(1), Status = reader.GetString(2),
                Total = reader.GetDecimal(3), Currency = reader.IsDBNull(4) ? null : reader.GetString(4), Earned = reader.GetInt64(5),
                Burned = reader.GetInt64(6), RefundedPoints = reader.GetInt64(7), RefundedAmount = reader.GetDecimal(8),
            };
            state.Transactions[(row.AccountId, row.Id)] = row.ToState(items.GetValueOrDefault((row.AccountId, row.Id)) ?? []);
        }
    }

    /// <summary>(account, member, action) of the once-only events that already occurred.</summary>
    public static void Occurred(DbDataReader reader, BatchState state)
    {
        while (reader.Read())
        {
            state.Occurred.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
    }

    public static void Keys(DbDataReader reader, BatchState state)
    {
        while (reader.Read())
        {
            var key = new IdempotencyRow
            {
                WebhookId = reader.GetString(0), Key = reader.GetString(1), BodyHash = reader.GetString(2), StatusCode = reader.GetInt32(3),
                ResponseBody = reader.GetString(4), RequestLogId = reader.IsDBNull(5) ? null : reader.GetString(5),
                CreatedAt = reader.GetFieldValue<DateTimeOffset>(6),
            };
            state.Keys[(key.WebhookId, key.Key)] = key;
        }
    }

    /// <summary>The parked events of the batch's customers, read in arrival order (their ids are time-ordered).</summary>
    public static void Parked(DbDataReader reader, BatchState state)
    {
        while (reader.Read())
        {
            var row = new Parked.ParkedEventRow
            {
                Id = reader.GetString(0), AccountId = reader.GetString(1), CustomerId = reader.GetString(2), Action = reader.GetString(3),
                DataJson = reader.GetString(4), Source = reader.GetString(5), RequestLogId = reader.IsDBNull(6) ? null : reader.GetString(6),
                BuiltIn = reader.GetBoolean(7), Points = reader.IsDBNull(8) ? null : reader.GetInt64(8), Once = reader.GetBoolean(9),
                ParkedAt = reader.GetFieldValue<DateTimeOffset>(10),
            };
            state.Park(row);
        }
    }
}
