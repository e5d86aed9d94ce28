using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Inlet.Alerts;

/// <summary>The alerts' services: the rules, the evaluator and its loop, and the client that sends notifications.</summary>
internal static class AlertsSetup
{
    /// <summary>Attempts beyond the first, waiting about 1, 2 then 4 seconds (with jitter, or what a Retry-After asks, at most 30 s).</summary>
    public const int Retries = 3;

    public static IServiceCollection AddAlerts(this IServiceCollection services)
    {
        services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AlertTurns>();
        services.AddScoped<AlertRuleBook>();
        services.AddScoped<AlertEvaluator>();
        services.AddScoped<AlertNotifier>();
        services.AddTransient<DeliveryAttempts>();
        // Retries on a connection failure, a timeout, 408, 429 and 5xx; every attempt has 10 s, all of them together 60 s.
        var client = services.AddHttpClient(AlertNotifier.Client)
            .ConfigurePrimaryHttpMessageHandler(provider => NotifyAddresses.Handler(provider.GetRequiredService<IOptions<AlertOptions>>().Value.AllowPrivateNetworks));
        client.AddResilienceHandler("alert-notifications", pipeline => pipeline
                .AddTimeout(TimeSpan.FromSeconds(60))
                .AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Retries, BackoffType = DelayBackoffType.Exponential, Delay = TimeSpan.FromSeconds(1), UseJitter = true,
                    MaxDelay = TimeSpan.FromSeconds(30),
                    // A private address stays private: the refusal is recorded once.
                    ShouldHandle = args => args.Outcome.Exception?.GetBaseException() is PrivateAddressException
                        ? PredicateResult.False()
                        : new ValueTask<bool>(HttpClientResiliencePredicates.IsTransient(args.Outcome)),
                })
                .AddTimeout(TimeSpan.FromSeconds(10)));
        // Added after the retries, so it is under them and sees every attempt.
        client.AddHttpMessageHandler<DeliveryAttempts>();
        services.AddHostedService<AlertEvaluation>();
        return services;
    }
}
