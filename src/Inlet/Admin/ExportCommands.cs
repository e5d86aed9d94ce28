using System.CommandLine;
using System.Text.Json;
using Inlet.Export;

namespace Inlet.Admin;

/// <summary>
/// <c>inlet export --account &lt;id&gt;</c> and <c>inlet import &lt;file&gt; --account &lt;id&gt;</c>: the account's configuration
/// as a file, the same document as <c>GET /api/v1/export</c> and <c>POST /api/v1/import</c>.
/// </summary>
internal static class ExportCommands
{
    public static Command Export(AdminContext admin)
    {
        var account = AccountOption("The account to export");
        var output = new Option<FileInfo?>("--output", "-o") { HelpName = "file", Description = "Write the document to this file rather than to standard output" };
        var export = new Command("export", "Print the account's settings, event types and webhooks as JSON, secrets left out") { account, output };
        export.SetAction((parse, cancellationToken) => admin.RunAsync(async services =>
        {
            var accountId = parse.GetRequiredValue(account);
            if (!await admin.AccountExistsAsync(services, accountId, cancellationToken))
            {
                return 1;
            }
            var text = AccountExporter.Text(await services.GetRequiredService<AccountExporter>().ExportAsync(accountId, cancellationToken));
            if (parse.GetValue(output) is not { } file)
            {
                await admin.Out.WriteAsync(text);
                return 0;
            }
            try
            {
                await File.WriteAllTextAsync(file.FullName, text, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return admin.Fail($"{file.FullName} cannot be written: {e.Message}");
            }
            await admin.Out.WriteLineAsync($"Exported the account {accountId} to {file.FullName}.");
            return 0;
        }, cancellationToken));
        return export;
    }

    public static Command Import(AdminContext admin)
    {
        var path = new Argument<string>("file") { Description = "A document that export wrote; - reads standard input" };
        var account = AccountOption("The account to bring in line with the file");
        var dryRun = new Option<bool>("--dry-run") { Description = "Only print what the import would change" };
        var import = new Command("import", "Create or update the account's event types and webhooks (matched by method and endpoint) "
            + "and its settings from an exported file, and print what changed; nothing is removed") { path, account, dryRun };
        import.SetAction((parse, cancellationToken) => admin.RunAsync(async services =>
        {
            var (file, accountId) = (parse.GetRequiredValue(path), parse.GetRequiredValue(account));
            if (await ReadAsync(admin, file, cancellationToken) is not { } document)
            {
                return 1;
            }
            using (document)
            {
                if (!await admin.AccountExistsAsync(services, accountId, cancellationToken))
                {
                    return 1;
                }
                var result = await services.GetRequiredService<AccountImporter>().ImportAsync(accountId, document.RootElement, parse.GetValue(dryRun), cancellationToken);
                return result switch
                {
                    ImportResult.Done done => await PrintAsync(admin, done.Report),
                    ImportResult.Invalid invalid => admin.Fail($"{file} was not imported, nothing changed: {string.Join(Environment.NewLine + "  ", ["it has faults", .. invalid.Errors.Select(e => e.ToString())])}"),
                    ImportResult.Stopped stopped => admin.Fail($"The import stopped: {stopped.Reason}."),
                    _ => throw new System.Diagnostics.UnreachableException(),
                };
            }
        }, cancellationToken));
        return import;
    }

    private static Option<string> AccountOption(string description) => new("--account") { HelpName = "id", Description = description, Required = true };

    private static async Task<JsonDocument?> ReadAsync(AdminContext admin, string file, CancellationToken cancellationToken)
    {
        try
        {
            var text = file == "-" ? await admin.In.ReadToEndAsync(cancellationToken) : await File.ReadAllTextAsync(file, cancellationToken);
            return JsonDocument.Parse(text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            admin.Fail($"{file} cannot be read: {e.Message}");
        }
        catch (JsonException e)
        {
            admin.Fail($"{file} is not JSON: {e.Message}");
        }
        return null;
    }

    private static async Task<int> PrintAsync(AdminContext admin, ImportReport report)
    {
        foreach (var change in report.Changes)
        {
            await admin.Out.WriteLineAsync($"{(report.DryRun ? "would " : "")}{change}");
        }
        foreach (var note in report.Notes)
        {
            await admin.Out.WriteLineAsync($"note: {note}");
        }
        var count = $"{report.Changes.Count} change{(report.Changes.Count == 1 ? "" : "s")}";
        await admin.Out.WriteLineAsync(report.Changes.Count == 0 ? "No changes: the account already matches the file."
            : report.DryRun ? $"Dry run: {count} to make, nothing written." : $"Imported: {count} made.");
        return 0;
    }
}
