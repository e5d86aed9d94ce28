using Inlet.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Inlet.Hosting;

internal static class HostingSetup
{
    /// <summary>
    /// A published Inlet reads its <c>appsettings.json</c> and serves its pages' files from beside its binaries, whatever the
    /// working directory it is started from (which keeps <c>data/</c>); under <c>dotnet run</c> and the tests, the project
    /// folder is the content root as usual.
    /// </summary>
    public static WebApplicationOptions Options(string[] args)
    {
        var published = Directory.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot"));
        return new WebApplicationOptions { Args = args, ContentRootPath = published ? AppContext.BaseDirectory : null };
    }

    /// <summary>Where Inlet listens when no setting says.</summary>
    public const string DefaultUrl = "http://localhost:5080";

    /// <summary>
    /// Listens on <see cref="DefaultUrl"/> unless one of ASP.NET Core's own settings says where: <c>ASPNETCORE_URLS</c> or
    /// <c>--urls</c>, <c>ASPNETCORE_HTTP_PORTS</c> / <c>HTTPS_PORTS</c>, or <c>Kestrel:Endpoints</c>. A default in
    /// <c>appsettings.json</c> would outrank <c>ASPNETCORE_URLS</c> (and make Kestrel warn that it overrides the ports);
    /// given here, only when all of them are absent, it yields to each.
    /// </summary>
    public static WebApplicationBuilder ListenOnDefaultUrlUnlessConfigured(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        string[] addressKeys = [WebHostDefaults.ServerUrlsKey, WebHostDefaults.HttpPortsKey, WebHostDefaults.HttpsPortsKey];
        if (addressKeys.All(key => string.IsNullOrWhiteSpace(configuration[key])) && !configuration.GetSection("Kestrel:Endpoints").GetChildren().Any())
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        return builder;
    }

    /// <summary>
    /// Serves until stopped. A setting that fails validation stops the start with one line on standard error naming it
    /// and exit code 1: the settings are validated here, before the host starts (which would report a stack trace).
    /// </summary>
    public static int RunInlet(this WebApplication app)
    {
        if (SettingsFault(app.Services) is { } fault)
        {
            Console.Error.WriteLine($"Inlet cannot start: {fault}");
            return 1;
        }
        app.Run();
        return 0;
    }

    /// <summary>What is wrong with the settings, in one line naming each wrong one, or null when they validate.</summary>
    public static string? SettingsFault(IServiceProvider services)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
            return null;
        }
        catch (OptionsValidationException e)
        {
            return string.Join(" ", e.Failures);
        }
    }

    public static IServiceCollection AddInletHosting(this IServiceCollection services)
    {

        services.AddSingleton(TimeProvider.System);
        services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Logs.LogOptions>().BindConfiguration(Logs.LogOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<Bootstrap>();
        services.AddProblemDetails();
        // A malformed JSON body is the caller's fault in every environment: answer 400, never a developer exception page.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = false);
        services.AddOpenApi();
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: ["ready"]);
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
