using Inlet.Engine.Events;
using Inlet.Engine.Validation;
using Inlet.Engine.Webhooks;
using Inlet.Ingestion;
using Inlet.Webhooks;
using Microsoft.AspNetCore.Mvc;

namespace Inlet.Backoffice.Webhooks;

/// <summary>
/// What the create and edit pages share: the form as posted, its "Add"/"Remove" buttons (handled here, so the page works
/// without script), the Test panel's dry run, and the errors of a save placed beside their inputs.
/// </summary>
public abstract class WebhookFormPage : BackofficePage
{
    /// <summary>The version the edit form was loaded at: saving over a newer one is refused, not a silent overwrite.</summary>
    [BindProperty]
    public int? ExpectedVersion { get; set; }

    [BindProperty]
    public WebhookForm Form { get; set; } = new();

    [BindProperty]
    public TestForm Test { get; set; } = new();

    /// <summary>Which submit button was pressed: <c>save</c>, <c>test</c>, or an "Add"/"Remove" one.</summary>
    [BindProperty]
    public string? Command { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public FormErrors Errors { get; private set; } = new();

    /// <summary>The input to focus after an "Add" button, so keyboard users land in the new row.</summary>
    public string? Focus { get; private set; }

    public EventCatalog Catalog => Get<WebhookRegistry>().Catalog(AccountId);

    /// <summary>Where senders post, up to the endpoint: <c>{scheme}://{host}/webhooks/custom/{account}/</c>.</summary>
    public string UrlBase => $"{WebhooksApi.BaseUrl(Request)}/webhooks/custom/{AccountId}/";

    public abstract bool IsNew { get; }

    public virtual bool ReadOnly => false;

    internal DryRunResult? TestResult { get; private set; }

    /// <summary>Applies an "Add"/"Remove" button; true when it was one (the page is shown again with the change).</summary>
    protected bool ApplyRowCommand()
    {
        Focus = Form.Apply(Command);
        return Focus is not null;
    }

    /// <summary>The definition as typed over <paramref name="baseline"/>; null (with <see cref="Errors"/> set) when the form cannot say.</summary>
    internal WebhookDefinition? TypedDefinition(WebhookDefinition baseline, out Dictionary<string, string> paths)
    {
        paths = new(StringComparer.Ordinal);
        var formErrors = new List<ValidationError>();
        var definition = FormConversion.ToDefinition(Form, baseline, paths, formErrors);
        if (formErrors.Count > 0)
        {
            Errors = FormErrors.From(formErrors, paths, Form);
            return null;
        }
        return definition;
    }

    /// <summary>Runs the Test panel's payload through <paramref name="definition"/>; nothing is stored.</summary>
    internal async Task RunTestAsync(WebhookDefinition definition, IReadOnlyDictionary<string, string> paths)
    {
        TestResult = await Get<DryRun>().RunAsync(AccountId, definition, TestHeaders(), Test.Payload ?? "");
        if (TestResult.Outcome == "invalid_definition")
        {
            Errors = FormErrors.From(TestResult.Errors, paths, Form);
        }
    }

    /// <summary>The Test panel's headers, one <c>Name: value</c> a line.</summary>
    internal Dictionary<string, string> TestHeaders()
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in (Test.Headers ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }
        return headers;
    }

    /// <summary>Samples the last Save would have changed; the form then offers to save anyway.</summary>
    internal IReadOnlyList<Samples.SampleChange> SampleChanges { get; private set; } = [];

    /// <summary>Shows what a save came to: the errors beside their fields, or a refusal in the summary (or beside the endpoint).</summary>
    internal void ShowFaults(EditResult result, IReadOnlyDictionary<string, string> paths)
    {
        switch (result)
        {
            case EditResult.Invalid invalid:
                Errors = FormErrors.From(invalid.Errors, paths, Form);
                break;
            case EditResult.Refused { Code: "endpoint_taken" } refused:
                Errors = FormErrors.From([new("endpoint", refused.Message)], paths, Form);
                break;
            case EditResult.Refused refused:
                Errors = FormErrors.From([new("", refused.Message)], paths, Form);
                break;
            case EditResult.SamplesChanged changed:
                SampleChanges = changed.Changes;
                break;
        }
    }
}
