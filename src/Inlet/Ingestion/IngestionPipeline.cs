using System.Globalization;
using Inlet.Engine.Responses;
using Inlet.Engine.Webhooks;
using Inlet.Events;
using Inlet.Hosting;
using Inlet.Logs;
using Inlet.Webhooks;
using Microsoft.Extensions.Options;

namespace Inlet.Ingestion;

/// <summary>
/// The request pipeline of spec §2, in its order: resolve, method, status, size and type, verification, parse, rate limit, filter, idempotency,
/// mapping, register, answer. Every stop answers with its status and outcome code and writes the request log.
/// </summary>
internal sealed partial class IngestionPipeline(
    WebhookRegistry registry, EventRegistrar registrar, RequestLogs logs, Idempotency idempotency, RateLimits rateLimits,
    IOptions<IngestionOptions> ingestion, IOptions<LogOptions> logOptions, TimeProvider clock, ILogger<IngestionPipeline> logger)
{
    public async Task HandleAsync(HttpContext http, string accountId, string endpoint)
    {
        var call = new Call(http, accountId, Ids.New("req"), clock.GetUtcNow());
        // Once the body is in, a sender that hangs up still gets its request logged and its event kept or not, never half of it.
        var answer = await RunAsync(call, endpoint, CancellationToken.None);
        await WriteAsync(http, call, answer);
    }

    private async Task<Answer> RunAsync(Call call, string endpoint, CancellationToken cancellationToken)
    {
        var resolution = registry.Resolve(call.AccountId, endpoint, call.Http.Request.Method);
        var path = $"{call.Http.Request.Method} {call.Http.Request.Path}";
        switch (resolution.Kind)
        {
            case ResolutionKind.UnknownAccount:
                // Nobody could read a log row of an account that does not exist: answer without one.
                return Error(call, 404, Outcomes.NotFound, $"no webhook answers {path}");
            case ResolutionKind.UnknownEndpoint:
                return await StopAsync(call, 404, Outcomes.NotFound, $"no webhook answers {path}", cancellationToken);
            case ResolutionKind.MethodNotAllowed:
                return await StopAsync(call, 405, Outcomes.MethodNotAllowed, $"this endpoint takes {string.Join(", ", resolution.Allowed)}",
                    cancellationToken, ("Allow", string.Join(", ", resolution.Allowed)));
            case ResolutionKind.Archived:
                call.Webhook = resolution.Webhook;
                return await StopAsync(call, 410, Outcomes.WebhookArchived, "this webhook is archived: stop sending to it", cancellationToken);
        }
        var webhook = call.Webhook = resolution.Webhook!;
        if (webhook.Status == WebhookStatus.Inactive)
        {
            return await StopAsync(call, 503, Outcomes.WebhookInactive, "this webhook is inactive: retry later", cancellationToken, RetryAfter);
        }
        if (webhook.Compiled is not { } compiled)
        {
            return await StopAsync(call, 503, Outcomes.Unavailable, "this webhook's definition does not compile: fix it in the Backoffice", cancellationToken, RetryAfter);
        }
        call.Body = await RequestBody.ReadAsync(call.Http.Request, ingestion.Value.MaxBodyBytes, call.Http.RequestAborted);
        if (call.Body is null)
        {
            return await StopAsync(call, 413, Outcomes.PayloadTooLarge, $"the body is over {ingestion.Value.MaxBodyBytes} bytes", cancellationToken);
        }
        if (!RequestBody.IsSupported(call.Http.Request.ContentType, out var isForm))
        {
            return await StopAsync(call, 415, Outcomes.UnsupportedMediaType,
                $"'{call.Http.Request.ContentType}' is not accepted: send application/json or application/x-www-form-urlencoded", cancellationToken);
        }
        var headers = HeaderView(call.Http.Request.Headers);
        if (compiled.Definition.Verification is { Type: not "none" } verification
            && Engine.Verification.RequestVerifier.Verify(verification, headers, call.Body, clock.GetUtcNow()) is { Succeeded: false } unverified)
        {
            return await StopAsync(call, Unverified(call, unverified), cancellationToken);
        }
        using var document = RequestBody.Parse(call.Body, isForm, out var parseError);
        if (document is null)
        {
            return await StopAsync(call, 400, Outcomes.InvalidJson, parseError!, cancellationToken);
        }
        if (rateLimits.Refuse(webhook) is { } wait)
        {
            return await StopAsync(call, 429, Outcomes.RateLimited, "too many requests for this webhook: retry later", cancellationToken,
                ("Retry-After", Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture)));
        }
        var request = new WebhookRequest(headers, document.RootElement);
        var evaluation = compiled.Evaluate(request, trace: true);
        call.FilterTrace = evaluation.FilterTrace;
        call.MappingTrace = evaluation.MappingTrace;
        if (evaluation.Verdict == WebhookVerdict.FilteredOut)
        {
            return await StopAsync(call, Verdict.FilteredOut(compiled.Definition), cancellationToken);
        }
        var key = Idempotency.KeyOf(compiled, request, call.Body);
        if (key is not null && await idempotency.FindAsync(webhook.Id, key, cancellationToken) is { } seen)
        {
            return await ReplayAsync(call, key, seen, cancellationToken);
        }
        if (evaluation.Mapping.Event is not { } ev)
        {
            return await StopAsync(call, Verdict.InvalidEvent(evaluation.Mapping.Errors), cancellationToken);
        }
        call.CustomerId = ev.Customer;
        return await RegisterAsync(call, ev, compiled, key, cancellationToken);
    }

    private async Task<Answer> RegisterAsync(Call call, Engine.Events.MappedEvent ev, CompiledWebhook compiled, IdempotencyKey? key, CancellationToken cancellationToken)
    {
        var webhook = call.Webhook!;
        Answer? answer = null;
        var registration = await registrar.RegisterAsync(call.AccountId, ev, compiled.EventType, $"webhook:{webhook.Id}@v{webhook.Version}", call.Id,
            registration =>
            {
                answer = registration switch
                {
                    Registration.Registered r => new Answer(200,
                        compiled.Success.Render(new ResponseValues(r.Event.Id, ev.Customer, call.Id)), Outcomes.Processed, EventId: r.Event.Id),
                    Registration.Rejected r => Error(call, Verdict.Rejected(r.Kind, r.Code, r.Message)),
                    _ => null,
                };
                return answer is null ? [] : [call.ToLog(answer, logOptions.Value.MaxBodyBytes), .. idempotency.Remember(webhook.Id, key, answer, call.Id)];
            }, cancellationToken);
        if (registration is Registration.Conflict && key is not null && await idempotency.FindAsync(webhook.Id, key, cancellationToken) is { } seen)
        {
            // The same delivery arrived twice at once and the other copy was stored first: answer as it was answered.
            return await ReplayAsync(call, key, seen, cancellationToken);
        }
        if (registration is Registration.Unavailable or Registration.Conflict)
        {
            return await StopAsync(call, 503, Outcomes.Unavailable, "the store is unavailable: nothing was stored, retry later", cancellationToken, RetryAfter);
        }
        return answer!;
    }

    /// <summary>What a 503 tells the sender: when to try again.</summary>
    private (string Name, string Value) RetryAfter => ("Retry-After", ingestion.Value.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture));

    private async Task<Answer> ReplayAsync(Call call, IdempotencyKey key, Logs.IdempotencyRow seen, CancellationToken cancellationToken) =>
        seen.BodyHash == key.BodyHash
            ? await StopAsync(call, new Answer(seen.StatusCode, seen.ResponseBody, Outcomes.Duplicate) { Headers = [new("Idempotent-Replayed", "true")] }, cancellationToken)
            : await StopAsync(call, 409, Outcomes.IdempotencyKeyReused, "this idempotency key was already used with another body", cancellationToken);

    private async Task<Answer> StopAsync(Call call, int status, string outcome, string message, CancellationToken cancellationToken,
        params (string Name, string Value)[] headers) =>
        await StopAsync(call, Error(call, status, outcome, message) with { Headers = [.. headers.Select(h => KeyValuePair.Create(h.Name, h.Value))] }, cancellationToken);

    private async Task<Answer> StopAsync(Call call, Answer answer, CancellationToken cancellationToken)
    {
        try
        {
            await logs.WriteAsync(call.ToLog(answer, logOptions.Value.MaxBodyBytes), cancellationToken);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            LogNotLogged(e, call.Id, answer.Outcome);
        }
        return answer;
    }

    private async Task<Answer> StopAsync(Call call, Verdict verdict, CancellationToken cancellationToken) =>
        await StopAsync(call, Error(call, verdict), cancellationToken);

    private static Answer Error(Call call, Verdict verdict) => Error(call, verdict.Status, verdict.Outcome, verdict.Message, verdict.Code);

    private static Answer Error(Call call, int status, string outcome, string message, string? code = null)
    {
        var template = call.Webhook?.Compiled?.Error ?? ResponseTemplate.DefaultError;
        var body = template.Render(new ResponseValues(RequestId: call.Id, Customer: call.CustomerId, ErrorCode: code ?? outcome, ErrorMessage: message));
        return new Answer(status, body, outcome, code ?? outcome, message);
    }

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

    private static async Task WriteAsync(HttpContext http, Call call, Answer answer)
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Request {RequestId} ({Outcome}) could not be logged")]
    private partial void LogNotLogged(Exception exception, string requestId, string outcome);
}
