using OpenTelemetry.Metrics;

namespace Inlet.Telemetry;

/// <summary>
/// Metrics through OpenTelemetry, scraped by Prometheus at <c>/metrics</c>: Inlet's own (<see cref="InletMetrics"/>) and
/// ASP.NET Core's HTTP metrics.
/// </summary>
internal static class TelemetrySetup
{
    public static IServiceCollection AddTelemetry(this IServiceCollection services)
    {
        services.AddSingleton<InletMetrics>();
        services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddMeter(InletMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                // Each scrape reads the counts as they are (by default an answer is cached for 300 ms).
                .AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0));
        return services;
    }

    /// <summary>
    /// Prometheus text at <c>/metrics</c>, without the API key so that Prometheus can scrape it: it names webhook ids and
    /// volumes, so keep it on the private network (docs/service.md). Not part of the API, so not in its OpenAPI document.
    /// </summary>
    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
