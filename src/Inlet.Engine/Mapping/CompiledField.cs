using System.Collections.Frozen;
using System.Collections.Immutable;
using Inlet.Engine.Events;

namespace Inlet.Engine.Mapping;

/// <summary>One mapping, compiled (a null source makes the default a constant): its source paths parsed, its target split, its replace rules indexed, its type resolved.</summary>
internal sealed record CompiledField(
    MappingSource? From,
    string To,
    ImmutableArray<string> Target,
    string? Default,
    FrozenDictionary<string, string> Replace,
    AttributeSchema? Schema,
    ImmutableArray<CompiledField> Items)
{
    /// <summary>True for the mapping to <c>customer</c>; every other target lives under <c>data</c>.</summary>
    public bool IsCustomer => Target.IsEmpty;
}
