using Inlet.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Inlet.Hosting;

/// <summary>The store's schema: brought up to date at every start (<see cref="StoreInitializer"/>) or by <c>inlet migrate</c>.</summary>
internal static class StoreMigrations
{
    /// <summary>Applies the migrations the store lacks and returns their names. Call it holding <see cref="NodeLocks.Initialization"/>.</summary>
    public static async Task<IReadOnlyList<string>> ApplyAsync(InletDb db, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            // EF Core logs an error when it looks for its history table in an empty database; with the table there, it does not.
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        }
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        return pending;
    }

    /// <summary>Whether the store has every migration this version knows, found without changing it.</summary>
    public static async Task<bool> AreAppliedAsync(InletDb db, CancellationToken cancellationToken)
    {
        // The catalog says whether the history table exists: EF Core's own check answers true on an empty PostgreSQL database,
        // and reading a table that is not there logs an error.
        var historyExists = db.Database.IsNpgsql()
            ? db.Database.SqlQuery<bool>($"SELECT to_regclass('\"__EFMigrationsHistory\"') IS NOT NULL AS \"Value\"")
            : db.Database.SqlQuery<bool>($"SELECT count(*) > 0 AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'");
        return await historyExists.SingleAsync(cancellationToken) && !(await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any();
    }
}
