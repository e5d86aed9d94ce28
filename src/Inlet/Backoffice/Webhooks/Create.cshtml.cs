using Inlet.Engine.Blueprints;
using Inlet.Webhooks;
using Microsoft.AspNetCore.Mvc;

namespace Inlet.Backoffice.Webhooks;

/// <summary>A new webhook from a blueprint: the form starts with the blueprint's settings, and <c>Create</c> saves it inactive.</summary>
public sealed class CreateWebhookModel : WebhookFormPage
{
    public Blueprint Blueprint { get; private set; } = ManualBlueprints.Blank;

    public override bool IsNew => true;

    public IActionResult OnGet(string blueprint)
    {
        if (Find(blueprint) is not { } found)
        {
            return NotFound();
        }
        Blueprint = found;
        Form = FormConversion.FromDefinition(found.Definition);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string blueprint)
    {
        if (Find(blueprint) is not { } found)
        {
            return NotFound();
        }
        Blueprint = found;
        if (ApplyRowCommand() || TypedDefinition(found.Definition, out var paths) is not { } definition)
        {
            return Page();
        }
        if (Command == "test")
        {
            await RunTestAsync(definition, paths);
            return Page();
        }
        var result = await Get<WebhookEditor>().CreateAsync(AccountId, definition, Aborted);
        if (result is EditResult.Saved saved)
        {
            Notice = "The webhook is created, inactive: set it active when you are ready to register events.";
            return Redirect($"/backoffice/webhooks/{saved.Row.Id}");
        }
        ShowFaults(result, paths);
        return Page();
    }

    private static Blueprint? Find(string id) => BlueprintCatalog.Find(id);
}
