using Inlet.Engine.Webhooks;

namespace Inlet.Engine.Blueprints;

/// <summary>A named template to create a webhook from (spec §10).</summary>
public sealed record Blueprint(string Id, string Name, string Description, WebhookDefinition Definition);
