using Inlet.Logs;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Inlet.Data;

/// <summary>
/// The store on PostgreSQL, shared by every node: numeric and timestamptz columns, and the Data Protection key ring, so a
/// cookie or an encrypted secret written by one node is read by all.
/// </summary>
internal sealed class PostgresInletDb(DbContextOptions<PostgresInletDb> options) : InletDb(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // Body text search (LogText): LIKE '%…%' runs on this trigram index, made on every partition, rather than a scan.
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.Entity<RequestLogRow>().HasIndex(l => l.Body).HasMethod("gin").HasOperators("gin_trgm_ops");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        // timestamptz holds instants: whatever offset an instant was read with, it is written in UTC.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();

    /// <summary>
    /// The request log is partitioned by day (<see cref="LogPartitions"/>), and a partitioned table's unique keys must hold
    /// its partition key, ReceivedAt. Keyed by account and id first, the key also serves an account's log pages and a
    /// look-up by id, so no separate (AccountId, Id) index costs every request one more insert. No unique index can say "one
    /// processed replay per request" across partitions: replays take turns under an advisory lock instead
    /// (<see cref="LogReplay"/>), and this index, holding processed replays only, finds the one before.
    /// </summary>
    protected override void KeyRequestLogs(EntityTypeBuilder<RequestLogRow> logs)
    {
        logs.HasKey(l => new { l.AccountId, l.Id, l.ReceivedAt });
        logs.HasIndex(l => l.ReplayOf).HasFilter(ProcessedReplays);
    }

    private sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
}
