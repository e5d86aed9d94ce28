using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inlet.Data.Migrations.Sqlite
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
                    ReplayId = table.Column<string>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    LogId = table.Column<string>(type: "TEXT", nullable: false),
                    OriginalOutcome = table.Column<string>(type: "TEXT", nullable: false),
                    NewOutcome = table.Column<string>(type: "TEXT", nullable: false),
                    EventJson = table.Column<string>(type: "TEXT", nullable: true),
                    Points = table.Column<long>(type: "INTEGER", nullable: true),
                    ReasonCode = table.Column<string>(type: "TEXT", nullable: true),
                    ReasonMessage = table.Column<string>(type: "TEXT", nullable: true),
                    AppliedOutcome = table.Column<string>(type: "TEXT", nullable: true),
                    AppliedLogId = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReplayItems", x => new { x.ReplayId, x.Position });
                });

            migrationBuilder.CreateTable(
                name: "Replays",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", nullable: false),
                    FilterJson = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<string>(type: "TEXT", nullable: false),
                    AppliedAt = table.Column<string>(type: "TEXT", nullable: true),
                    Requests = table.Column<int>(type: "INTEGER", nullable: false),
                    NewlyProcessed = table.Column<int>(type: "INTEGER", nullable: false),
                    StillFailing = table.Column<int>(type: "INTEGER", nullable: false),
                    Duplicates = table.Column<int>(type: "INTEGER", nullable: false),
                    Points = table.Column<long>(type: "INTEGER", nullable: false)
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
