namespace Inlet.Tests.Telemetry;

/// <summary>
/// The telemetry tests run alone, after the others: OpenTelemetry listens to the meter "Inlet" of every host in the process,
/// and an <see cref="System.Diagnostics.ActivityListener"/> to every span, so other tests' requests would count too.
/// </summary>
[CollectionDefinition(Collection, DisableParallelization = true)]
public sealed class TelemetryTests
{
    public const string Collection = "Telemetry";
}
