namespace Inlet.Replays;

/// <summary>A bulk replay: the log filter it was made from, its preview's totals, and how far applying it has come.</summary>
internal sealed class ReplayRow
{
    public required string Id { get; init; }
    public required string AccountId { get; init; }

    /// <summary>The filter as it was sent, as JSON.</summary>
    public required string FilterJson { get; init; }

    /// <summary><see cref="ReplayStatus.Previewed"/>, <see cref="ReplayStatus.Applying"/> or <see cref="ReplayStatus.Applied"/>.</summary>
    public required string Status { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? AppliedAt { get; set; }
    public int Requests { get; init; }
    public int NewlyProcessed { get; init; }
    public int StillFailing { get; init; }
    public int Duplicates { get; init; }
    public long Points { get; init; }
}

/// <summary>One logged request of a bulk replay: what it came to, what a replay would do, and (once applied) what it did.</summary>
internal sealed class ReplayItemRow
{
    public required string ReplayId { get; init; }

    /// <summary>The request's place in arrival order, from 0: the order the apply follows.</summary>
    public int Position { get; init; }

    public required string LogId { get; init; }
    public required string OriginalOutcome { get; init; }

    /// <summary><c>processed</c>, <c>duplicate</c>, or the outcome it would still fail with (<c>not_replayable</c> when it cannot be replayed).</summary>
    public required string NewOutcome { get; init; }

    /// <summary>The event it would register (<c>customer</c>, <c>action</c>, <c>data</c>) as JSON, when newly processed.</summary>
    public string? EventJson { get; init; }

    public long? Points { get; init; }

    /// <summary>Why it is not newly processed: a code and a message.</summary>
    public string? ReasonCode { get; init; }
    public string? ReasonMessage { get; init; }

    /// <summary>What applying it did (<c>processed</c>, <c>duplicate</c> or the failing outcome); null until it is applied.</summary>
    public string? AppliedOutcome { get; set; }

    /// <summary>The log row of its replay, when applying it stored one.</summary>
    public string? AppliedLogId { get; set; }
}

internal static class ReplayStatus
{
    public const string Previewed = "previewed";
    public const string Applying = "applying";
    public const string Applied = "applied";
}

/// <summary>The outcomes a bulk replay adds to the pipeline's, for requests it does not register.</summary>
internal static class ReplayOutcomes
{
    public const string Duplicate = "duplicate";
    public const string NotReplayable = "not_replayable";
}
