using System.ComponentModel.DataAnnotations;

namespace Inlet.Alerts;

/// <summary><c>Inlet:Alerts</c>: how often alert rules are evaluated, and where notifications may go.</summary>
internal sealed class AlertOptions
{
    public const string Section = "Inlet:Alerts";

    [Range(1, 3600, ErrorMessage = "Inlet:Alerts:EvaluateEverySeconds must be from {1} to {2}")]
    public int EvaluateEverySeconds { get; set; } = 15;

    /// <summary>Notification URLs may be <c>http</c> as well as <c>https</c> (a receiver on a private network, a test).</summary>
    public bool AllowHttp { get; set; }

    /// <summary>
    /// Notifications may go to loopback, private and link-local addresses (a receiver inside the operator's network); by
    /// default only public addresses are reached, so an account's user cannot make the node call its neighbours.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }
}
