using System.CommandLine;

namespace Inlet.Admin;

/// <summary>
/// The admin command line, in the same executable as the server: <c>inlet migrate</c>, <c>inlet accounts create acme</c>, …
/// (docs/admin.md). Each command opens the store as the server does, does its work, prints what the user needs and exits;
/// a failure says why in one line on standard error and exits 1.
/// </summary>
internal static class AdminCommands
{
    /// <summary>
    /// The words that make Inlet run a command rather than serve. Only the first argument is looked at, so the host's own
    /// arguments (<c>--urls http://…</c>, <c>--environment</c>) still start the server, as they always did.
    /// </summary>
    private static readonly HashSet<string> Words =
        ["migrate", "accounts", "api-keys", "users", "export", "import", "prune-logs", "--help", "-h", "-?"];

    public static bool Handles(string[] args) => args.Length > 0 && Words.Contains(args[0]);

    public static Task<int> RunAsync(string[] args) => RunAsync(args, AdminConsole.Standard, []);

    /// <summary>Runs a command; <paramref name="settings"/> outrank the configuration's (the tests name their store so).</summary>
    public static Task<int> RunAsync(string[] args, AdminConsole console, IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var admin = new AdminContext(console, settings);
        var root = new RootCommand("Inlet turns webhooks into loyalty events. Run with no command (or only host options such as --urls) to serve; "
            + "the commands below administer the store Inlet:Store names, then exit.")
        {
            StoreCommands.Migrate(admin),
            AccountCommands.Accounts(admin),
            ApiKeyCommands.ApiKeys(admin),
            UserCommands.Users(admin),
            ExportCommands.Export(admin),
            ExportCommands.Import(admin),
            StoreCommands.PruneLogs(admin),
        };
        return root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error });
    }
}
