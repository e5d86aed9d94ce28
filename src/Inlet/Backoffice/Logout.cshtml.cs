using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inlet.Backoffice;

public sealed class LogoutModel : PageModel
{
    public IActionResult OnGet() => Redirect("/backoffice");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(BackofficeSetup.Scheme);
        return Redirect("/backoffice/login");
    }
}
