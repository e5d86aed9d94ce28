using Inlet.Engine.Events;
using Inlet.Engine.Filters;
using Inlet.Engine.Paths;
using Inlet.Engine.Responses;
using Inlet.Engine.Transforms;
using Inlet.Engine.Validation;

namespace Inlet.Engine.Webhooks;

/// <summary>Turns a definition into an immutable <see cref="CompiledWebhook"/>: paths parsed, regexes built, mapping planned.</summary>
public static class WebhookCompiler
{
    /// <summary>How long one filter regex may run on one request before it counts as no match.</summary>
    public static TimeSpan DefaultRegexTimeout { get; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Validates and compiles: the webhook, or every fault of the definition.</summary>
    public static CompileResult Compile(WebhookDefinition definition, EventCatalog catalog, TimeSpan? regexTimeout = null, TransformLimits? transformLimits = null)
    {
        var errors = new List<ValidationError>();
        var mapping = WebhookValidator.Check(definition, catalog, errors);
        var transform = definition.Transform is { } code ? CompiledTransform.Compile(code, transformLimits ?? TransformLimits.Default, errors) : null;
        if (errors.Count > 0 || mapping is null)
        {
            return new CompileResult(null, errors);
        }
        var idempotencyPath = definition.Idempotency?.BodyPath is { } path ? AttributePath.ParseBodyPath(path).Path : null;
        var webhook = new CompiledWebhook(
            definition,
            FilterCompiler.Compile(definition.Filter, regexTimeout ?? DefaultRegexTimeout),
            mapping,
            ResponseTemplate.For(definition.Response?.Success, success: true),
            ResponseTemplate.For(definition.Response?.Error, success: false),
            idempotencyPath,
            [.. (definition.RedactBodyPaths ?? []).Select(p => AttributePath.ParseBodyPath(p).Path!)])
        {
            Transform = transform,
        };
        return new CompileResult(webhook, []);
    }
}

public sealed record CompileResult(CompiledWebhook? Webhook, IReadOnlyList<ValidationError> Errors)
{
    public bool Succeeded => Webhook is not null;
}
