namespace Inlet.Load;

/// <summary>
/// The app under test as wrk reaches it: one node, or several started together on the same settings behind nginx. Its
/// peak memory is the largest node's (nginx's is not counted), so one node and two read alike: what one node needs.
/// </summary>
internal sealed class Deployment : IDisposable
{
    private readonly Server[] _nodes;
    private readonly Server? _balancer;

    private Deployment(Server[] nodes, Server? balancer) => (_nodes, _balancer) = (nodes, balancer);

    public Uri Url => (_balancer ?? _nodes[0]).Url;

    public static async Task<Deployment> StartAsync(string dll, string folder, IReadOnlyDictionary<string, string> environment, int nodes,
        CancellationToken stopping)
    {
        var name = Path.GetFileNameWithoutExtension(dll);
        var starting = Enumerable.Range(1, nodes)
            .Select(node => Server.StartAppAsync(dll, folder, nodes == 1 ? name : $"{name}-{node}", environment, stopping)).ToList();
        try
        {
            var started = await Task.WhenAll(starting);
            return new Deployment(started, nodes == 1 ? null : await Nginx.StartAsync(started, folder, stopping));
        }
        catch
        {
            // A node that did not start has killed itself; the others must not outlive the run either.
            foreach (var node in starting.Where(task => task.IsCompletedSuccessfully))
            {
                node.Result.Dispose();
            }
            throw;
        }
    }

    public double PeakRssMiB() => _nodes.Max(node => node.PeakRssMiB());

    public void Dispose()
    {
        _balancer?.Dispose();
        foreach (var node in _nodes)
        {
            node.Dispose();
        }
    }
}
