using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inlet.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TransformStep : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TransformedBody",
                table: "RequestLogs",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TransformedBody",
                table: "RequestLogs");
        }
    }
}
