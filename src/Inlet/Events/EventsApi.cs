using System.Runtime.InteropServices;
using System.Security.Claims;
using System.Text.Json;
using Inlet.Accounts;
using Inlet.Engine.Mapping;
using Inlet.Hosting;
using Inlet.Ingestion;
using Inlet.Webhooks;
using Inlet.Writer;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Inlet.Events;

/// <summary><c>POST /api/v1/events</c>: integrations without webhooks send <c>{customer, action, data}</c> through the same registration path.</summary>
internal static class EventsApi
{
    public static RouteGroupBuilder MapEvents(this RouteGroupBuilder api)
    {
        api.MapPost("/events", RegisterAsync)
            .WithName("RegisterEvent")
            .WithSummary("Register an event")
            .WithDescription("Converts the data to the action's attribute types and applies the event to the member, like a webhook would.")
            .WithTags("Events");
        return api;
    }

    internal sealed record EventRequest(string? Customer, string? Action, JsonElement Data);

    private static async Task<Results<Created<EventView>, Accepted<Parked.ParkedView>, ProblemHttpResult>> RegisterAsync(
        EventRequest request, ClaimsPrincipal user, WebhookRegistry registry, Writer.Writer writer, HttpResponse response, IOptions<IngestionOptions> options)
    {
        var accountId = user.AccountId();
        if (registry.Catalog(accountId).Find(request.Action) is not { } type)
        {
            return Problems.Invalid([new("action", $"'{request.Action}' is not an event type of this account: see GET /api/v1/event-types")],
                "invalid_event", "The event has faults", StatusCodes.Status422UnprocessableEntity);
        }
        // Text no string can hold (not UTF-8, "\ud800") binds into data unchecked: refused as the webhook pipeline refuses it.
        if (request.Data.ValueKind != JsonValueKind.Undefined && UnreadableText.Find(JsonMarshal.GetRawUtf8Value(request.Data)) is { } unreadable)
        {
            return Problems.Status(StatusCodes.Status400BadRequest, "invalid_json", $"data is not valid JSON: {unreadable}");
        }
        var built = DirectEvents.Build(request.Customer, type, request.Data);
        if (built.Event is not { } ev)
        {
            return Problems.Invalid(built.Errors, "invalid_event", "The event has faults", StatusCodes.Status422UnprocessableEntity);
        }
        var unit = new WriteUnit(accountId) { Events = [new NewEvent(ev, type, registry.Settings(accountId), "api")] };
        return (await writer.WriteAsync(unit)).Written switch
        {
            Written.Registered r => TypedResults.Created($"/api/v1/customers/{Uri.EscapeDataString(ev.Customer)}/events", EventView.From(r.Event)),
            Written.Rejected r => Problems.Status(Verdict.StatusOf(r.Kind), r.Code, r.Message),
            Written.Parked p => TypedResults.Accepted($"/api/v1/parked?customer={Uri.EscapeDataString(ev.Customer)}", Parked.ParkedView.From(p.Row, registry.Settings(accountId))),
            _ => Problems.Unavailable(response, options.Value.RetryAfterSeconds, "the store is unavailable: nothing was stored, retry later"),
        };
    }
}
