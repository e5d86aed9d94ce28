using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Inlet.Data;

/// <summary>
/// The store on PostgreSQL, shared by every node: numeric and timestamptz columns, and the Data Protection key ring, so a
/// cookie or an encrypted secret written by one node is read by all.
/// </summary>
internal sealed class PostgresInletDb(DbContextOptions<PostgresInletDb> options) : InletDb(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        // timestamptz holds instants: whatever offset an instant was read with, it is written in UTC.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();

    private sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
}
