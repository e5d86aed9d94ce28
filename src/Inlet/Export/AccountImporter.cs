using System.Text.Json;
using Inlet.Data;
using Inlet.Engine.Validation;
using Inlet.Events;
using Inlet.Hosting;
using Inlet.Settings;
using Inlet.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Inlet.Export;

/// <summary>What an import did, or in a dry run would do.</summary>
internal sealed record ImportReport(bool DryRun, IReadOnlyList<ImportChange> Changes, IReadOnlyList<string> Notes);

/// <summary>What importing came to.</summary>
internal abstract record ImportResult
{
    private ImportResult()
    {
    }

    public sealed record Done(ImportReport Report) : ImportResult;

    /// <summary>The file has faults: nothing was changed.</summary>
    public sealed record Invalid(IReadOnlyList<ValidationError> Errors) : ImportResult;

    /// <summary>A change made meanwhile stopped the import part way; running it again makes the rest.</summary>
    public sealed record Stopped(string Reason) : ImportResult;
}

/// <summary>
/// Brings an account in line with an export (<see cref="AccountExporter"/>): the plan (<see cref="ImportPlan"/>) is checked
/// whole before anything is written, then each change goes through the same rules as the API's (webhooks through
/// <see cref="WebhookEditor"/>), and the account's snapshot is reloaded, on every node. An import run twice changes nothing the second time.
/// </summary>
internal sealed class AccountImporter(InletDb db, StoredDefinitions stored, WebhookEditor editor, WebhookRegistry registry, WriteGate gate, TimeProvider clock)
{
    public async Task<ImportResult> ImportAsync(string accountId, JsonElement document, bool dryRun, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        var file = ImportFile.Read(document, errors);
        var plan = file is null ? null : await ImportPlan.MakeAsync(db, stored, accountId, file, errors, cancellationToken);
        if (plan is null || errors.Count > 0)
        {
            return new ImportResult.Invalid(errors);
        }
        if (!dryRun && await ApplyAsync(accountId, plan, cancellationToken) is { } reason)
        {
            return new ImportResult.Stopped($"{reason}. The changes before it were made: run the import again to make the rest");
        }
        return new ImportResult.Done(new ImportReport(dryRun, plan.Changes, plan.Notes));
    }

    /// <summary>Makes the plan's changes in order; why it stopped, or null when every change was made.</summary>
    private async Task<string?> ApplyAsync(string accountId, ImportPlan plan, CancellationToken cancellationToken)
    {
        if (plan.Settings is { } settings)
        {
            await StoredSettings.ReplaceAsync(db, gate, accountId, settings, cancellationToken);
        }
        if (plan.NewEventTypes.Count > 0)
        {
            var now = clock.GetUtcNow();
            db.EventTypes.AddRange(plan.NewEventTypes.Select(type => EventTypeRow.From(accountId, type, now)));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                return "an event type of the file was created meanwhile";
            }
        }
        // The webhooks are checked against the catalog the registry serves: it must be the store's, new event types included
        // (the command line's registry starts empty; a SQLite store may have been changed by another process).
        await (plan.Settings is not null || plan.NewEventTypes.Count > 0
            ? registry.ReloadAfterChangeAsync(accountId)
            : registry.ReloadAsync(accountId, cancellationToken));
        foreach (var (definition, activate) in plan.NewWebhooks)
        {
            var result = await editor.CreateAsync(accountId, definition, cancellationToken);
            if (result is EditResult.Saved created && activate)
            {
                result = await editor.TransitionAsync(accountId, created.Row.Id, WebhookStatus.Active, cancellationToken);
            }
            if (Failure(definition, result) is { } reason)
            {
                return reason;
            }
        }
        foreach (var (row, definition) in plan.ChangedWebhooks)
        {
            // An import is a reviewed save of configuration kept in git: the webhook's samples take what the imported version gives.
            if (Failure(definition, await editor.ReplaceAsync(accountId, row.Id, definition, row.Version, cancellationToken, acceptSampleChanges: true)) is { } reason)
            {
                return reason;
            }
        }
        return null;
    }

    private static string? Failure(Engine.Webhooks.WebhookDefinition definition, EditResult result) => result switch
    {
        EditResult.Saved => null,
        EditResult.Refused refused => $"webhook {definition.Method} {definition.Endpoint}: {refused.Message}",
        EditResult.Invalid invalid => $"webhook {definition.Method} {definition.Endpoint}: {string.Join("; ", invalid.Errors)}",
        _ => $"webhook {definition.Method} {definition.Endpoint} was archived meanwhile",
    };
}
