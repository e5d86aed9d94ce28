using Inlet.Hosting;

namespace Inlet.Writer;

internal static class WriterSetup
{
    public static IServiceCollection AddWriter(this IServiceCollection services)
    {
        services.AddOptions<WriterOptions>().BindConfiguration(WriterOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // The store it writes to (SQLite or PostgreSQL) is registered with the store (StoreSetup).
        services.AddSingleton<Writer>();
        services.AddHostedService(provider => provider.GetRequiredService<Writer>());
        return services;
    }
}
