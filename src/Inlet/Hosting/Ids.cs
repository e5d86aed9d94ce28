namespace Inlet.Hosting;

/// <summary>Identifiers like <c>evt_0193…</c>: a prefix that says what it names, then a time-ordered UUID v7, so ids sort by creation.</summary>
internal static class Ids
{
    public static string New(string prefix) => $"{prefix}_{Guid.CreateVersion7():N}";
}
