namespace Inlet.Engine.Members;

/// <summary>How the host answers a rejection (spec §2 step 11).</summary>
public enum RejectionKind
{
    /// <summary>A business rule refused the event: HTTP 422 <c>rejected</c>.</summary>
    BusinessRule,

    /// <summary>A duplicate by business key or a state conflict: HTTP 409 <c>rejected</c>.</summary>
    Conflict,
}

/// <summary>The outcome of <see cref="EventEffects.Apply"/>: the new states to store, or why nothing is stored.</summary>
public abstract record EffectResult
{
    private EffectResult()
    {
    }

    /// <summary>
    /// The event applies. <paramref name="Member"/> holds the balances right after it; <paramref name="Transaction"/>
    /// is the created or updated transaction (null for events without one); <paramref name="PointsDelta"/> is the signed change of score.
    /// </summary>
    public sealed record Applied(MemberState Member, TransactionState? Transaction, long PointsDelta) : EffectResult;

    /// <summary>The event is refused and nothing changes. <paramref name="Code"/> is one of <see cref="RejectionCodes"/>.</summary>
    public sealed record Rejected(string Code, RejectionKind Kind, string Message) : EffectResult;
}
