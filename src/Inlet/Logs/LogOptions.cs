using System.ComponentModel.DataAnnotations;

namespace Inlet.Logs;

/// <summary><c>Inlet:Logs</c>: request log retention (spec §9).</summary>
internal sealed class LogOptions
{
    public const string Section = "Inlet:Logs";

    [Range(1, 3650, ErrorMessage = "Inlet:Logs:RetentionDays must be from {1} to {2}")]
    public int RetentionDays { get; set; } = 90;

    [Range(1, 1440, ErrorMessage = "Inlet:Logs:PruneIntervalMinutes must be from {1} to {2}")]
    public int PruneIntervalMinutes { get; set; } = 60;

    /// <summary>Requests to unknown endpoints of an account logged per minute; the rest are counted, not logged.</summary>
    [Range(0, 1_000_000, ErrorMessage = "Inlet:Logs:UnknownEndpointsPerMinute must be from {1} to {2}")]
    public int UnknownEndpointsPerMinute { get; set; } = 60;

    /// <summary>Bodies longer than this are cut in the log (and flagged).</summary>
    [Range(1024, 1024 * 1024, ErrorMessage = "Inlet:Logs:MaxBodyBytes must be from {1} to {2} bytes")]
    public int MaxBodyBytes { get; set; } = 64 * 1024;
}
