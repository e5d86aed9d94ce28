using System.Text.RegularExpressions;
using Inlet.Engine.Events;
using Inlet.Engine.Filters;
using Inlet.Engine.Mapping;
using Inlet.Engine.Paths;
using Inlet.Engine.Responses;
using Inlet.Engine.Validation;
using Inlet.Engine.Verification;

namespace Inlet.Engine.Webhooks;

/// <summary>
/// Reports every fault of a webhook definition at once, each with the field it concerns and how to fix it.
/// A definition with no fault always compiles (<see cref="WebhookCompiler"/>).
/// </summary>
public static partial class WebhookValidator
{
    public static IReadOnlyList<ValidationError> Validate(WebhookDefinition definition, EventCatalog catalog)
    {
        var errors = new List<ValidationError>();
        Check(definition, catalog, errors);
        if (definition.Transform is { } transform)
        {
            // Parsed here to find its faults; the compiler prepares it again for the version it serves.
            Transforms.CompiledTransform.Compile(transform, Transforms.TransformLimits.Default, errors);
        }
        return errors;
    }

    /// <summary>Adds every fault to <paramref name="errors"/>; returns the mapping plan when the mappings had none.</summary>
    internal static MappingPlan? Check(WebhookDefinition definition, EventCatalog catalog, List<ValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(definition.Name) || definition.Name.Length > 200)
        {
            errors.Add(new("name", "is required: give the webhook a name of at most 200 characters, e.g. Point add"));
        }
        if (definition.Method is not ("POST" or "PUT"))
        {
            errors.Add(new("method", $"'{definition.Method}' is not allowed: write POST or PUT"));
        }
        if (definition.Endpoint is null || !EndpointPattern().IsMatch(definition.Endpoint))
        {
            errors.Add(new("endpoint", $"'{definition.Endpoint}' is not an endpoint: use 1 to 64 letters, digits, - or _ (e.g. endpoint1)"));
        }
        FilterValidation.Validate(definition.Filter, errors);
        var plan = definition.Action == WebhookDefinition.FromTransform ? Whole(definition, catalog, errors) : Mapped(definition, catalog, errors);
        ResponseValidation.Validate(definition.Response?.Success, "response.success", errors);
        ResponseValidation.Validate(definition.Response?.Error, "response.error", errors);
        VerificationValidation.Validate(definition.Verification, errors);
        CheckIdempotency(definition.Idempotency, errors);
        if (definition.FilterMismatchStatus is not (>= 200 and <= 299 or >= 400 and <= 499))
        {
            errors.Add(new("filterMismatchStatus", $"{definition.FilterMismatchStatus} is not allowed: use a 2xx status (e.g. 200) or a 4xx one (default 422)"));
        }
        var redacted = definition.RedactBodyPaths ?? [];
        for (var i = 0; i < redacted.Count; i++)
        {
            if (AttributePath.ParseBodyPath(redacted[i]).Error is { } pathError)
            {
                errors.Add(new($"redactBodyPaths[{i}]", pathError));
            }
        }
        if (definition.RateLimit is { } limit && (limit.Requests is < 1 or > 1_000_000 || limit.PerSeconds is < 1 or > 86_400))
        {
            errors.Add(new("rateLimit", $"{limit.Requests} requests per {limit.PerSeconds} s is not allowed: use 1 to 1000000 requests per 1 to 86400 seconds"));
        }
        return plan;
    }

    private static MappingPlan? Mapped(WebhookDefinition definition, EventCatalog catalog, List<ValidationError> errors)
    {
        var type = catalog.Find(definition.Action);
        if (type is null)
        {
            errors.Add(new("action", $"'{definition.Action}' is not an event type: choose one of {catalog.Names}, " +
                $"or {WebhookDefinition.FromTransform} when a transform returns whole events"));
        }
        return MappingCompiler.Compile(definition.Mappings, type, errors);
    }

    /// <summary>A webhook whose transform returns whole events: it has a transform, and no mappings.</summary>
    private static MappingPlan? Whole(WebhookDefinition definition, EventCatalog catalog, List<ValidationError> errors)
    {
        var before = errors.Count;
        if (definition.Transform is null)
        {
            errors.Add(new("action", $"{WebhookDefinition.FromTransform} takes each event from the transform: add a transform that returns {{customer, action, data}} (or an array of them)"));
        }
        if (definition.Mappings is { Count: > 0 })
        {
            errors.Add(new("mappings", $"are not read when the action is {WebhookDefinition.FromTransform} (the transform returns each event whole): remove them"));
        }
        return errors.Count == before ? MappingPlan.Whole(catalog) : null;
    }

    private static void CheckIdempotency(IdempotencyDefinition? idempotency, List<ValidationError> errors)
    {
        if (idempotency is null)
        {
            return;
        }
        if (idempotency.Header is not null && idempotency.BodyPath is not null)
        {
            errors.Add(new("idempotency", "choose where the key is: a header or a body path, not both"));
        }
        if (idempotency.Header is not null && !HeaderNames.IsValid(idempotency.Header))
        {
            errors.Add(new("idempotency.header", $"'{idempotency.Header}' is not a header name: write e.g. Idempotency-Key"));
        }
        if (idempotency.BodyPath is not null && AttributePath.ParseBodyPath(idempotency.BodyPath).Error is { } error)
        {
            errors.Add(new("idempotency.bodyPath", error));
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex EndpointPattern();
}
