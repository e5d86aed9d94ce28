namespace Inlet.Engine.Validation;

/// <summary>One fault of a definition: the field it concerns (e.g. <c>mappings[2].to</c>) and what to do about it.</summary>
public sealed record ValidationError(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
