using System.Net;
using System.Text;

namespace Inlet.Tests.Ingestion;

/// <summary>Inlet on a real Kestrel port, so its limits on headers apply as in production, with the webhooks bad inputs go to.</summary>
public sealed class BadInputApp : InletApp, IAsyncLifetime
{
    public BadInputApp() => UseKestrel(0);

    public async ValueTask InitializeAsync()
    {
        StartServer();
        await BadInputWebhooks.CreateAsync(this);
    }
}

/// <summary>No input gets a 500: each bad one gets the status and outcome it is documented to get, and its log row.</summary>
public sealed class BadInputTests(BadInputApp app) : IClassFixture<BadInputApp>
{
    public static TheoryData<string> Cases => [.. BadInputs.All.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ABadInputGetsItsDocumentedStatusAndOutcome(string input)
    {
        var bad = BadInputs.All[input];

        var response = await SendAsync(bad);

        await response.ShouldBeAsync(bad.Status);
        if (bad.Outcome is null)
        {
            Assert.False(response.Headers.Contains("Inlet-Request-Id"));
            return;
        }
        var log = await app.Api().GetJsonAsync($"/api/v1/logs/{response.Headers.GetValues("Inlet-Request-Id").Single()}");
        Assert.Equal(bad.Outcome, log["outcome"]!.GetValue<string>());
        Assert.Equal(bad.Status, log["statusCode"]!.GetValue<int>());
        var answer = await response.ReadJsonAsync();
        Assert.Equal(bad.Outcome == "processed" ? null : bad.Code ?? bad.Outcome, answer["error"]?["code"]?.GetValue<string>());
    }

    [Theory]
    [InlineData("invalid UTF-8 in a mapped string", "it is not UTF-8 (byte 14)")]
    [InlineData("an escaped lone surrogate in the customer id", "the escape at byte 14 is half a surrogate pair (\\uD800 to \\uDFFF come in pairs, high then low)")]
    [InlineData("a UTF-8 byte order mark, which JSON senders must not add", "it starts with a byte order mark; send UTF-8 without one")]
    public async Task TextNoStringCanHoldIsLoggedLikeMalformedJsonSayingWhere(string input, string why)
    {
        var bad = BadInputs.All[input];

        var response = await SendAsync(bad);

        var log = await app.Api().GetJsonAsync($"/api/v1/logs/{response.Headers.GetValues("Inlet-Request-Id").Single()}");
        Assert.Equal($"the body is not valid JSON: {why}", log["errorMessage"]!.GetValue<string>());
        Assert.Equal(Encoding.UTF8.GetString(bad.Body), log["body"]!.GetValue<string>());
    }

    private async Task<HttpResponseMessage> SendAsync(BadInput bad)
    {
        using var request = new HttpRequestMessage(new HttpMethod(bad.Method), $"/webhooks/custom/demo/{bad.Endpoint}")
        {
            Content = bad.Chunked ? new UnknownLengthContent(bad.Body) : new ByteArrayContent(bad.Body),
        };
        if (bad.ContentType is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", bad.ContentType);
        }
        foreach (var (name, value) in bad.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return await app.Sender().SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>A body whose length is not said up front: it goes chunked.</summary>
    private sealed class UnknownLengthContent(byte[] body) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(body).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
