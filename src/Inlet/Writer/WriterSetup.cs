using Inlet.Hosting;
using Microsoft.Extensions.Options;

namespace Inlet.Writer;

internal static class WriterSetup
{
    public static IServiceCollection AddWriter(this IServiceCollection services)
    {
        services.AddOptions<WriterOptions>().BindConfiguration(WriterOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IWriteStore>(provider => provider.GetRequiredService<IOptions<StoreOptions>>().Value.Provider == StoreOptions.Postgres
            ? ActivatorUtilities.CreateInstance<PostgresWriteStore>(provider)
            : ActivatorUtilities.CreateInstance<SqliteWriteStore>(provider));
        services.AddSingleton<Writer>();
        services.AddHostedService(provider => provider.GetRequiredService<Writer>());
        return services;
    }
}
