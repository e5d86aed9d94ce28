using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inlet.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ParkedEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ParkedEvents",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<string>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", nullable: false),
                    DataJson = table.Column<string>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    RequestLogId = table.Column<string>(type: "TEXT", nullable: true),
                    BuiltIn = table.Column<bool>(type: "INTEGER", nullable: false),
                    Points = table.Column<long>(type: "INTEGER", nullable: true),
                    Once = table.Column<bool>(type: "INTEGER", nullable: false),
                    ParkedAt = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParkedEvents", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ParkedEvents_AccountId_CustomerId_Id",
                table: "ParkedEvents",
                columns: new[] { "AccountId", "CustomerId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ParkedEvents_ParkedAt",
                table: "ParkedEvents",
                column: "ParkedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ParkedEvents");
        }
    }
}
