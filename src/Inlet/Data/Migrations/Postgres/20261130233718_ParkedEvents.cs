using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inlet.Data.Migrations.Postgres
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
                    Id = table.Column<string>(type: "text", nullable: false),
                    AccountId = table.Column<string>(type: "text", nullable: false),
                    CustomerId = table.Column<string>(type: "text", nullable: false),
                    Action = table.Column<string>(type: "text", nullable: false),
                    DataJson = table.Column<string>(type: "text", nullable: false),
                    Source = table.Column<string>(type: "text", nullable: false),
                    RequestLogId = table.Column<string>(type: "text", nullable: true),
                    BuiltIn = table.Column<bool>(type: "boolean", nullable: false),
                    Points = table.Column<long>(type: "bigint", nullable: true),
                    Once = table.Column<bool>(type: "boolean", nullable: false),
                    ParkedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
