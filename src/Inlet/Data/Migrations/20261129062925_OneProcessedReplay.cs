using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inlet.Data.Migrations
{
    /// <inheritdoc />
    public partial class OneProcessedReplay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_RequestLogs_ReplayOf",
                table: "RequestLogs",
                column: "ReplayOf",
                unique: true,
                filter: "\"ReplayOf\" IS NOT NULL AND \"Outcome\" = 'processed'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RequestLogs_ReplayOf",
                table: "RequestLogs");
        }
    }
}
