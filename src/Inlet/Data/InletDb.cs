using Inlet.Accounts;
using Inlet.Events;
using Inlet.Logs;
using Inlet.Members;
using Inlet.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inlet.Data;

/// <summary>
/// Inlet's store, the same model on every provider (<see cref="SqliteInletDb"/>, <see cref="PostgresInletDb"/>, each with its
/// own migrations). Business keys are primary keys, so the database itself refuses a duplicate purchase or line item.
/// </summary>
internal abstract class InletDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<User> Users => Set<User>();
    public DbSet<WebhookRow> Webhooks => Set<WebhookRow>();
    public DbSet<WebhookVersionRow> WebhookVersions => Set<WebhookVersionRow>();
    public DbSet<Samples.SampleRow> WebhookSamples => Set<Samples.SampleRow>();
    public DbSet<EventTypeRow> EventTypes => Set<EventTypeRow>();
    public DbSet<EventRow> Events => Set<EventRow>();
    public DbSet<MemberRow> Members => Set<MemberRow>();
    public DbSet<TransactionRow> Transactions => Set<TransactionRow>();
    public DbSet<TransactionItemRow> TransactionItems => Set<TransactionItemRow>();
    public DbSet<RequestLogRow> RequestLogs => Set<RequestLogRow>();
    public DbSet<IdempotencyRow> IdempotencyKeys => Set<IdempotencyRow>();
    public DbSet<Parked.ParkedEventRow> ParkedEvents => Set<Parked.ParkedEventRow>();
    public DbSet<Replays.ReplayRow> Replays => Set<Replays.ReplayRow>();
    public DbSet<Replays.ReplayItemRow> ReplayItems => Set<Replays.ReplayItemRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Account>().HasKey(a => a.Id);
        modelBuilder.Entity<ApiKey>(e =>
        {
            e.HasKey(k => k.Id);
            e.HasIndex(k => k.Hash).IsUnique();
            e.HasIndex(k => k.AccountId);
        });
        modelBuilder.Entity<User>(e =>
        {
            e.HasKey(u => u.Id);
            e.HasIndex(u => u.UserName).IsUnique();
        });
        modelBuilder.Entity<WebhookRow>(e =>
        {
            e.HasKey(w => w.Id);
            // An endpoint is unique per account and method among webhooks that are not archived (spec §2).
            e.HasIndex(w => new { w.AccountId, w.Method, w.Endpoint }).IsUnique().HasFilter("\"Status\" <> 'archived'");
            e.HasIndex(w => new { w.AccountId, w.Status });
        });
        modelBuilder.Entity<WebhookVersionRow>().HasKey(v => new { v.WebhookId, v.Version });
        modelBuilder.Entity<Parked.ParkedEventRow>(e =>
        {
            e.HasKey(p => p.Id);
            e.HasIndex(p => new { p.AccountId, p.CustomerId, p.Id });
            e.HasIndex(p => p.ParkedAt);
            e.Ignore(p => p.Event);
            e.Ignore(p => p.Type);
        });
        modelBuilder.Entity<Samples.SampleRow>(e =>
        {
            e.HasKey(s => s.Id);
            e.HasIndex(s => new { s.WebhookId, s.Name }).IsUnique();
            e.Ignore(s => s.Headers);
            e.Ignore(s => s.Expected);
        });
        modelBuilder.Entity<EventTypeRow>().HasKey(t => new { t.AccountId, t.Name });
        modelBuilder.Entity<EventRow>(e =>
        {
            e.HasKey(v => v.Id);
            // A member's history, also by action and for once-only checks: one more index per member would cost every event a
            // random page write, for queries that read one member's events anyway.
            e.HasIndex(v => new { v.AccountId, v.CustomerId, v.Id });
        });
        modelBuilder.Entity<MemberRow>().HasKey(m => new { m.AccountId, m.Id });
        modelBuilder.Entity<TransactionRow>().HasKey(t => new { t.AccountId, t.Id });
        modelBuilder.Entity<TransactionItemRow>().HasKey(i => new { i.AccountId, i.TransactionId, i.ProductId });
        modelBuilder.Entity<RequestLogRow>(e =>
        {
            KeyRequestLogs(e);
            e.HasIndex(l => new { l.AccountId, l.WebhookId, l.Id });
            e.HasIndex(l => new { l.AccountId, l.CustomerId, l.Id });
            // A time range, read in the order this index keeps (LogFilter); pruning, across accounts, reads ReceivedAt's.
            e.HasIndex(l => new { l.AccountId, l.ReceivedAt, l.Id });
            e.HasIndex(l => l.ReceivedAt);
        });
        modelBuilder.Entity<IdempotencyRow>(e =>
        {
            e.HasKey(k => new { k.WebhookId, k.Key });
            e.HasIndex(k => k.CreatedAt);
        });
        modelBuilder.Entity<Replays.ReplayRow>(e =>
        {
            e.HasKey(r => r.Id);
            e.HasIndex(r => new { r.AccountId, r.CreatedAt });
        });
        modelBuilder.Entity<Replays.ReplayItemRow>().HasKey(i => new { i.ReplayId, i.Position });
    }

    /// <summary>
    /// The request log's key, its account's index, and the index that finds a request's processed replay; PostgreSQL, which
    /// partitions the table by time, keys it its own way.
    /// </summary>
    protected virtual void KeyRequestLogs(EntityTypeBuilder<RequestLogRow> logs)
    {
        logs.HasKey(l => l.Id);
        logs.HasIndex(l => new { l.AccountId, l.Id });
        // A logged request is replayed into an event at most once, even when two replays race.
        logs.HasIndex(l => l.ReplayOf).IsUnique().HasFilter(ProcessedReplays);
    }

    /// <summary>The rows the replay index holds: processed replays, so every other request costs it nothing.</summary>
    protected const string ProcessedReplays = "\"ReplayOf\" IS NOT NULL AND \"Outcome\" = 'processed'";
}
