using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inlet.Data.Migrations
{
    /// <inheritdoc />
    public partial class LogReplays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReplayOf",
                table: "RequestLogs",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReplayOf",
                table: "RequestLogs");
        }
    }
}
