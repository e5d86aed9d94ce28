using Inlet.Data;
using Inlet.Engine.Validation;
using Inlet.Engine.Webhooks;
using Inlet.Hosting;
using Inlet.Samples;
using Microsoft.EntityFrameworkCore;

namespace Inlet.Webhooks;

/// <summary>
/// Every change to a webhook, for the REST API and the Backoffice alike: create (inactive), replace (a new version),
/// and the lifecycle of spec §5. Each successful change recompiles the account's webhooks.
/// </summary>
internal sealed class WebhookEditor(InletDb db, WebhookRegistry registry, StoredDefinitions stored, SampleRunner samples, TimeProvider clock)
{
    public async Task<EditResult> CreateAsync(string accountId, WebhookDefinition definition, CancellationToken cancellationToken)
    {
        if (await CheckAsync(accountId, null, definition, cancellationToken) is { } refused)
        {
            return refused;
        }
        var now = clock.GetUtcNow();
        var row = new WebhookRow
        {
            Id = Ids.New("wh"), AccountId = accountId, Name = definition.Name, Method = definition.Method, Endpoint = definition.Endpoint,
            Status = WebhookStatus.Inactive, Version = 1, DefinitionJson = stored.Write(definition),
            CreatedAt = now, UpdatedAt = now,
        };
        db.Webhooks.Add(row);
        db.WebhookVersions.Add(new WebhookVersionRow { WebhookId = row.Id, Version = 1, DefinitionJson = row.DefinitionJson, CreatedAt = now });
        return await SaveAsync(accountId, row, definition, cancellationToken);
    }

