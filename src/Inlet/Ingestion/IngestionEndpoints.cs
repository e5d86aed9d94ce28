using Inlet.Hosting;
using Inlet.Webhooks;

namespace Inlet.Ingestion;

internal static class IngestionEndpoints
{
    public static IServiceCollection AddIngestion(this IServiceCollection services)
    {
        services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<StoredDefinitions>();
        services.AddSingleton<WebhookRegistry>();
        services.AddSingleton<RateLimits>();
        services.AddSingleton<UnknownEndpointSampling>();
        services.AddScoped<WebhookEditor>();
        services.AddSingleton<Samples.SampleRunner>();
        services.AddScoped<Samples.SampleBook>();
        services.AddSingleton<IngestionPipeline>();
        services.AddSingleton<DryRun>();
        return services;
    }

    /// <summary>The webhook URL of spec §2, the same shape as the manual's. Every method lands here so a wrong one gets 405, not 404.</summary>
    public static IEndpointRouteBuilder MapIngestion(this IEndpointRouteBuilder app)
    {
        app.Map("/webhooks/custom/{accountId}/{endpoint}", (HttpContext http, string accountId, string endpoint, IngestionPipeline pipeline) =>
                pipeline.HandleAsync(http, accountId, endpoint))
            .WithName("ReceiveWebhook")
            .WithSummary("Receive a webhook")
            .WithDescription("Runs the request through the webhook configured at this endpoint and registers the event it becomes.")
            .ExcludeFromDescription();
        return app;
    }
}
