using Inlet.Engine.Blueprints;

namespace Inlet.Backoffice.Webhooks;

/// <summary>Create new webhook: the blueprint cards, <c>Blank</c> first, then the manual's use cases.</summary>
public sealed class NewWebhookModel : BackofficePage
{
    public IReadOnlyList<Blueprint> Blueprints => BlueprintCatalog.All;

    public void OnGet()
    {
    }
}
