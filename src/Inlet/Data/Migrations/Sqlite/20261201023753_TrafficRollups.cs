using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inlet.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TrafficRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HourlyRequestStats",
                columns: table => new
                {
                    AccountId = table.Column<string>(type: "TEXT", nullable: false),
                    WebhookId = table.Column<string>(type: "TEXT", nullable: false),
                    Start = table.Column<string>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", nullable: false),
                    Shard = table.Column<int>(type: "INTEGER", nullable: false),
                    Requests = table.Column<long>(type: "INTEGER", nullable: false),
                    Failures = table.Column<long>(type: "INTEGER", nullable: false),
                    PointsAdded = table.Column<long>(type: "INTEGER", nullable: false),
                    PointsSubtracted = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HourlyRequestStats", x => new { x.AccountId, x.WebhookId, x.Start, x.Outcome, x.Shard });
                });

            migrationBuilder.CreateTable(
                name: "MinuteRequestStats",
                columns: table => new
                {
                    AccountId = table.Column<string>(type: "TEXT", nullable: false),
                    WebhookId = table.Column<string>(type: "TEXT", nullable: false),
                    Start = table.Column<string>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", nullable: false),
                    Shard = table.Column<int>(type: "INTEGER", nullable: false),
                    Requests = table.Column<long>(type: "INTEGER", nullable: false),
                    Failures = table.Column<long>(type: "INTEGER", nullable: false),
                    PointsAdded = table.Column<long>(type: "INTEGER", nullable: false),
                    PointsSubtracted = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MinuteRequestStats", x => new { x.AccountId, x.WebhookId, x.Start, x.Outcome, x.Shard });
                });

            migrationBuilder.CreateIndex(
                name: "IX_HourlyRequestStats_AccountId_Start",
                table: "HourlyRequestStats",
                columns: new[] { "AccountId", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_MinuteRequestStats_AccountId_Start",
                table: "MinuteRequestStats",
                columns: new[] { "AccountId", "Start" });

            // The requests logged before the rollups existed: every hour the log still holds, and the minutes of the last two days.
            migrationBuilder.Sql(Backfill("HourlyRequestStats", 13, ":00:00.0000000Z", "1"));
            migrationBuilder.Sql(Backfill("MinuteRequestStats", 16, ":00.0000000Z", "l.ReceivedAt >= strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-2 days')"));
        }

        /// <summary>The counts of the logged requests per span: the first characters of their receipt time (UTC text) name the span.</summary>
        private static string Backfill(string table, int prefix, string rest, string where) => $"""
            INSERT INTO {table} (AccountId, WebhookId, Start, Outcome, Shard, Requests, Failures, PointsAdded, PointsSubtracted)
            SELECT l.AccountId, l.WebhookId, substr(l.ReceivedAt, 1, {prefix}) || '{rest}', l.Outcome, 0, COUNT(*),
                SUM(CASE WHEN l.StatusCode BETWEEN 200 AND 299 THEN 0 ELSE 1 END),
                COALESCE(SUM(CASE WHEN e.PointsDelta > 0 THEN e.PointsDelta END), 0),
                COALESCE(SUM(CASE WHEN e.PointsDelta < 0 THEN -e.PointsDelta END), 0)
            FROM RequestLogs AS l LEFT JOIN Events AS e ON e.Id = l.EventId
            WHERE l.WebhookId IS NOT NULL AND {where}
            GROUP BY l.AccountId, l.WebhookId, substr(l.ReceivedAt, 1, {prefix}), l.Outcome
            """;

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HourlyRequestStats");

            migrationBuilder.DropTable(
                name: "MinuteRequestStats");
        }
    }
}
