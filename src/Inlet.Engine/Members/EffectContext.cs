namespace Inlet.Engine.Members;

/// <summary>
/// What an event's effects read, loaded by the host in the same database transaction that stores the result.
/// </summary>
/// <param name="Member">The member named by the event's customer, or null when unknown.</param>
/// <param name="Transaction">The transaction named by <c>data.transaction_id</c> in the account (whoever its member), or null.</param>
/// <param name="OnceAlreadyOccurred">For a custom type with <c>once</c>: the member already has an event of that type.</param>
public sealed record EffectContext(MemberState? Member, TransactionState? Transaction = null, bool OnceAlreadyOccurred = false);
