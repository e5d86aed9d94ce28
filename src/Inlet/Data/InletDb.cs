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
    public DbSet<Traffic.HourlyStatsRow> HourlyRequestStats => Set<Traffic.HourlyStatsRow>();
    public DbSet<Traffic.MinuteStatsRow> MinuteRequestStats => Set<Traffic.MinuteStatsRow>();
    public DbSet<Alerts.AlertRuleRow> AlertRules => Set<Alerts.AlertRuleRow>();
    public DbSet<Alerts.AlertIncidentRow> AlertIncidents => Set<Alerts.AlertIncidentRow>();
    public DbSet<Alerts.AlertDeliveryRow> AlertDeliveries => Set<Alerts.AlertDeliveryRow>();

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
        // Keyed for one webhook over a time range; indexed for all of an account's webhooks over one (the list, the alert rules).
        modelBuilder.Entity<Traffic.HourlyStatsRow>(e =>
        {
            e.HasKey(s => new { s.AccountId, s.WebhookId, s.Start, s.Outcome, s.Shard });
            e.HasIndex(s => new { s.AccountId, s.Start });
        });
        modelBuilder.Entity<Traffic.MinuteStatsRow>(e =>
        {
            e.HasKey(s => new { s.AccountId, s.WebhookId, s.Start, s.Outcome, s.Shard });
            e.HasIndex(s => new { s.AccountId, s.Start });
        });
        KeyAlerts(modelBuilder);
    }

    /// <summary>
    /// Deleting a rule deletes its history. The store allows one open incident per rule and webhook, and indexes the open ones
    /// by account (the banner on every Backoffice page) and the notices still to send: both hold few rows however long the history.
    /// </summary>
    private static void KeyAlerts(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Alerts.AlertRuleRow>(e =>
        {
            e.HasKey(r => r.Id);
            e.HasIndex(r => r.AccountId);
        });
        modelBuilder.Entity<Alerts.AlertIncidentRow>(e =>
        {
            e.HasKey(i => i.Id);
            e.HasOne<Alerts.AlertRuleRow>().WithMany().HasForeignKey(i => i.RuleId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(i => new { i.RuleId, i.FiredAt });
            e.HasIndex(i => new { i.RuleId, i.WebhookId }).IsUnique().HasFilter(OpenIncidents).HasDatabaseName("IX_AlertIncidents_Open");
            e.HasIndex(i => new { i.AccountId, i.FiredAt }).HasFilter(OpenIncidents).HasDatabaseName("IX_AlertIncidents_Firing");
            e.HasIndex(i => i.FiredAt).HasFilter("\"FiringNotice\" = 'pending' OR \"ResolvedNotice\" = 'pending'").HasDatabaseName("IX_AlertIncidents_Unsent");
        });
        modelBuilder.Entity<Alerts.AlertDeliveryRow>(e =>
        {
            e.HasKey(d => d.Id);
            e.HasOne<Alerts.AlertIncidentRow>().WithMany().HasForeignKey(d => d.IncidentId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(d => d.IncidentId);
        });
    }

    private const string OpenIncidents = "\"ResolvedAt\" IS NULL";

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
