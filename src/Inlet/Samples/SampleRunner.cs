using System.Text;
using System.Text.Json.Nodes;
using Inlet.Engine.Webhooks;
using Inlet.Ingestion;
using Inlet.Webhooks;

namespace Inlet.Samples;

/// <summary>
/// Runs a sample through a webhook definition: parsing, filter and mapping, as the pipeline does them, and nothing after.
/// A sample checks what the webhook decides (the outcome and the event), not what a member's balance allows at the moment
/// it runs, which changes with every event: so the same definition always gives a sample the same result.
/// </summary>
internal sealed class SampleRunner(WebhookRegistry registry)
{
    /// <summary>The definition compiled to run samples through; null when it does not compile (against today's catalog).</summary>
    public CompiledWebhook? Compile(string accountId, WebhookDefinition definition) => registry.Compile(accountId, definition).Webhook;

    /// <summary>What the compiled definition decides for the request.</summary>
    public SampleResult Run(string accountId, CompiledWebhook webhook, IReadOnlyDictionary<string, string> headers, string body)
    {
        RequestBody.IsSupported(headers.GetValueOrDefault("content-type"), out var isForm);
        var bytes = Encoding.UTF8.GetBytes(body);
        using var document = RequestBody.Parse(bytes, isForm, out _);
        if (document is null)
        {
            return new SampleResult(Outcomes.InvalidJson, null);
        }
        var evaluation = Evaluation.Of(webhook, webhookId: null, "sample", WebhookRequest.Create(document.RootElement, headers).At(webhook.Definition.Method, RequestLine.PathOf(accountId, webhook.Definition)), bytes,
            registry.Settings(accountId));
        return evaluation.Events switch
        {
            [] => new SampleResult(evaluation.Stop!.Outcome, null),
            [var one] => new SampleResult(Outcomes.Processed, Json(one.Event)),
            // A transform that makes the request several events: all of them, so that a change to any one shows.
            var several => new SampleResult(Outcomes.Processed, new JsonObject { ["events"] = new JsonArray([.. several.Select(e => Json(e.Event))]) }),
        };
    }

    private static JsonObject Json(Engine.Events.MappedEvent ev) =>
        new() { ["customer"] = ev.Customer, ["action"] = ev.Action, ["data"] = ev.Data.DeepClone() };
}

/// <summary>A sample whose result a new version would change.</summary>
internal sealed record SampleChange(string Id, string Name, SampleResult Before, SampleResult After);
