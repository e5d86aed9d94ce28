namespace Inlet.Engine.Filters;

/// <summary>
/// How one condition evaluated, kept in the request log so "why did this not match" has an answer.
/// <see cref="Expected"/> and <see cref="Actual"/> are JSON texts (a header's value is its plain text); <see cref="Actual"/> is
/// null when the attribute is missing.
/// </summary>
public sealed record FilterTraceEntry(
    string Attribute, string Operator, string? Expected, string? Actual, bool Found, bool Result, string? Note);
