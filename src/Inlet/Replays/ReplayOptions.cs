using System.ComponentModel.DataAnnotations;

namespace Inlet.Replays;

/// <summary><c>Inlet:Replays</c>: how large a bulk replay may be, and from what size it is applied in the background.</summary>
internal sealed class ReplayOptions
{
    public const string Section = "Inlet:Replays";

    /// <summary>The most logged requests one bulk replay takes; a filter that finds more is refused, to be narrowed.</summary>
    [Range(1, 100_000, ErrorMessage = "Inlet:Replays:MaxRequests must be from {1} to {2}")]
    public int MaxRequests { get; set; } = 10_000;

    /// <summary>Up to this many requests to register, an apply answers when it is done; above, it runs in the background.</summary>
    [Range(0, 100_000, ErrorMessage = "Inlet:Replays:InlineApplyLimit must be from {1} to {2}")]
    public int InlineApplyLimit { get; set; } = 100;
}
