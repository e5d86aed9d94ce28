using System.Globalization;
using Inlet.Engine.Webhooks;
using Inlet.Hosting;
using Inlet.Logs;
using Inlet.Telemetry;
using Inlet.Webhooks;
using Inlet.Writer;
using Microsoft.Extensions.Options;

namespace Inlet.Ingestion;

/// <summary>
/// The request pipeline of spec §2, in its order: resolve, method, status, size and type, verification, parse, rate limit, filter, idempotency,
/// mapping, register, answer. Every request that reaches a known account goes to the writer with its log row, and is
/// answered only once that row (and its event) is committed.
/// </summary>
internal sealed partial class IngestionPipeline(
    WebhookRegistry registry, Writer.Writer writer, RateLimits rateLimits, IOptions<IngestionOptions> ingestion, IOptions<LogOptions> logOptions,
    TimeProvider clock, InletMetrics metrics, UnknownEndpointSampling unknownEndpoints, ILogger<IngestionPipeline> logger)
{
    public async Task HandleAsync(HttpContext http, string accountId, string endpoint)
    {
        var call = new Call(http, accountId, Ids.New("req"), clock.GetUtcNow());
        using var span = WebhookTracing.StartReceive(accountId, call.Id);
        using var scope = WebhookTracing.BeginRequestScope(logger, call.Id);
        // Once the body is in, a sender that hangs up still gets its request logged and its event kept or not, never half of it.
        var answer = await RunAsync(call, endpoint);
        // Counted before the answer goes out, so that a scrape after it sees the request.
        metrics.Answered(call.Webhook?.Id, answer.Outcome, call.Started);
        WebhookTracing.Answered(span, call.Webhook?.Id, answer.Outcome, answer.Status);
        LogAnswered(answer.Status, answer.Outcome, call.Webhook?.Id);
        await WriteResponseAsync(http, call, answer);
    }

    private async Task<Answer> RunAsync(Call call, string endpoint)
    {
        var resolution = registry.Resolve(call.AccountId, endpoint, call.Http.Request.Method);
        var path = $"{call.Http.Request.Method} {call.Http.Request.Path}";
        switch (resolution.Kind)
        {
            case ResolutionKind.UnknownAccount:
                // Nobody could read a log row of an account that does not exist: answer without one.
                return Error(call, 404, Outcomes.NotFound, $"no webhook answers {path}");
            case ResolutionKind.UnknownEndpoint:
                return unknownEndpoints.Logs(call.AccountId)
                    ? await StopAsync(call, 404, Outcomes.NotFound, $"no webhook answers {path}")
                    : Error(call, 404, Outcomes.NotFound, $"no webhook answers {path}");
            case ResolutionKind.MethodNotAllowed:
                return await StopAsync(call, 405, Outcomes.MethodNotAllowed, $"this endpoint takes {string.Join(", ", resolution.Allowed)}",
                    ("Allow", string.Join(", ", resolution.Allowed)));
            case ResolutionKind.Archived:
                call.Webhook = resolution.Webhook;
                return await StopAsync(call, 410, Outcomes.WebhookArchived, "this webhook is archived: stop sending to it");
        }
        var webhook = call.Webhook = resolution.Webhook!;
        if (webhook.Status == WebhookStatus.Inactive)
        {
            return await StopAsync(call, 503, Outcomes.WebhookInactive, "this webhook is inactive: retry later", RetryAfter);
        }
        if (webhook.Compiled is not { } compiled)
        {
            return await StopAsync(call, 503, Outcomes.Unavailable, "this webhook's definition does not compile: fix it in the Backoffice", RetryAfter);
        }
        call.Body = await RequestBody.ReadAsync(call.Http.Request, ingestion.Value.MaxBodyBytes, call.Http.RequestAborted);
        if (call.Body is null)
        {
            return await StopAsync(call, 413, Outcomes.PayloadTooLarge, $"the body is over {ingestion.Value.MaxBodyBytes} bytes");
        }
        if (!RequestBody.IsSupported(call.Http.Request.ContentType, out var isForm))
        {
            return await StopAsync(call, 415, Outcomes.UnsupportedMediaType,
                $"'{call.Http.Request.ContentType}' is not accepted: send application/json or application/x-www-form-urlencoded");
        }
        var headers = HeaderView(call.Http.Request.Headers);
        if (compiled.Definition.Verification is { Type: not "none" } verification
            && Engine.Verification.RequestVerifier.Verify(verification, headers, call.Body, clock.GetUtcNow()) is { Succeeded: false } unverified)
        {
            return await StopAsync(call, Unverified(call, unverified));
        }
        using var document = RequestBody.Parse(call.Body, isForm, out var parseError);
        if (document is null)
        {
            return await StopAsync(call, 400, Outcomes.InvalidJson, parseError!);
        }
        if (rateLimits.Refuse(webhook) is { } wait)
        {
            return await StopAsync(call, 429, Outcomes.RateLimited, "too many requests for this webhook: retry later",
                ("Retry-After", Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture)));
        }
        var request = new WebhookRequest(headers, document.RootElement)
        {
            Method = call.Http.Request.Method, Target = call.Http.Request.Path + call.Http.Request.QueryString,
        };
        var evaluation = Evaluation.Of(compiled, webhook.Id, Evaluation.SourceOf(webhook.Id, webhook.Version), request, call.Body, registry.Settings(call.AccountId));
        (call.FilterTrace, call.MappingTrace, call.CustomerId) = (evaluation.FilterTrace, evaluation.MappingTrace, evaluation.Event?.Event.Customer);
        call.TransformedBody = evaluation.Transform?.LoggedJson;
        var stop = evaluation.Stop is { } verdict ? Error(call, verdict) : null;
        return await WriteAsync(call, new WriteUnit(call.AccountId)
        {
            Key = evaluation.Key,
            Events = evaluation.Events,
            Log = call.Log(logOptions.Value.MaxBodyBytes),
            Started = call.Started,
            Answer = written => Answers.To(written, compiled, call.Id, call.CustomerId, evaluation.Key, stop),
        });
    }

    /// <summary>What a 503 tells the sender: when to try again.</summary>
    private (string Name, string Value) RetryAfter => ("Retry-After", ingestion.Value.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture));

    private Task<Answer> StopAsync(Call call, int status, string outcome, string message, params (string Name, string Value)[] headers) =>
        StopAsync(call, Error(call, status, outcome, message, headers));

    /// <summary>A request that stops before an event: its answer is known, the writer stores its log row.</summary>
    private Task<Answer> StopAsync(Call call, Answer answer) =>
        WriteAsync(call, new WriteUnit(call.AccountId) { Log = call.Log(logOptions.Value.MaxBodyBytes), Started = call.Started, Answer = _ => answer });

    private async Task<Answer> WriteAsync(Call call, WriteUnit unit)
    {
        var result = await writer.WriteAsync(unit);
        if (result.Answer is { } answer)
        {
            return answer;
        }
        var unavailable = Error(call, 503, Outcomes.Unavailable, "the store is unavailable: nothing was stored, retry later", RetryAfter);
        // A constraint refused the unit's rows (a duplicate stored at the same moment): nothing of it is stored, but the 503 is logged.
        return result.Written is Written.Conflict && unit.Events.Count > 0 ? await StopAsync(call, unavailable) : unavailable;
    }

    private static Answer Error(Call call, Verdict verdict) => Answers.Error(call.Webhook?.Compiled, call.Id, call.CustomerId, verdict);

    private static Answer Error(Call call, int status, string outcome, string message, params (string Name, string Value)[] headers) =>
        Error(call, new Verdict(status, outcome, message)) with { Headers = [.. headers.Select(h => KeyValuePair.Create(h.Name, h.Value))] };

    /// <summary>A 401 whose log row names the precise reason, while the sender only learns that verification failed.</summary>
    private static Answer Unverified(Call call, Engine.Verification.VerificationResult failed) =>
        Error(call, 401, Outcomes.VerificationFailed, "the request could not be verified") with { ErrorCode = failed.Reason, ErrorMessage = failed.Message };

    private static Dictionary<string, string> HeaderView(IHeaderDictionary headers)
    {
        var view = new Dictionary<string, string>(headers.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in headers)
        {
            view[name] = values.ToString();
        }
        return view;
    }

    private static async Task WriteResponseAsync(HttpContext http, Call call, Answer answer)
    {
        http.Response.StatusCode = answer.Status;
        http.Response.ContentType = "application/json";
        http.Response.Headers["Inlet-Request-Id"] = call.Id;
        foreach (var (name, value) in answer.Headers)
        {
            http.Response.Headers[name] = value;
        }
        await http.Response.WriteAsync(answer.Body, CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Answered {Status} {Outcome} (webhook {WebhookId})")]
    private partial void LogAnswered(int status, string outcome, string? webhookId);
}
