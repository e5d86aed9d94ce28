using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inlet.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LogSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateIndex(
                name: "IX_RequestLogs_AccountId_ReceivedAt_Id",
                table: "RequestLogs",
                columns: new[] { "AccountId", "ReceivedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RequestLogs_Body",
                table: "RequestLogs",
                column: "Body")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RequestLogs_AccountId_ReceivedAt_Id",
                table: "RequestLogs");

            migrationBuilder.DropIndex(
                name: "IX_RequestLogs_Body",
                table: "RequestLogs");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}
