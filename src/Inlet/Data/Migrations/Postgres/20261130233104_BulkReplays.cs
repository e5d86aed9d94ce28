using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inlet.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BulkReplays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReplayItems",
                columns: table => new
                {
                    ReplayId = table.Column<string>(type: "text", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    LogId = table.Column<string>(type: "text", nullable: false),
                    OriginalOutcome = table.Column<string>(type: "text", nullable: false),
                    NewOutcome = table.Column<string>(type: "text", nullable: false),
                    EventJson = table.Column<string>(type: "text", nullable: true),
                    Points = table.Column<long>(type: "bigint", nullable: true),
                    ReasonCode = table.Column<string>(type: "text", nullable: true),
                    ReasonMessage = table.Column<string>(type: "text", nullable: true),
                    AppliedOutcome = table.Column<string>(type: "text", nullable: true),
                    AppliedLogId = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReplayItems", x => new { x.ReplayId, x.Position });
                });

            migrationBuilder.CreateTable(
                name: "Replays",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    AccountId = table.Column<string>(type: "text", nullable: false),
                    FilterJson = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AppliedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Requests = table.Column<int>(type: "integer", nullable: false),
                    NewlyProcessed = table.Column<int>(type: "integer", nullable: false),
                    StillFailing = table.Column<int>(type: "integer", nullable: false),
                    Duplicates = table.Column<int>(type: "integer", nullable: false),
                    Points = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Replays", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Replays_AccountId_CreatedAt",
                table: "Replays",
                columns: new[] { "AccountId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReplayItems");

            migrationBuilder.DropTable(
                name: "Replays");
        }
    }
}
