using System.Globalization;
using Inlet.Data;
using Inlet.Engine.Members;
using Inlet.Hosting;
using Inlet.Settings;
using Inlet.Webhooks;
using Microsoft.AspNetCore.Mvc;

namespace Inlet.Backoffice.Settings;

/// <summary>
/// The account settings of spec §6 (the same as <c>PUT /api/v1/settings</c>), each with what it changes. The next event
/// reads them: the compiled snapshot is reloaded after a save, on every node.
/// </summary>
public sealed class SettingsModel : BackofficePage
{
    [BindProperty]
    public string EarnRate { get; set; } = "";

    [BindProperty]
    public bool CheckoutPending { get; set; }

    [BindProperty]
    public string UnknownCustomer { get; set; } = "reject";

    [BindProperty]
    public bool AllowNegativeBalance { get; set; }

    [BindProperty]
    public string ParkDays { get; set; } = "30";

    public string? Error { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync()
    {
        var settings = await StoredSettings.ReadAsync(Get<InletDb>(), AccountId, Aborted);
        EarnRate = settings.EarnRate.ToString(CultureInfo.InvariantCulture);
        CheckoutPending = settings.CheckoutPending;
        UnknownCustomer = SettingsReader.PolicyName(settings.UnknownCustomer);
        ParkDays = settings.ParkDays.ToString(CultureInfo.InvariantCulture);
        AllowNegativeBalance = settings.AllowNegativeBalance;
    }

    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["earnRate"] = "Earn rate",
        ["parkDays"] = "Days a parked event waits",
    };

    private Microsoft.AspNetCore.Mvc.RazorPages.PageResult Refused(string error)
    {
        Error = error;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!decimal.TryParse(EarnRate, NumberStyles.Number, CultureInfo.InvariantCulture, out var rate))
        {
            return Refused("Earn rate must be a number of points per currency unit, 0 or more, e.g. 1 or 2.5.");
        }
        if (!int.TryParse(ParkDays, NumberStyles.None, CultureInfo.InvariantCulture, out var days))
        {
            return Refused("Days a parked event waits must be a number of days from 1 to 3650.");
        }
        var settings = AccountSettings.Default with
        {
            EarnRate = rate,
            CheckoutPending = CheckoutPending,
            UnknownCustomer = SettingsReader.Policy(UnknownCustomer) ?? UnknownCustomerPolicy.Reject,
            AllowNegativeBalance = AllowNegativeBalance,
            ParkDays = days,
        };
        // The bounds are the settings' own, as the API checks them.
        if (settings.Validate() is { Count: > 0 } faults)
        {
            return Refused(string.Join(" ", faults.Select(fault => $"{Labels.GetValueOrDefault(fault.Field, fault.Field)} {fault.Message}.")));
        }
        await StoredSettings.ReplaceAsync(Get<InletDb>(), Get<WriteGate>(), AccountId, settings, Aborted);
        await Get<WebhookRegistry>().ReloadAfterChangeAsync(AccountId);
        Notice = "The settings are saved: the next event follows them.";
        return Redirect("/backoffice/settings");
    }
}
