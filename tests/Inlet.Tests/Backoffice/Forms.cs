using System.Text.RegularExpressions;

namespace Inlet.Tests.Backoffice;

/// <summary>The Backoffice's forms, posted as a browser posts them, over plain HTTP.</summary>
internal static partial class Forms
{
    /// <summary>The antiforgery token of the form <paramref name="page"/> renders.</summary>
    public static async Task<string> TokenAsync(HttpClient browser, string page)
    {
        var html = await browser.GetStringAsync(new Uri(page, UriKind.Relative), TestContext.Current.CancellationToken);
        return AntiforgeryToken().Match(html) is { Success: true } token ? token.Groups[1].Value : throw new InvalidOperationException($"no form on {page}");
    }

    /// <summary>Signs in; whether the Backoffice accepted the user name and password (it redirects) or not (it shows the form again).</summary>
    public static async Task<bool> SignInAsync(HttpClient browser, string userName, string password)
    {
        var answer = await browser.PostAsync(new Uri("/backoffice/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = password, ["__RequestVerificationToken"] = await TokenAsync(browser, "/backoffice/login"),
        }), TestContext.Current.CancellationToken);
        return answer.StatusCode == System.Net.HttpStatusCode.Redirect;
    }

    [GeneratedRegex("""name="__RequestVerificationToken" type="hidden" value="([^"]+)" """)]
    private static partial Regex AntiforgeryToken();
}
