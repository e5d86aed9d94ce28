using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inlet.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DropEventsActionIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Events_AccountId_CustomerId_Action",
                table: "Events");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Events_AccountId_CustomerId_Action",
                table: "Events",
                columns: new[] { "AccountId", "CustomerId", "Action" });
        }
    }
}
