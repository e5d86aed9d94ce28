using System.Text.RegularExpressions;

namespace Inlet.Tests.Backoffice;

/// <summary>Posts Backoffice forms over plain HTTP, as a browser would: with the antiforgery token of the page they are on.</summary>
public static partial class BackofficeForms
{
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient browser, string page)
    {
        var html = await browser.GetStringAsync(new Uri(page, UriKind.Relative), TestContext.Current.CancellationToken);
        return AntiforgeryToken().Match(html) is { Success: true } token ? token.Groups[1].Value : throw new InvalidOperationException($"no form on {page}");
    }

    /// <summary>Submits the login form; the answer is not followed (a redirect means signed in).</summary>
    public static async Task<HttpResponseMessage> LogInAsync(this HttpClient browser, string userName, string password) =>
        await browser.PostAsync(new Uri("/backoffice/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = password, ["__RequestVerificationToken"] = await browser.AntiforgeryTokenAsync("/backoffice/login"),
        }), TestContext.Current.CancellationToken);

    [GeneratedRegex("""name="__RequestVerificationToken" type="hidden" value="([^"]+)" """)]
    private static partial Regex AntiforgeryToken();
}
