namespace Inlet.Engine.Mapping;

/// <summary>
/// What mapping did to one field: the raw value read (JSON text, null when missing), whether the default stepped in,
/// the text a replace rule swapped out, and the final converted value (JSON text) or the error.
/// </summary>
public sealed record MappingTraceEntry(
    string From,
    string To,
    string? Raw,
    bool DefaultApplied,
    string? ReplacedFrom,
    string? Final,
    string? Error);
