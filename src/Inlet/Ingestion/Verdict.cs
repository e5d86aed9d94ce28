using Inlet.Engine.Members;
using Inlet.Engine.Validation;
using Inlet.Engine.Webhooks;

namespace Inlet.Ingestion;

/// <summary>
/// How the pipeline answers what the engine decided (spec §2 steps 8, 10, 11) — one place for the live pipeline, the dry
/// run and the replay, so the three always answer alike.
/// </summary>
internal sealed record Verdict(int Status, string Outcome, string Message, string? Code = null)
{
    public static Verdict FilteredOut(WebhookDefinition definition) =>
        new(definition.FilterMismatchStatus, Outcomes.FilteredOut, "the request does not match this webhook's filters");

    /// <summary>A transform that returned null: a 200, not an error (see <see cref="Answers.Error"/>).</summary>
    public static Verdict Dropped() => new(200, Outcomes.Dropped, "the transform dropped the request");

    public static Verdict TransformFailed(string message) => new(422, Outcomes.TransformFailed, message);

    /// <summary><paramref name="element"/>: the index, in the transform's array, of the body that could not be mapped.</summary>
    public static Verdict InvalidEvent(IEnumerable<ValidationError> errors, int? element = null) =>
        new(422, Outcomes.InvalidEvent, Of(element, string.Join("; ", errors)));

    /// <summary><paramref name="element"/>: the index, in the transform's array, of the event the rule refused (none of the request's were stored).</summary>
    public static Verdict Rejected(RejectionKind kind, string code, string message, int? element = null) =>
        new(StatusOf(kind), Outcomes.Rejected, Of(element, message), code);

    private static string Of(int? element, string message) => element is { } index ? $"element {index}: {message}" : message;

    /// <summary>A broken business rule is 422; a duplicate or a state conflict is 409.</summary>
    public static int StatusOf(RejectionKind kind) => kind == RejectionKind.Conflict ? 409 : 422;
}
