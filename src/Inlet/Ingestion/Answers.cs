using Inlet.Engine.Responses;
using Inlet.Engine.Webhooks;
using Inlet.Writer;

namespace Inlet.Ingestion;

/// <summary>What the pipeline answers: status, JSON body, outcome, and the headers that go with them.</summary>
internal sealed record Answer(int Status, string Body, string Outcome, string? ErrorCode = null, string? ErrorMessage = null, string? EventId = null)
{
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];
}

/// <summary>
/// How a webhook answers (spec §2.2): the success response for a registered event, the error response for every stop, the
/// remembered answer for an idempotency key seen before. Live requests and replays answer alike through here.
/// </summary>
internal static class Answers
{
    /// <summary>The answer to what the writer decided; <paramref name="stop"/> is the answer already decided for a unit with no event.</summary>
    public static Answer To(Written written, CompiledWebhook webhook, string requestId, string? customer, IdempotencyKey? key, Answer? stop) => written switch
    {
        Written.Registered r => Success(webhook, webhook.Success, customer, requestId, [r.Event.Id]),
        Written.Several s => Success(webhook, Several(webhook), customer, requestId, [.. s.Registrations.Select(r => r.Event.Id)]),
        Written.Rejected r => Error(webhook, requestId, customer, Verdict.Rejected(r.Kind, r.Code, r.Message, r.Element)),
        Written.Parked p => Parked(p.Row.Id, p.Row.CustomerId, requestId),
        Written.Seen seen when seen.Key.BodyHash == key?.BodyHash =>
            new Answer(seen.Key.StatusCode, seen.Key.ResponseBody, Outcomes.Duplicate) { Headers = [new("Idempotent-Replayed", "true")] },
        Written.Seen => Error(webhook, requestId, customer, new Verdict(409, Outcomes.IdempotencyKeyReused, "this idempotency key was already used with another body")),
        _ => stop ?? throw new InvalidOperationException($"a unit with no event has its answer decided before the writer ({written})"),
    };

    /// <summary>200 with the webhook's success response; the log row names the (first) event.</summary>
    private static Answer Success(CompiledWebhook webhook, ResponseTemplate template, string? customer, string requestId, IReadOnlyList<string> eventIds)
    {
        var first = eventIds.Count > 0 ? eventIds[0] : null;
        return new Answer(200, template.Render(new ResponseValues(first, customer, requestId, EventIds: eventIds)), Outcomes.Processed, EventId: first);
    }

    /// <summary>A request of several events answers with the webhook's success response, or by default with every event's id.</summary>
    public static ResponseTemplate Several(CompiledWebhook webhook) =>
        string.IsNullOrWhiteSpace(webhook.Definition.Response.Success) ? ResponseTemplate.DefaultSeveral : webhook.Success;

    /// <summary>202: the event is kept until its member exists (account setting <c>unknownCustomer: park</c>).</summary>
    public static Answer Parked(string parkedId, string customer, string requestId) => new(202,
        System.Text.Json.JsonSerializer.Serialize(new
        {
            ok = true, status = Outcomes.Parked, parkedId, customer, requestId,
            message = "the customer is not a member yet: the event is registered when they opt in",
        }), Outcomes.Parked);

    /// <summary>
    /// The webhook's error response (or the default one where no webhook was resolved). A request the transform dropped
    /// is no error: it is answered <c>{"ok":true,"status":…,"requestId":…}</c>.
    /// </summary>
    public static Answer Error(CompiledWebhook? webhook, string requestId, string? customer, Verdict verdict)
    {
        if (verdict.Outcome == Outcomes.Dropped)
        {
            return new Answer(verdict.Status, System.Text.Json.JsonSerializer.Serialize(new { ok = true, status = verdict.Outcome, requestId }), verdict.Outcome);
        }
        var template = webhook?.Error ?? ResponseTemplate.DefaultError;
        var code = verdict.Code ?? verdict.Outcome;
        var body = template.Render(new ResponseValues(RequestId: requestId, Customer: customer, ErrorCode: code, ErrorMessage: verdict.Message));
        return new Answer(verdict.Status, body, verdict.Outcome, code, verdict.Message);
    }
}
