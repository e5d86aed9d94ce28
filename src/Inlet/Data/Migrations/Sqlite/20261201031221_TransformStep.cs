using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inlet.Data.Migrations.Sqlite
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
                type: "TEXT",
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
