namespace Inlet.Engine.Blueprints;

/// <summary>Every blueprint, in the order the Backoffice shows them: <c>blank</c>, the manual's use cases, then mParticle's.</summary>
public static class BlueprintCatalog
{
    public static IReadOnlyList<Blueprint> All { get; } = [.. ManualBlueprints.All, .. MparticleBlueprints.All];

    public static Blueprint? Find(string? id) => All.FirstOrDefault(b => b.Id == id);
}
