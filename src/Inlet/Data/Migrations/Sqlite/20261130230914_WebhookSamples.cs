using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inlet.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WebhookSamples : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WebhookSamples",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    WebhookId = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    HeadersJson = table.Column<string>(type: "TEXT", nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", nullable: false),
                    EventJson = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebhookSamples", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WebhookSamples_WebhookId_Name",
                table: "WebhookSamples",
                columns: new[] { "WebhookId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WebhookSamples");
        }
    }
}
