using System.Text.Json;
using Inlet.Engine.Filters;
using Inlet.Engine.Validation;
using Inlet.Engine.Webhooks;

namespace Inlet.Engine.Tests.Filters;

/// <summary>Builds filters and requests for the filter tests, and evaluates with and without a trace.</summary>
internal static class FilterTestKit
{
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    public const string Body = """
        {
          "order": {
            "total": 150, "total_text": "150", "small": "9", "big": "10", "price": 19.99, "code": "abc",
            "ref": "ORD-123", "paid": true, "paid_text": "TRUE", "refunded": false, "zip": "01234",
            "blank": "   ", "empty": "", "nothing": null,
            "tags": ["vip", "new"], "numbers": [1, 2, 3], "none": [], "meta": {}, "nested": {"a": 1}
          },
          "user_identities": [
            {"identity_type": "email", "identity": "ann@example.com"},
            {"identity_type": "customer_id", "identity": "C-42"}
          ],
          "events": [{"data": {"event_name": "purchase"}}, {"data": {"event_name": "refund"}}]
        }
        """;

    public static WebhookRequest Request(string body = Body) => WebhookRequest.Create(Json(body),
    [
        new("X-Token", "secret-123"),
        new("X-Count", "10"),
        new("X-Blank", "  "),
    ]);

    public static JsonElement Json(string json) => JsonSerializer.Deserialize<JsonElement>(json);

    public static FilterNode Filter(string json) => JsonSerializer.Deserialize<FilterNode>(json, EngineJson.Options)!;

    public static FilterCondition Condition(string attribute, string op, string? valueJson) =>
        new(attribute, op, valueJson is null ? null : Json(valueJson));

    public static List<ValidationError> Validate(FilterNode? filter)
    {
        var errors = new List<ValidationError>();
        FilterValidation.Validate(filter, errors);
        return errors;
    }

    /// <summary>Validates, compiles and matches; fails the test if the traced and untraced results differ.</summary>
    public static bool Matches(FilterNode? filter, WebhookRequest request, List<FilterTraceEntry>? trace = null)
    {
        Assert.Empty(Validate(filter));
        var compiled = FilterCompiler.Compile(filter, RegexTimeout);
        var untraced = compiled.Matches(request);
        var traced = compiled.Matches(request, trace ?? []);
        Assert.Equal(untraced, traced);
        return untraced;
    }

    public static bool Matches(string attribute, string op, string? valueJson, string body = Body) =>
        Matches(Condition(attribute, op, valueJson), Request(body));
}
