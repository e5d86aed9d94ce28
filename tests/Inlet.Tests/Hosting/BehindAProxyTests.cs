namespace Inlet.Tests.Hosting;

/// <summary>Inlet behind a TLS-terminating load balancer, with ASPNETCORE_FORWARDEDHEADERS_ENABLED=true.</summary>
public sealed class ProxiedApp : InletApp
{
    protected override IEnumerable<(string Key, string Value)> Settings => [("ForwardedHeaders_Enabled", "true")];
}

public sealed class BehindAProxyTests(ProxiedApp app) : IClassFixture<ProxiedApp>
{
    [Fact]
    public async Task TheForwardedSchemeAndHostMakeWebhookUrlsHttpsAndCookiesSecure()
    {
        var api = app.Api();
        api.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var created = await api.PostJsonAsync("/api/v1/webhooks", """{"blueprint":"point-add","endpoint":"proxied"}""");
        await created.ShouldBeAsync(201);
        Assert.StartsWith("https://", (await created.ReadJsonAsync())["url"]!.GetValue<string>(), StringComparison.Ordinal);

        var browser = app.CreateClient(new() { AllowAutoRedirect = false });
        browser.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var login = await browser.GetAsync("/backoffice/login", TestContext.Current.CancellationToken);
        await login.ShouldBeAsync(200);
        var antiforgery = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("inlet.antiforgery", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
    }
}
