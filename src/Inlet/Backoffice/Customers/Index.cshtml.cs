using Microsoft.AspNetCore.Mvc;

namespace Inlet.Backoffice.Customers;

/// <summary>Customers: find a member by their ID.</summary>
public sealed class CustomerSearchModel : BackofficePage
{
    [BindProperty(SupportsGet = true, Name = "id")]
    public string? Id { get; set; }

    public IActionResult OnGet() =>
        string.IsNullOrWhiteSpace(Id) ? Page() : Redirect($"/backoffice/customers/{Uri.EscapeDataString(Id.Trim())}");
}
