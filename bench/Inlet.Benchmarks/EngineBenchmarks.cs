using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Inlet.Engine.Blueprints;
using Inlet.Engine.Events;
using Inlet.Engine.Transforms;
using Inlet.Engine.Webhooks;

namespace Inlet.Benchmarks;

/// <summary>
/// The engine's per-request cost for the manual's Point add and Checkout accept item payloads: parse the bytes, run
/// the filter, map and convert to the event type; and for a ten-event mParticle batch through the batch blueprint's
/// transform. The baseline of each group is plain JsonDocument parsing of the same bytes.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[SimpleJob(warmupCount: 5, iterationCount: 20)]
public class EngineBenchmarks
{
    private static readonly Dictionary<string, string> NoHeaders = new(StringComparer.OrdinalIgnoreCase);

    private readonly byte[] _pointAdd = Encoding.UTF8.GetBytes(
        """{"clientID":"cust-1","pointstobeadded":"100","reason":"welcome bonus","pointadd":true}""");

    private readonly byte[] _checkoutAcceptItem = Encoding.UTF8.GetBytes(
        """{"clientID":"cust-1","transaction_id":"T-1002","total":"80","product_id":"SKU-9","subtotal":"40","quantity":"2","checkoutacceptitem":true}""");

    private readonly CompiledWebhook _pointAddWebhook = Compile(ManualBlueprints.PointAdd);
    private readonly CompiledWebhook _checkoutAcceptItemWebhook = Compile(ManualBlueprints.CheckoutAcceptItem);

    private readonly CompiledWebhook _pointAddWithTransform = WebhookCompiler.Compile(
        ManualBlueprints.PointAdd.Definition with { Transform = new TransformDefinition("javascript", "function transform(request) { return request.body; }") },
        EventCatalog.BuiltIn).Webhook!;

    private readonly CompiledWebhook _mparticleBatchWebhook = WebhookCompiler.Compile(
        MparticleBatchBlueprint.Batch.Definition with { Verification = new VerificationDefinition { Type = "token", Header = "Authorization", Secret = "Bearer mp-token" } },
        EventCatalog.BuiltIn).Webhook!;

    [Benchmark(Baseline = true, Description = "parse only"), BenchmarkCategory("PointAdd")]
    public JsonValueKind PointAddParse() => Parse(_pointAdd);

    [Benchmark(Description = "parse + filter + mapping"), BenchmarkCategory("PointAdd")]
    public WebhookVerdict PointAddEvaluate() => Evaluate(_pointAddWebhook, _pointAdd, trace: false);

    [Benchmark(Description = "parse + filter + mapping, traced"), BenchmarkCategory("PointAdd")]
    public WebhookVerdict PointAddEvaluateTraced() => Evaluate(_pointAddWebhook, _pointAdd, trace: true);

    [Benchmark(Description = "parse + one-line transform"), BenchmarkCategory("PointAdd")]
    public TransformResult PointAddTransform() => Transform(_pointAdd);

    [Benchmark(Description = "parse + one-line transform + filter + mapping"), BenchmarkCategory("PointAdd")]
    public WebhookVerdict PointAddTransformEvaluate()
    {
        using var document = JsonDocument.Parse(_pointAdd);
        var transformed = (TransformResult.Body)_pointAddWithTransform.Transform!.Run(Input(document.RootElement));
        return _pointAddWithTransform.Evaluate(new WebhookRequest(NoHeaders, transformed.Value)).Verdict;
    }

    [Benchmark(Baseline = true, Description = "parse only"), BenchmarkCategory("CheckoutAcceptItem")]
    public JsonValueKind CheckoutAcceptItemParse() => Parse(_checkoutAcceptItem);

    [Benchmark(Description = "parse + filter + mapping"), BenchmarkCategory("CheckoutAcceptItem")]
    public WebhookVerdict CheckoutAcceptItemEvaluate() => Evaluate(_checkoutAcceptItemWebhook, _checkoutAcceptItem, trace: false);

    [Benchmark(Description = "parse + filter + mapping, traced"), BenchmarkCategory("CheckoutAcceptItem")]
    public WebhookVerdict CheckoutAcceptItemEvaluateTraced() => Evaluate(_checkoutAcceptItemWebhook, _checkoutAcceptItem, trace: true);

    [Benchmark(Baseline = true, Description = "parse only"), BenchmarkCategory("MparticleBatch")]
    public JsonValueKind MparticleBatchParse() => Parse(MparticleBatch.TenEvents);

    /// <summary>As ingestion evaluates it (Evaluation.Several): the transform, then each element of its array filtered and built, traced.</summary>
    [Benchmark(Description = "parse + batch transform + each event built, traced"), BenchmarkCategory("MparticleBatch")]
    public int MparticleBatchTransformEvaluate()
    {
        using var document = JsonDocument.Parse(MparticleBatch.TenEvents);
        var request = new WebhookRequest(NoHeaders, document.RootElement);
        var many = (TransformResult.Many)_mparticleBatchWebhook.Transform!.Run(Input(document.RootElement));
        var built = 0;
        foreach (var element in many.Values)
        {
            built += _mparticleBatchWebhook.Evaluate(request with { Body = element }, trace: true).Verdict == WebhookVerdict.Mapped ? 1 : 0;
        }
        return built == 7 ? built : throw new InvalidOperationException($"the batch made {built} events, not 7");
    }

    private static JsonValueKind Parse(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.ValueKind;
    }

    private static WebhookVerdict Evaluate(CompiledWebhook webhook, byte[] body, bool trace)
    {
        using var document = JsonDocument.Parse(body);
        var evaluation = webhook.Evaluate(new WebhookRequest(NoHeaders, document.RootElement), trace);
        return evaluation.Verdict == WebhookVerdict.Mapped ? evaluation.Verdict : throw new InvalidOperationException("the payload did not map");
    }

    private TransformResult Transform(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        return _pointAddWithTransform.Transform!.Run(Input(document.RootElement));
    }

    private static TransformInput Input(JsonElement body) => new("POST", "/webhooks/custom/demo/endpoint1", NoHeaders, NoHeaders, body);

    private static CompiledWebhook Compile(Blueprint blueprint) =>
        WebhookCompiler.Compile(blueprint.Definition, EventCatalog.BuiltIn).Webhook ?? throw new InvalidOperationException(blueprint.Id);
}
