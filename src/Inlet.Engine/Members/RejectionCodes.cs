namespace Inlet.Engine.Members;

/// <summary>The rule codes of a rejected event (spec §2 step 11); each comment gives its <see cref="RejectionKind"/>.</summary>
public static class RejectionCodes
{
    /// <summary>422: the customer is not a member and the account does not enroll unknown customers.</summary>
    public const string CustomerNotFound = "customer_not_found";

    /// <summary>422: the member opted out; only <c>opt_in</c> applies.</summary>
    public const string CustomerOptedOut = "customer_opted_out";

    /// <summary>422: spendable would go below zero and the account does not allow a negative balance.</summary>
    public const string InsufficientPoints = "insufficient_points";

    /// <summary>422: no transaction with that id (and no <c>total</c> to create it from, where that is allowed).</summary>
    public const string TransactionNotFound = "transaction_not_found";

    /// <summary>422: a required attribute is missing or has the wrong type, or an amount is out of range. Mapping validation normally catches it first.</summary>
    public const string InvalidEvent = "invalid_event";

    /// <summary>409: a checkout with a transaction id already known in the account.</summary>
    public const string TransactionExists = "transaction_exists";

    /// <summary>409: the transaction belongs to another member of the account.</summary>
    public const string TransactionOtherCustomer = "transaction_other_customer";

    /// <summary>409: accept or reject of a transaction that is not pending.</summary>
    public const string TransactionNotPending = "transaction_not_pending";

    /// <summary>409: refund or partial refund of a transaction that is not accepted (or partially refunded).</summary>
    public const string TransactionNotAccepted = "transaction_not_accepted";

    /// <summary>409: the line item (transaction, product) is already recorded (accepted, for an accept item).</summary>
    public const string ItemExists = "item_exists";

    /// <summary>409: opt_in of a member who is already active.</summary>
    public const string AlreadyOptedIn = "already_opted_in";

    /// <summary>409: a custom <c>once</c> type the member already has.</summary>
    public const string AlreadyOccurred = "already_occurred";
}
