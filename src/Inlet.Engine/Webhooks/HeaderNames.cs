namespace Inlet.Engine.Webhooks;

public static class HeaderNames
{
    /// <summary>A header name is an RFC 9110 token: visible ASCII without separators.</summary>
    public static bool IsValid(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= 128 && name.All(c => c is > ' ' and < (char)127 && !"\"(),/:;<=>?@[\\]{}".Contains(c));
}
