using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Inlet.Telemetry;

/// <summary>
/// Metrics through OpenTelemetry, scraped by Prometheus at <c>/metrics</c>: Inlet's own (<see cref="InletMetrics"/>) and
/// ASP.NET Core's HTTP metrics. Traces (<see cref="WebhookTracing"/> and ASP.NET Core's server spans) are recorded and
/// sent over OTLP only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; OpenTelemetry's other standard variables configure them.
/// </summary>
internal static class TelemetrySetup
{
    public const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<InletMetrics>();
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] ?? "inlet"))
            .WithMetrics(metrics => metrics
                .AddMeter(InletMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                // Each scrape reads the counts as they are (by default an answer is cached for 300 ms).
                .AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0));
        if (!string.IsNullOrWhiteSpace(configuration[OtlpEndpoint]))
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(WebhookTracing.SourceName)
                // Scrapes and probes come every few seconds and tell nothing a trace would.
                .AddAspNetCoreInstrumentation(options => options.Filter = http =>
                    !http.Request.Path.StartsWithSegments("/metrics") && !http.Request.Path.StartsWithSegments("/health"))
                .AddOtlpExporter());
        }
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
