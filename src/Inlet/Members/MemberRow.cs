namespace Inlet.Members;

internal sealed class MemberRow
{
    public required string AccountId { get; init; }
    public required string Id { get; init; }
    public required string Status { get; set; }
    public string ProfileJson { get; set; } = "{}";
    public string LabelsJson { get; set; } = "[]";
    public long Score { get; set; }
    public long Spent { get; set; }
    public long Pending { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A purchase; its id is unique per account, enforced by the primary key.</summary>
internal sealed class TransactionRow
{
    public required string AccountId { get; init; }
    public required string Id { get; init; }
    public required string CustomerId { get; init; }
    public required string Status { get; set; }
    public decimal Total { get; set; }
    public string? Currency { get; set; }
    public long Earned { get; set; }
    public long Burned { get; set; }
    public long RefundedPoints { get; set; }
    public decimal RefundedAmount { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A line of a transaction; (transaction, product) is unique, enforced by the primary key.</summary>
internal sealed class TransactionItemRow
{
    public required string AccountId { get; init; }
    public required string TransactionId { get; init; }
    public required string ProductId { get; init; }
    public string? ProductName { get; set; }
    public long? Quantity { get; set; }
    public decimal? Price { get; set; }
    public decimal? Subtotal { get; set; }
    public bool Accepted { get; set; }
}
