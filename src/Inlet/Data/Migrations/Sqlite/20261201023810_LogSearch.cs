using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inlet.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LogSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_RequestLogs_AccountId_ReceivedAt_Id",
                table: "RequestLogs",
                columns: new[] { "AccountId", "ReceivedAt", "Id" });

            // Body text search (Logs/LogText.cs): an FTS5 index of RequestLogs.Body, which it reads the text from (external
            // content, by rowid), in trigrams so any substring of three characters or more is found, case-sensitive as a
            // scan was; detail=none keeps only which rows hold a trigram, the least each logged request writes. The writer adds
            // each batch's log rows in one statement at its commit (a trigger would run inside each request's savepoint, at
            // which FTS5 writes a segment: several times slower); triggers keep it in step with deletes (pruning) and changes
            // of Body. Every row goes in, a NULL body too, as FTS5's integrity check expects. Rows logged before are indexed by the rebuild.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "RequestLogsText" USING fts5(
                    "Body", content='RequestLogs', content_rowid='rowid', tokenize='trigram case_sensitive 1', detail='none');
                CREATE TRIGGER "RequestLogsText_Delete" AFTER DELETE ON "RequestLogs" BEGIN
                    INSERT INTO "RequestLogsText"("RequestLogsText", rowid, "Body") VALUES ('delete', old.rowid, old."Body");
                END;
                CREATE TRIGGER "RequestLogsText_Update" AFTER UPDATE OF "Body" ON "RequestLogs" BEGIN
                    INSERT INTO "RequestLogsText"("RequestLogsText", rowid, "Body") VALUES ('delete', old.rowid, old."Body");
                    INSERT INTO "RequestLogsText"(rowid, "Body") VALUES (new.rowid, new."Body");
                END;
                INSERT INTO "RequestLogsText"("RequestLogsText") VALUES ('rebuild');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "RequestLogsText_Update";
                DROP TRIGGER "RequestLogsText_Delete";
                DROP TABLE "RequestLogsText";
                """);

            migrationBuilder.DropIndex(
                name: "IX_RequestLogs_AccountId_ReceivedAt_Id",
                table: "RequestLogs");
        }
    }
}