    /// <summary>
    /// Replaces the definition; <paramref name="expectedVersion"/>, when given, must be the current one. The webhook's samples
    /// run through the new definition first: when one would give another outcome or event, nothing is saved unless
    /// <paramref name="acceptSampleChanges"/>, which saves and makes the new results the samples' expectations.
    /// </summary>
    public async Task<EditResult> ReplaceAsync(string accountId, string id, WebhookDefinition definition, int? expectedVersion, CancellationToken cancellationToken,
        bool acceptSampleChanges = false)
    {
        var row = await FindAsync(accountId, id, cancellationToken);
        if (row is null)
        {
            return new EditResult.NotFound();
        }
        if (row.Status == WebhookStatus.Archived)
        {
            return new EditResult.Refused(409, "webhook_archived", "an archived webhook is read-only: create a new one instead");
        }
        if (expectedVersion is { } expected && expected != row.Version)
        {
            return new EditResult.Refused(412, "version_mismatch", $"the webhook is at version {row.Version}, not {expected}: read it again and reapply your change");
        }
        definition = definition with { Verification = Secrets.Unmask(definition.Verification, stored.Read(row).Verification) };
        if (await CheckAsync(accountId, id, definition, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (await SampleChangesAsync(accountId, id, definition, acceptSampleChanges, cancellationToken) is { Count: > 0 } changes)
        {
            return new EditResult.SamplesChanged(changes);
        }
        var now = clock.GetUtcNow();
        row.Name = definition.Name;
        row.Method = definition.Method;
        row.Endpoint = definition.Endpoint;
        row.DefinitionJson = stored.Write(definition);
        row.Version++;
        row.UpdatedAt = now;
        db.WebhookVersions.Add(new WebhookVersionRow { WebhookId = row.Id, Version = row.Version, DefinitionJson = row.DefinitionJson, CreatedAt = now });
        return await SaveAsync(accountId, row, definition, cancellationToken);
    }

    /// <summary>Saves a new version equal to version <paramref name="version"/>, secrets included (spec §7).</summary>
    public async Task<EditResult> RestoreAsync(string accountId, string id, int version, int? expectedVersion, CancellationToken cancellationToken,
        bool acceptSampleChanges = false)
    {
        var old = await FindAsync(accountId, id, cancellationToken) is null ? null : await WebhookVersionsApi.FindVersionAsync(db, id, version, cancellationToken);
        return old is null
            ? new EditResult.NotFound()
            : await ReplaceAsync(accountId, id, stored.Read(old.DefinitionJson, id), expectedVersion, cancellationToken, acceptSampleChanges);
    }

    public async Task<EditResult> TransitionAsync(string accountId, string id, string target, CancellationToken cancellationToken)
    {
        var row = await FindAsync(accountId, id, cancellationToken);
        if (row is null)
        {
            return new EditResult.NotFound();
        }
        var allowed = (row.Status, target) is (WebhookStatus.Inactive, WebhookStatus.Active) or (WebhookStatus.Active, WebhookStatus.Inactive)
            or (WebhookStatus.Inactive, WebhookStatus.Archived);
        if (!allowed)
        {
            return new EditResult.Refused(409, "illegal_transition", (row.Status, target) switch
            {
                (WebhookStatus.Active, WebhookStatus.Archived) => "only an inactive webhook can be archived: set it inactive first",
                (WebhookStatus.Archived, _) => "an archived webhook cannot change anymore",
                _ => $"the webhook is already {row.Status}",
            });
        }
        row.Status = target;
        row.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await registry.ReloadAfterChangeAsync(accountId);
        return new EditResult.Saved(row);
    }

    public Task<WebhookRow?> FindAsync(string accountId, string id, CancellationToken cancellationToken) =>
        db.Webhooks.FirstOrDefaultAsync(w => w.Id == id && w.AccountId == accountId, cancellationToken);


    /// <summary>Every fault of the definition against the account's catalog, and whether its endpoint is free.</summary>
    private async Task<EditResult?> CheckAsync(string accountId, string? id, WebhookDefinition definition, CancellationToken cancellationToken)
    {
        var errors = WebhookValidator.Validate(definition, registry.Catalog(accountId));
        if (errors.Count > 0)
        {
            return new EditResult.Invalid(errors);
        }
        var taken = await db.Webhooks.AnyAsync(w => w.AccountId == accountId && w.Id != id && w.Status != WebhookStatus.Archived
            && w.Method == definition.Method && w.Endpoint == definition.Endpoint, cancellationToken);
        return taken ? EndpointTaken(definition) : null;
    }

    /// <summary>The samples the definition would change; when accepted, none: their expectations are updated, saved with the version.</summary>
    private async Task<List<SampleChange>> SampleChangesAsync(string accountId, string id, WebhookDefinition definition, bool accept, CancellationToken cancellationToken)
    {
        var changes = new List<SampleChange>();
        var rows = await db.WebhookSamples.Where(s => s.WebhookId == id).OrderBy(s => s.Name).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return changes;
        }
        // Compiled once for all the samples; the definition validated against the catalog just now, so it compiles.
        var compiled = samples.Compile(accountId, definition)!;
        foreach (var sample in rows)
        {
            var result = samples.Run(accountId, compiled, sample.Headers, sample.Body);
            if (result.SameAs(sample.Expected))
            {
                continue;
            }
            changes.Add(new SampleChange(sample.Id, sample.Name, sample.Expected, result));
            if (accept)
            {
                sample.Expected = result;
            }
        }
        return accept ? [] : changes;
    }

    private async Task<EditResult> SaveAsync(string accountId, WebhookRow row, WebhookDefinition definition, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e)
        {
            // Two saves raced: for the same version of this webhook, or for the same endpoint. The store let one through.
            db.ChangeTracker.Clear();
            return e.InnerException?.Message.Contains("WebhookVersions", StringComparison.Ordinal) == true
                ? new EditResult.Refused(412, "version_mismatch", "another save of this webhook came first: read it again and reapply your change")
                : EndpointTaken(definition);
        }
        await registry.ReloadAfterChangeAsync(accountId);
        return new EditResult.Saved(row);
    }

    private static EditResult.Refused EndpointTaken(WebhookDefinition definition) =>
        new(409, "endpoint_taken", $"another webhook already answers {definition.Method} {definition.Endpoint}: choose another endpoint, or archive that webhook");
}

/// <summary>What a change to a webhook came to.</summary>
internal abstract record EditResult
{
    private EditResult()
    {
    }

    public sealed record Saved(WebhookRow Row) : EditResult;

    public sealed record Invalid(IReadOnlyList<ValidationError> Errors) : EditResult;

    public sealed record Refused(int Status, string Code, string Message) : EditResult;

    public sealed record NotFound : EditResult;

    /// <summary>Samples of the webhook that the new definition would answer differently; nothing was saved.</summary>
    public sealed record SamplesChanged(IReadOnlyList<SampleChange> Changes) : EditResult;
}
