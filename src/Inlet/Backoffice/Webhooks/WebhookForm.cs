namespace Inlet.Backoffice.Webhooks;

/// <summary>
/// The webhook form exactly as the browser posts it: every field is text, so whatever was typed comes back on the page,
/// valid or not. <see cref="FormConversion"/> turns it into a definition and back.
/// </summary>
/// <remarks>Text properties are nullable because model binding turns an empty input into null.</remarks>
public sealed class WebhookForm
{
    public string? Name { get; set; }
    public string? Method { get; set; } = "POST";
    public string? Endpoint { get; set; }

    /// <summary>How the top-level criteria and groups combine: <c>all</c> (AND) or <c>any</c> (OR).</summary>
    public string? Join { get; set; } = "all";
    public List<CriterionForm> Criteria { get; set; } = [];
    public List<GroupForm> Groups { get; set; } = [];

    /// <summary>A filter nested deeper than the form shows is edited as JSON instead (<see cref="FilterJson"/>).</summary>
    public bool AdvancedFilter { get; set; }
    public string? FilterJson { get; set; }
    public string? FilterMismatchStatus { get; set; } = "422";

    public string? Action { get; set; }
    public List<MappingForm> Mappings { get; set; } = [];
    public ResponseForm Response { get; set; } = new();
    public VerificationForm Verification { get; set; } = new();

    /// <summary>Both empty: no limit.</summary>
    public RateLimitForm RateLimit { get; set; } = new();

    /// <summary>Body paths the request log keeps as <c>[redacted]</c>, one a line.</summary>
    public string? RedactBodyPaths { get; set; }

    /// <summary>The transform's JavaScript; empty: no transform.</summary>
    public TransformForm Transform { get; set; } = new();

    /// <summary>
    /// Applies an "Add ..." or "Remove" button (<c>add-mapping</c>, <c>remove-criterion:2</c>, ...); returns the name of the
    /// input to focus next (empty when none), or null when the command is not one of them.
    /// </summary>
    public string? Apply(string? command)
    {
        var parts = (command ?? "").Split(':');
        int At(int i) => int.TryParse(parts[i], out var n) ? n : -1;
        switch (parts[0])
        {
            case "add-criterion":
                Criteria.Add(new());
                return $"Form.Criteria[{Criteria.Count - 1}].Attribute";
            case "remove-criterion" when parts.Length == 2:
                RemoveAt(Criteria, At(1));
                return "";
            case "add-group":
                Groups.Add(new() { Criteria = [new()] });
                return $"Form.Groups[{Groups.Count - 1}].Criteria[0].Attribute";
            case "remove-group" when parts.Length == 2:
                RemoveAt(Groups, At(1));
                return "";
            case "add-group-criterion" when parts.Length == 2 && Valid(Groups, At(1)):
                Groups[At(1)].Criteria.Add(new());
                return $"Form.Groups[{At(1)}].Criteria[{Groups[At(1)].Criteria.Count - 1}].Attribute";
            case "remove-group-criterion" when parts.Length == 3 && Valid(Groups, At(1)):
                RemoveAt(Groups[At(1)].Criteria, At(2));
                return "";
            case "add-mapping":
                Mappings.Add(new());
                return $"Form.Mappings[{Mappings.Count - 1}].From";
            case "remove-mapping" when parts.Length == 2:
                RemoveAt(Mappings, At(1));
                return "";
            case "add-replace" when parts.Length == 2 && Valid(Mappings, At(1)):
                Mappings[At(1)].Replace.Add(new());
                return $"Form.Mappings[{At(1)}].Replace[{Mappings[At(1)].Replace.Count - 1}].Value";
            case "remove-replace" when parts.Length == 3 && Valid(Mappings, At(1)):
                RemoveAt(Mappings[At(1)].Replace, At(2));
                return "";
            case "add-item" when parts.Length == 2 && Valid(Mappings, At(1)):
                Mappings[At(1)].Items.Add(new());
                return $"Form.Mappings[{At(1)}].Items[{Mappings[At(1)].Items.Count - 1}].From";
            case "remove-item" when parts.Length == 3 && Valid(Mappings, At(1)):
                RemoveAt(Mappings[At(1)].Items, At(2));
                return "";
            default:
                return null;
        }
    }

    private static bool Valid<T>(List<T> list, int index) => index >= 0 && index < list.Count;

    private static void RemoveAt<T>(List<T> list, int index)
    {
        if (Valid(list, index))
        {
            list.RemoveAt(index);
        }
    }
}

public sealed class CriterionForm
{
    public string? Attribute { get; set; }
    public string? Operator { get; set; } = "exists";

    /// <summary>The value as typed; a comma-separated list for <c>in</c> and <c>not_in</c>.</summary>
    public string? Value { get; set; }
}

public sealed class GroupForm
{
    public string? Join { get; set; } = "all";
    public List<CriterionForm> Criteria { get; set; } = [];
}

public sealed class MappingForm
{
    public string? From { get; set; }
    public string? To { get; set; }
    public string? Default { get; set; }
    public List<ReplaceForm> Replace { get; set; } = [];

    /// <summary>Sub-mappings applied to each element when From is a list (line items).</summary>
    public List<ItemForm> Items { get; set; } = [];

    /// <summary>Item sub-mappings the rows cannot show (with replace rules of their own), kept as JSON for the API to edit.</summary>
    public string? ItemsJson { get; set; }
}

/// <summary>One sub-mapping: <see cref="From"/> reads the element, <see cref="To"/> names the item attribute.</summary>
public sealed class ItemForm
{
    public string? From { get; set; }
    public string? To { get; set; }
    public string? Default { get; set; }
}

public sealed class ReplaceForm
{
    public string? Value { get; set; }
    public string? With { get; set; }
}

/// <summary>A fixed window counted on each node, as typed.</summary>
public sealed class RateLimitForm
{
    public string? Requests { get; set; }

    /// <summary>Empty: 60, as in the API.</summary>
    public string? PerSeconds { get; set; }
}

public sealed class ResponseForm
{
    public string? Success { get; set; }
    public string? Error { get; set; }
}

public sealed class VerificationForm
{
    public string? Type { get; set; } = "none";
    public string? Header { get; set; }
    public string? Secret { get; set; }

    /// <summary>Also accepted while senders move to the new secret (for basic: the previous password); empty ends the rotation.</summary>
    public string? PreviousSecret { get; set; }
    public string? Username { get; set; }
    public string? Password { get; set; }
    public string? Algorithm { get; set; }
    public string? Encoding { get; set; }
    public string? Prefix { get; set; }
}

/// <summary>The Test panel: a payload and headers to run through the definition as typed.</summary>
public sealed class TestForm
{
    public string? Payload { get; set; }

    /// <summary>The name to save the payload under as a sample (existing webhooks only).</summary>
    public string? SampleName { get; set; }

    /// <summary><c>Name: value</c>, one a line.</summary>
    public string? Headers { get; set; }
}

/// <summary>The webhook's transform step: JavaScript declaring <c>function transform(request)</c>.</summary>
public sealed class TransformForm
{
    public string? Code { get; set; }
}
