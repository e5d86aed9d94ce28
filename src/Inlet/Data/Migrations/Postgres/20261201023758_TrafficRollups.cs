using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inlet.Data.Migrations.Postgres
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
                    AccountId = table.Column<string>(type: "text", nullable: false),
                    WebhookId = table.Column<string>(type: "text", nullable: false),
                    Start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Outcome = table.Column<string>(type: "text", nullable: false),
                    Shard = table.Column<int>(type: "integer", nullable: false),
                    Requests = table.Column<long>(type: "bigint", nullable: false),
                    Failures = table.Column<long>(type: "bigint", nullable: false),
                    PointsAdded = table.Column<long>(type: "bigint", nullable: false),
                    PointsSubtracted = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HourlyRequestStats", x => new { x.AccountId, x.WebhookId, x.Start, x.Outcome, x.Shard });
                });

            migrationBuilder.CreateTable(
                name: "MinuteRequestStats",
                columns: table => new
                {
                    AccountId = table.Column<string>(type: "text", nullable: false),
                    WebhookId = table.Column<string>(type: "text", nullable: false),
                    Start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Outcome = table.Column<string>(type: "text", nullable: false),
                    Shard = table.Column<int>(type: "integer", nullable: false),
                    Requests = table.Column<long>(type: "bigint", nullable: false),
                    Failures = table.Column<long>(type: "bigint", nullable: false),
                    PointsAdded = table.Column<long>(type: "bigint", nullable: false),
                    PointsSubtracted = table.Column<long>(type: "bigint", nullable: false)
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
            migrationBuilder.Sql(Backfill("HourlyRequestStats", "1 hour", "true"));
            migrationBuilder.Sql(Backfill("MinuteRequestStats", "1 minute", "l.\"ReceivedAt\" >= now() - interval '2 days'"));
        }

        /// <summary>The counts of the logged requests per span (date_bin: UTC-aligned, whatever the session's time zone).</summary>
        private static string Backfill(string table, string span, string where) => $"""
            INSERT INTO "{table}" ("AccountId", "WebhookId", "Start", "Outcome", "Shard", "Requests", "Failures", "PointsAdded", "PointsSubtracted")
            SELECT l."AccountId", l."WebhookId", date_bin('{span}', l."ReceivedAt", TIMESTAMPTZ '2000-01-01 00:00:00+00') AS "Start", l."Outcome", 0,
                count(*), count(*) FILTER (WHERE l."StatusCode" NOT BETWEEN 200 AND 299),
                COALESCE(sum(e."PointsDelta") FILTER (WHERE e."PointsDelta" > 0), 0),
                COALESCE(-sum(e."PointsDelta") FILTER (WHERE e."PointsDelta" < 0), 0)
            FROM "RequestLogs" AS l LEFT JOIN "Events" AS e ON e."Id" = l."EventId"
            WHERE l."WebhookId" IS NOT NULL AND {where}
            GROUP BY l."AccountId", l."WebhookId", "Start", l."Outcome"
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
