using Inlet.Accounts;
using Microsoft.AspNetCore.Authentication;

namespace Inlet.Hosting;

internal static class HostingSetup
{
    public static IServiceCollection AddInletHosting(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Logs.LogOptions>().BindConfiguration(Logs.LogOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<Bootstrap>();
        services.AddProblemDetails();
        services.AddOpenApi();
        services.AddHealthChecks();
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase;
            options.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
            options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.SnakeCaseLower));
        });
        services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy("admin", policy => policy.RequireClaim(ApiKeyAuthentication.AdminClaim, "true"));
        return services;
    }
}
