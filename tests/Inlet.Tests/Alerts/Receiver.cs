using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inlet.Tests.Alerts;

/// <summary>
/// A notification receiver on a real port of 127.0.0.1, as a chat tool's incoming webhook would be: it keeps every
/// notification it accepted, and answers the status codes it is given in turn (then 200).
/// </summary>
internal sealed class Receiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _answers;

    private Receiver(WebApplication app, IEnumerable<int> answers)
    {
        _app = app;
        _answers = new(answers);
    }

    /// <summary>The notifications answered 2xx, in the order they came.</summary>
    public ConcurrentQueue<JsonNode> Accepted { get; } = new();

    /// <summary>Every request, refused ones included.</summary>
    public int Requests => _requests;

    private int _requests;

    public string Url { get; private set; } = "";

    public static async Task<Receiver> StartAsync(params int[] answers)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new Receiver(app, answers);
        app.MapPost("/notify", async (HttpRequest request) =>
        {
            Interlocked.Increment(ref receiver._requests);
            var body = JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync())!;
            var status = receiver._answers.TryDequeue(out var next) ? next : 200;
            if (status is >= 200 and < 300)
            {
                receiver.Accepted.Enqueue(body);
            }
            return Results.StatusCode(status);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        receiver.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/notify";
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
