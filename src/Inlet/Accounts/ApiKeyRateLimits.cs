using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Inlet.Accounts;

/// <summary><c>Inlet:Api</c>: limits of the management API (spec §8).</summary>
internal sealed class ApiOptions
{
    public const string Section = "Inlet:Api";

    /// <summary>Requests one API key may make per minute, whatever they are; one more answers 429 with Retry-After.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Inlet:Api:RequestsPerMinute must be from {1} to {2}")]
    public int RequestsPerMinute { get; set; } = 6000;
}

/// <summary>
/// The management API's rate limit, per API key (per client address before a key is known), on this node: a script gone
/// round in a loop is slowed down with 429 <c>rate_limited</c> and a <c>Retry-After</c>, and other keys are not.
/// </summary>
internal static class ApiKeyRateLimits
{
    public const string Policy = "api-key";

    public static IServiceCollection AddApiKeyRateLimits(this IServiceCollection services)
    {
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, http =>
            {
                var perMinute = http.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.RequestsPerMinute;
                var key = http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "address:" + http.Connection.RemoteIpAddress;
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
                });
            });
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 60;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await Hosting.Problems.Status(StatusCodes.Status429TooManyRequests, "rate_limited",
                    $"this API key made too many requests: retry in {retryAfter} s").ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }
}
