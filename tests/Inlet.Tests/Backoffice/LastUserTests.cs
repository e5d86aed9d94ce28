using System.Net;
using Inlet.Accounts;
using Inlet.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inlet.Tests.Backoffice;

/// <summary>An account always keeps a user who can sign in to its Backoffice.</summary>
public sealed class LastUserTests(InletApp app) : IClassFixture<InletApp>
{
    [Fact]
    public async Task TwoUsersRemovingEachOtherAtTheSameMomentLeaveTheAccountWithOne()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<BackofficeUsers>().AddAsync("demo", "second-admin", "second-password-1", TestContext.Current.CancellationToken);
        }
        var ids = await UserIdsAsync();
        using var first = await SignedInAsync("admin", InletApp.AdminPassword);
        using var second = await SignedInAsync("second-admin", "second-password-1");

        await Task.WhenAll(RemoveAsync(first, ids["second-admin"]), RemoveAsync(second, ids["admin"]));

        Assert.Single(await UserIdsAsync());
    }

    private async Task<HttpClient> SignedInAsync(string userName, string password)
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await browser.LogInAsync(userName, password)).StatusCode);
        return browser;
    }

    private static async Task RemoveAsync(HttpClient browser, string userId) =>
        await browser.PostAsync(new Uri("/backoffice/users?handler=Remove", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userId"] = userId, ["userName"] = "someone", ["__RequestVerificationToken"] = await browser.AntiforgeryTokenAsync("/backoffice/users"),
        }), TestContext.Current.CancellationToken);

    private async Task<Dictionary<string, string>> UserIdsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InletDb>().Users.Where(u => u.AccountId == "demo")
            .ToDictionaryAsync(u => u.UserName, u => u.Id, TestContext.Current.CancellationToken);
    }
}
