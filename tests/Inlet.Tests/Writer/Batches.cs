using Inlet.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Inlet.Tests.Writer;

/// <summary>
/// Requests written together, in one batch, in a known order. The writer takes the write gate before it takes a batch, as
/// any management write does; while the test holds the gate, the requests wait in the writer's queue in the order they were
/// sent, and once it is let go they are all written in one transaction.
/// </summary>
internal static class Batches
{
    public static async Task<HttpResponseMessage[]> InOneBatchAsync(this InletApp app, params Func<Task<HttpResponseMessage>>[] requests)
    {
        var writer = app.Services.GetRequiredService<Inlet.Writer.Writer>();
        var sent = new List<Task<HttpResponseMessage>>();
        using (await app.Services.GetRequiredService<WriteGate>().EnterAsync(TestContext.Current.CancellationToken))
        {
            foreach (var request in requests)
            {
                var waiting = writer.Waiting;
                sent.Add(request());
                await UntilAsync(() => writer.Waiting > waiting);
            }
        }
        return await Task.WhenAll(sent);
    }

    /// <summary>Waits, at most ten seconds, for something the writer does on its own.</summary>
    public static async Task UntilAsync(Func<bool> condition)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(5, deadline.Token);
        }
    }
}
