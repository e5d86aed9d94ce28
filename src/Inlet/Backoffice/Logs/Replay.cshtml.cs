using System.Text.Json;
using Inlet.Data;
using Inlet.Engine.Validation;
using Inlet.Replays;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Inlet.Backoffice.Logs;

/// <summary>
/// A bulk replay in the Backoffice: "Replay these…" on a filtered log list previews it (per request, what a replay would do,
/// and totals), and Apply, after a confirmation, registers what the preview showed; a large one shows its progress on reload.
/// </summary>
public sealed class ReplayModel : BackofficePage
{
    internal ReplayView? Replay { get; private set; }

    internal IReadOnlyList<ValidationError> Errors { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(string? id)
    {
        Replay = id is null ? null : await ReplayView.ReadAsync(Get<InletDb>(), AccountId, id, Aborted);
        // Another account's replay is as unknown as one that never existed.
        return Replay is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(string? webhookId, string? status, string? outcome, string? from, string? to, string? customer, string? q)
    {
        var sent = new ReplayFilter(webhookId, outcome, status is null ? null : JsonSerializer.SerializeToElement(status), from, to, customer, q);
        if (sent.Read(out var errors) is not { } filter)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (await Get<ReplayPreviewer>().PreviewAsync(AccountId, sent, filter, Aborted) is not { } row)
        {
            Errors = [new("filter", $"these filters find more than {Get<IOptions<ReplayOptions>>().Value.MaxRequests} requests: narrow them and replay in parts")];
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        return Redirect($"/backoffice/replays/{row.Id}");
    }

    public async Task<IActionResult> OnPostApplyAsync(string id)
    {
        Notice = await Get<ReplayApplier>().ApplyAsync(AccountId, id, Aborted) switch
        {
            Applied.NotFound => null,
            Applied.Done => "The replay is applied.",
            Applied.Background => "The replay is being applied in the background: reload this page to follow its progress.",
            Applied.AlreadyApplied => "This replay was applied already: nothing more was registered.",
            Applied.Busy => "This replay is being applied: reload this page to follow its progress.",
            _ => "The store is unavailable: the requests applied so far stay applied; apply again to finish the rest.",
        };
        return Notice is null ? NotFound() : Redirect($"/backoffice/replays/{id}");
    }
}
