using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;
using Inlet.Data;
using Inlet.Engine;
using Inlet.Engine.Events;
using Inlet.Engine.Members;
using Inlet.Engine.Webhooks;
using Inlet.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inlet.Webhooks;

/// <summary>
/// Every account's webhooks, compiled, with its event catalog and settings, in one immutable snapshot that is swapped whole
/// when a webhook, an event type or the settings change. The request path reads it with no lock and no database. A webhook
/// that no longer compiles keeps its last good version (yarp does the same for routes).
/// </summary>
internal sealed partial class WebhookRegistry(IServiceScopeFactory scopes, StoredDefinitions stored, IOptions<IngestionOptions> options,
    ILogger<WebhookRegistry> logger, ConfigurationNotices? notices = null) : IDisposable
{
    private readonly SemaphoreSlim _reloading = new(1, 1);
    private volatile Snapshot _snapshot = Snapshot.Empty;

    public void Dispose() => _reloading.Dispose();

    public Resolution Resolve(string accountId, string endpoint, string method)
    {
        var snapshot = _snapshot;
        if (!snapshot.Accounts.TryGetValue(accountId, out var account))
        {
            return new Resolution(ResolutionKind.UnknownAccount, null, []);
        }
        if (!account.ByEndpoint.TryGetValue(endpoint, out var sameEndpoint))
        {
            return new Resolution(ResolutionKind.UnknownEndpoint, null, []);
        }
        LiveWebhook? archived = null;
        var allowed = ImmutableArray<string>.Empty;
        foreach (var webhook in sameEndpoint)
        {
            if (webhook.Status == WebhookStatus.Archived)
            {
                archived ??= webhook;
            }
            else if (webhook.Method == method)
            {
                return new Resolution(ResolutionKind.Found, webhook, []);
            }
            else
            {
                allowed = allowed.Add(webhook.Method);
            }
        }
        return allowed.IsEmpty
            ? new Resolution(ResolutionKind.Archived, archived, [])
            : new Resolution(ResolutionKind.MethodNotAllowed, null, allowed);
    }

    /// <summary>One webhook of the account as it is served now, by id.</summary>
    public LiveWebhook? Find(string accountId, string webhookId) =>
        _snapshot.Accounts.TryGetValue(accountId, out var account) ? account.Webhooks.FirstOrDefault(w => w.Id == webhookId) : null;

    /// <summary>The account's catalog: built-in types plus its custom ones.</summary>
    public EventCatalog Catalog(string accountId) =>
        _snapshot.Accounts.TryGetValue(accountId, out var account) ? account.Catalog : EventCatalog.BuiltIn;

    /// <summary>The account's settings (spec §6), as the next event reads them.</summary>
    public AccountSettings Settings(string accountId) =>
        _snapshot.Accounts.TryGetValue(accountId, out var account) ? account.Settings : AccountSettings.Default;

    public async Task ReloadAllAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InletDb>();
        var accounts = await db.Accounts.AsNoTracking().Select(a => a.Id).ToListAsync(cancellationToken);
        foreach (var account in accounts)
        {
            await ReloadAsync(account, cancellationToken);
        }
    }

    /// <summary>
    /// After a committed change: recompiles the account whatever happens to the request that made the change (a caller that
    /// hangs up must not leave the snapshot behind the store), and tells the other nodes, if any. A failure is logged; the
    /// last snapshot keeps serving (and other nodes find the change by its fingerprint within seconds).
    /// </summary>
    public async Task ReloadAfterChangeAsync(string accountId)
    {
        await ReloadAfterNoticeAsync(accountId);
        try
        {
            await (notices?.PublishAsync(accountId, CancellationToken.None) ?? Task.CompletedTask);
        }
        catch (System.Data.Common.DbException e)
        {
            LogNoticeFailure(e, accountId);
        }
    }

    /// <summary>After a change made here or on another node: recompiles the account; a failure is logged, the last snapshot keeps serving.</summary>
    public async Task ReloadAfterNoticeAsync(string accountId)
    {
        try
        {
            await ReloadAsync(accountId, CancellationToken.None);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or JsonException)
        {
            LogReloadFailure(e, accountId);
        }
    }

    /// <summary>Recompiles one account from the store and swaps the snapshot. Call after any change to its webhooks or types.</summary>
    public async Task ReloadAsync(string accountId, CancellationToken cancellationToken)
    {
        await _reloading.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<InletDb>();
            var settingsJson = await db.Accounts.AsNoTracking().Where(a => a.Id == accountId).Select(a => a.SettingsJson).SingleOrDefaultAsync(cancellationToken);
            if (settingsJson is null)
            {
                _snapshot = new Snapshot(_snapshot.Accounts.Remove(accountId));
                return;
            }
            var settings = JsonSerializer.Deserialize<AccountSettings>(settingsJson, EngineJson.Options)!;
            var types = await db.EventTypes.AsNoTracking().Where(t => t.AccountId == accountId).ToListAsync(cancellationToken);
            var catalog = EventCatalog.WithCustom(types.Select(t => CustomEventTypes.ToEventType(t.ReadDefinition())));
            var rows = await db.Webhooks.AsNoTracking().Where(w => w.AccountId == accountId).ToListAsync(cancellationToken);
            _snapshot.Accounts.TryGetValue(accountId, out var previous);
            var webhooks = rows.Select(row => Compile(row, catalog, previous)).ToImmutableArray();
            _snapshot = new Snapshot(_snapshot.Accounts.SetItem(accountId, new AccountWebhooks(catalog, settings, webhooks)));
        }
        finally
        {
            _reloading.Release();
        }
    }

    /// <summary>A definition compiled against the account's catalog as it is now, with the node's regex timeout: an unsaved one (a dry run), or a sample's.</summary>
    public CompileResult Compile(string accountId, WebhookDefinition definition) => Compile(definition, Catalog(accountId));

    private CompileResult Compile(WebhookDefinition definition, EventCatalog catalog) =>
        WebhookCompiler.Compile(definition, catalog, TimeSpan.FromMilliseconds(options.Value.RegexTimeoutMilliseconds), options.Value.TransformLimits);

    private LiveWebhook Compile(WebhookRow row, EventCatalog catalog, AccountWebhooks? previous)
    {
        if (row.Status == WebhookStatus.Archived)
        {
            return new LiveWebhook(row.Id, row.Version, row.Status, row.Method, row.Endpoint, null);
        }
        var result = Compile(stored.Read(row), catalog);
        if (result.Webhook is { } compiled)
        {
            return new LiveWebhook(row.Id, row.Version, row.Status, row.Method, row.Endpoint, compiled);
        }
        LogCompileFailure(row.Id, row.Version, string.Join("; ", result.Errors));
        var lastGood = previous?.Webhooks.FirstOrDefault(w => w.Id == row.Id && w.Compiled is not null);
        return lastGood is null
            ? new LiveWebhook(row.Id, row.Version, row.Status, row.Method, row.Endpoint, null)
            : lastGood with { Status = row.Status };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reloading the webhooks of account {AccountId} failed; the previous snapshot keeps serving")]
    private partial void LogReloadFailure(Exception exception, string accountId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The other nodes could not be told that account {AccountId} changed; they find it within seconds")]
    private partial void LogNoticeFailure(Exception exception, string accountId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook {WebhookId} v{Version} no longer compiles, the last good version keeps serving: {Errors}")]
    private partial void LogCompileFailure(string webhookId, int version, string errors);

    private sealed record Snapshot(ImmutableDictionary<string, AccountWebhooks> Accounts)
    {
        public static Snapshot Empty { get; } = new(ImmutableDictionary<string, AccountWebhooks>.Empty);
    }

    private sealed record AccountWebhooks(EventCatalog Catalog, AccountSettings Settings, ImmutableArray<LiveWebhook> Webhooks)
    {
        public FrozenDictionary<string, ImmutableArray<LiveWebhook>> ByEndpoint { get; } =
            Webhooks.GroupBy(w => w.Endpoint, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);
    }
}

/// <summary>A webhook as served: <see cref="Compiled"/> is null for an archived one, or one that never compiled.</summary>
internal sealed record LiveWebhook(string Id, int Version, string Status, string Method, string Endpoint, CompiledWebhook? Compiled);

internal enum ResolutionKind { UnknownAccount, UnknownEndpoint, MethodNotAllowed, Archived, Found }

internal sealed record Resolution(ResolutionKind Kind, LiveWebhook? Webhook, ImmutableArray<string> Allowed);
