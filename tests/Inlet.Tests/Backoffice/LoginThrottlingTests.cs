using System.Net;
using Inlet.Accounts;
using Inlet.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inlet.Tests.Backoffice;

/// <summary>A burst of wrong passwords slows down and then locks the user for a while, never for ever (spec §8).</summary>
public sealed class LoginThrottlingTests(InletApp app) : IClassFixture<InletApp>
{
    private const string Password = "the-right-password-1";

    [Fact]
    public async Task FiveWrongPasswordsInARowLockTheUserSoEvenTheRightPasswordIsRefusedForAMinute()
    {
        var user = await NewUserAsync();
        using var browser = Browser();

        for (var i = 0; i < 5; i++)
        {
            await AssertRefusedAsync(await browser.LogInAsync(user, "guess-" + i), HttpStatusCode.OK, "The user name or the password is not right.");
        }

        await AssertRefusedAsync(await browser.LogInAsync(user, Password), HttpStatusCode.TooManyRequests,
            "Too many wrong passwords for this user: try again in 1 minute.");
    }

    [Fact]
    public async Task WhenTheLockEndsTheRightPasswordSignsInAndTheCountStartsOver()
    {
        var user = await NewUserAsync();
        using var browser = Browser();
        await FiveWrongPasswordsAsync(browser, user);

        await LockEndsAsync(user);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.LogInAsync(user, Password)).StatusCode);
        // Four wrong passwords after a successful login do not lock: the count started over.
        for (var i = 0; i < 4; i++)
        {
            await browser.LogInAsync(user, "again-" + i);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await browser.LogInAsync(user, Password)).StatusCode);
    }

    [Fact]
    public async Task AWrongPasswordRightAfterALockLocksForTwiceAsLong()
    {
        var user = await NewUserAsync();
        using var browser = Browser();
        await FiveWrongPasswordsAsync(browser, user);
        await LockEndsAsync(user);

        await browser.LogInAsync(user, "one more guess");

        await AssertRefusedAsync(await browser.LogInAsync(user, Password), HttpStatusCode.TooManyRequests,
            "Too many wrong passwords for this user: try again in 2 minutes.");
    }

    [Fact]
    public async Task ALockedUserDoesNotLockAnotherUserOfTheSameAccount()
    {
        var locked = await NewUserAsync();
        var other = await NewUserAsync();
        using var browser = Browser();
        for (var i = 0; i < 6; i++)
        {
            await browser.LogInAsync(locked, "guess-" + i);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await browser.LogInAsync(other, Password)).StatusCode);
    }

    [Fact]
    public async Task ABurstOfParallelWrongPasswordsHasAtMostFiveCheckedAndTheRestRefused()
    {
        var user = await NewUserAsync();
        var browsers = Enumerable.Range(0, 20).Select(_ => Browser()).ToList();

        var answers = await Task.WhenAll(browsers.Select((browser, i) => browser.LogInAsync(user, "guess-" + i)));

        Assert.InRange(answers.Count(a => a.StatusCode == HttpStatusCode.OK), 1, 5);
        Assert.Equal(20 - answers.Count(a => a.StatusCode == HttpStatusCode.OK), answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests));
        using var late = Browser();
        Assert.Equal(HttpStatusCode.TooManyRequests, (await late.LogInAsync(user, Password)).StatusCode);
        browsers.ForEach(b => b.Dispose());
    }

    [Fact]
    public async Task LocksGrowToFifteenMinutesAtMost()
    {
        Assert.Equal([1, 2, 4, 8, 15, 15, 15], Enumerable.Range(5, 7).Select(failures => Inlet.Backoffice.LoginThrottling.Lock(failures).TotalMinutes));
    }

    private static async Task FiveWrongPasswordsAsync(HttpClient browser, string user)
    {
        for (var i = 0; i < 5; i++)
        {
            await browser.LogInAsync(user, "guess-" + i);
        }
    }

    private HttpClient Browser() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task AssertRefusedAsync(HttpResponseMessage answer, HttpStatusCode status, string message)
    {
        Assert.Equal(status, answer.StatusCode);
        Assert.Contains($"""<p class="error" role="alert">{WebUtility.HtmlEncode(message)}</p>""",
            await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private async Task<string> NewUserAsync()
    {
        var name = $"manager-{Guid.NewGuid():N}"[..16];
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InletDb>();
        var user = new User { Id = $"usr_{Guid.NewGuid():N}", AccountId = "demo", UserName = name, PasswordHash = "", CreatedAt = DateTimeOffset.UtcNow };
        user.PasswordHash = new PasswordHasher<User>().HashPassword(user, Password);
        db.Users.Add(user);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return name;
    }

    /// <summary>Moves the user's lock into the past, as waiting it out would.</summary>
    private async Task LockEndsAsync(string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var past = DateTimeOffset.UtcNow.AddSeconds(-1);
        var updated = await scope.ServiceProvider.GetRequiredService<InletDb>().Users.Where(u => u.UserName == userName && u.LockedUntil != null)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.LockedUntil, past), TestContext.Current.CancellationToken);
        Assert.Equal(1, updated);
    }
}
