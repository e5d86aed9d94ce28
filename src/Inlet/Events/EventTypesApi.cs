using System.Security.Claims;
using System.Text.Json;
using Inlet.Accounts;
using Inlet.Data;
using Inlet.Engine;
using Inlet.Engine.Events;
using Inlet.Engine.Validation;
using Inlet.Hosting;
using Inlet.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inlet.Events;

/// <summary>The account's event catalog (spec §6, §7): the built-in types plus the custom ones it defines.</summary>
internal static class EventTypesApi
{
    public static RouteGroupBuilder MapEventTypes(this RouteGroupBuilder api)
    {
        var types = api.MapGroup("/event-types").WithTags("Event types");
        types.MapGet("/", List).WithName("ListEventTypes")
            .WithSummary("List the catalog: built-in and custom event types, with their attributes and effects")
            .WithDescription("Every type also accepts effective_timestamp (datetime), the time the event happened; it is not listed per type.");
        types.MapGet("/{name}", Get).WithName("GetEventType").WithSummary("Read one event type of the catalog");
        types.MapPost("/", CreateAsync).WithName("CreateEventType")
            .WithSummary("Define a custom event type; webhooks and the Events API can use it at once");
        return api;
    }

    internal sealed record AttributeView(string Name, string Type, bool Required, IReadOnlyList<AttributeView>? Items);

    internal sealed record EventTypeView(string Name, string Label, bool BuiltIn, IReadOnlyList<AttributeView> Attributes, long? Points, bool Once)
    {
        public static EventTypeView From(EventType type) => new(type.Name, type.Label, type.BuiltIn,
            [.. type.Attributes.Where(a => a.Name != EventCatalog.EffectiveTimestamp.Name).Select(Attribute)], type.Points, type.Once);

        private static AttributeView Attribute(AttributeSchema a) =>
            new(a.Name, CustomEventTypes.TypeName(a.Type), a.Required, a.Items.IsEmpty ? null : [.. a.Items.Select(Attribute)]);
    }

    private static Ok<List<EventTypeView>> List(ClaimsPrincipal user, WebhookRegistry registry) =>
        TypedResults.Ok(registry.Catalog(user.AccountId()).Types.Select(EventTypeView.From).ToList());

    private static Results<Ok<EventTypeView>, ProblemHttpResult> Get(string name, ClaimsPrincipal user, WebhookRegistry registry) =>
        registry.Catalog(user.AccountId()).Find(name) is { } type ? TypedResults.Ok(EventTypeView.From(type)) : Problems.NotFound($"event type {name}");

    private static async Task<Results<Created<EventTypeView>, ProblemHttpResult>> CreateAsync(
        JsonElement body, ClaimsPrincipal user, InletDb db, WebhookRegistry registry, TimeProvider clock, CancellationToken cancellationToken)
    {
        var accountId = user.AccountId();
        var definition = Read(body, out var readError);
        if (definition is null)
        {
            return Problems.Invalid([readError!]);
        }
        var errors = CustomEventTypes.Validate(definition);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }
        if (await db.EventTypes.AnyAsync(t => t.AccountId == accountId && t.Name == definition.Name, cancellationToken))
        {
            return TypeExists(definition.Name);
        }
        db.EventTypes.Add(EventTypeRow.From(accountId, definition, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two requests raced to define the same name: the primary key let one through.
            return TypeExists(definition.Name);
        }
        await registry.ReloadAfterChangeAsync(accountId);
        return TypedResults.Created($"/api/v1/event-types/{Uri.EscapeDataString(definition.Name)}", EventTypeView.From(CustomEventTypes.ToEventType(definition)));
    }

    internal static CustomEventTypeDefinition? Read(JsonElement body, out ValidationError? error)
    {
        error = body.ValueKind == JsonValueKind.Object ? null : new("", "send the event type as a JSON object");
        try
        {
            return error is null ? body.Deserialize<CustomEventTypeDefinition>(EngineJson.Options) : null;
        }
        catch (JsonException e)
        {
            error = new(e.Path?.TrimStart('$', '.') ?? "", $"cannot be read: {e.Message.Split(" Path:")[0]}");
            return null;
        }
    }

    private static ProblemHttpResult TypeExists(string name) =>
        Problems.Status(409, "event_type_exists", $"this account already has an event type named {name}: choose another name");
}
