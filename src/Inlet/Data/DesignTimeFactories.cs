using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Inlet.Data;

// What `dotnet ef migrations add <Name> --context SqliteInletDb|PostgresInletDb` builds the model with; no database is opened.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteInletDb>
{
    public SqliteInletDb CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<SqliteInletDb>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresInletDb>
{
    public PostgresInletDb CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<PostgresInletDb>().UseNpgsql("Host=localhost").Options);
}
