using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inlet.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Alerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AlertRules",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    AccountId = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    WebhookId = table.Column<string>(type: "text", nullable: true),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    Threshold = table.Column<double>(type: "double precision", nullable: true),
                    WindowMinutes = table.Column<int>(type: "integer", nullable: false),
                    MinRequests = table.Column<int>(type: "integer", nullable: true),
                    NotifyUrl = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlertRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AlertIncidents",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    AccountId = table.Column<string>(type: "text", nullable: false),
                    RuleId = table.Column<string>(type: "text", nullable: false),
                    WebhookId = table.Column<string>(type: "text", nullable: false),
                    FiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Requests = table.Column<long>(type: "bigint", nullable: false),
                    Failures = table.Column<long>(type: "bigint", nullable: false),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolvedRequests = table.Column<long>(type: "bigint", nullable: true),
                    ResolvedFailures = table.Column<long>(type: "bigint", nullable: true),
                    FiringNotice = table.Column<string>(type: "text", nullable: false),
                    ResolvedNotice = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlertIncidents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AlertIncidents_AlertRules_RuleId",
                        column: x => x.RuleId,
                        principalTable: "AlertRules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AlertDeliveries",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    IncidentId = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "text", nullable: false),
                    Attempt = table.Column<int>(type: "integer", nullable: false),
                    AttemptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StatusCode = table.Column<int>(type: "integer", nullable: true),
                    Error = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlertDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AlertDeliveries_AlertIncidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "AlertIncidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AlertDeliveries_IncidentId",
                table: "AlertDeliveries",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_AlertIncidents_Firing",
                table: "AlertIncidents",
                columns: new[] { "AccountId", "FiredAt" },
                filter: "\"ResolvedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AlertIncidents_Open",
                table: "AlertIncidents",
                columns: new[] { "RuleId", "WebhookId" },
                unique: true,
                filter: "\"ResolvedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AlertIncidents_RuleId_FiredAt",
                table: "AlertIncidents",
                columns: new[] { "RuleId", "FiredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AlertIncidents_Unsent",
                table: "AlertIncidents",
                column: "FiredAt",
                filter: "\"FiringNotice\" = 'pending' OR \"ResolvedNotice\" = 'pending'");

            migrationBuilder.CreateIndex(
                name: "IX_AlertRules_AccountId",
                table: "AlertRules",
                column: "AccountId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AlertDeliveries");

            migrationBuilder.DropTable(
                name: "AlertIncidents");

            migrationBuilder.DropTable(
                name: "AlertRules");
        }
    }
}
