using System.Diagnostics;

namespace Inlet.Telemetry;

/// <summary>
/// What one webhook request leaves in traces and logs: a span <c>webhook receive</c> (inside ASP.NET Core's server span)
/// tagged with its account, webhook, outcome, status code and Inlet request id, and a logging scope with that request id,
/// so every log entry written while it is handled leads to its log row. No secret, header or body goes in either.
/// </summary>
internal static class WebhookTracing
{
    public const string SourceName = "Inlet";

    private static readonly ActivitySource Source = new(SourceName);

    private static readonly Func<ILogger, string, IDisposable?> Scope = LoggerMessage.DefineScope<string>("Inlet request {InletRequestId}");

    /// <summary>The span of one webhook request; null, at no cost, when nobody listens.</summary>
    public static Activity? StartReceive(string accountId, string requestId)
    {
        var span = Source.StartActivity("webhook receive");
        span?.SetTag("inlet.account_id", accountId);
        span?.SetTag("inlet.request_id", requestId);
        return span;
    }

    public static void Answered(Activity? span, string? webhookId, string outcome, int status)
    {
        if (span is null)
        {
            return;
        }
        span.SetTag("inlet.webhook_id", webhookId);
        span.SetTag("inlet.outcome", outcome);
        span.SetTag("http.response.status_code", status);
        // A 5xx is Inlet's failure; a 4xx is the sender's, as OpenTelemetry's HTTP conventions have it for a server.
        if (status >= 500)
        {
            span.SetStatus(ActivityStatusCode.Error, outcome);
        }
    }

    /// <summary>A logging scope naming the Inlet request id (the <c>Inlet-Request-Id</c> header and the log row's id).</summary>
    public static IDisposable? BeginRequestScope(ILogger logger, string requestId) => Scope(logger, requestId);
}
