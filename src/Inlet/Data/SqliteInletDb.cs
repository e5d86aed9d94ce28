using Microsoft.EntityFrameworkCore;

namespace Inlet.Data;

/// <summary>The store in one SQLite file: the default, for one node.</summary>
internal sealed class SqliteInletDb(DbContextOptions<SqliteInletDb> options) : InletDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no native decimal or offset types: store both as text, exact and provider-neutral.
        configurationBuilder.Properties<decimal>().HaveConversion<string>();
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTextConverter>();
    }
}
