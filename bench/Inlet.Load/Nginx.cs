using System.Globalization;

namespace Inlet.Load;

/// <summary>
/// nginx as the HTTP load balancer in front of several nodes, as a deployment with more than one node runs: round robin,
/// with kept-alive connections to the nodes, so a request costs the nodes no new connection. Its configuration is written
/// into the run's folder, which is also its prefix (pid file), and it runs in the foreground, so it is killed by its PID.
/// </summary>
internal static class Nginx
{
    public static Task<Server> StartAsync(IReadOnlyList<Server> nodes, string folder, CancellationToken stopping)
    {
        var port = Server.FreePort();
        var config = Path.Combine(folder, "nginx.conf");
        File.WriteAllText(config, Config(port, nodes));
        return Server.StartAsync("nginx", folder, port, new Dictionary<string, string>(), "nginx",
            ["-c", config, "-p", folder, "-g", "daemon off;"], stopping);
    }

    /// <summary>
    /// One worker: on 2 cores the nodes, PostgreSQL and wrk already want both, and a second worker would take CPU the nodes
    /// are measured on (and split the upstream keepalive pool in two) without adding throughput that the nodes could use;
    /// one event-driven worker serves thousands of connections. Kept-alive connections are never closed after a number of
    /// requests, as Kestrel does not close them in the baseline either.
    /// </summary>
    private static string Config(int port, IReadOnlyList<Server> nodes) => string.Create(CultureInfo.InvariantCulture, $$"""
        worker_processes 1;
        error_log stderr warn;
        pid nginx.pid;
        events { worker_connections 4096; }
        http {
            access_log off;
            keepalive_requests 1000000000;
            upstream inlet {
                {{string.Join("\n        ", nodes.Select(node => $"server 127.0.0.1:{node.Port};"))}}
                keepalive 64;
                keepalive_requests 1000000000;
            }
            server {
                listen 127.0.0.1:{{port}};
                location / {
                    proxy_pass http://inlet;
                    proxy_http_version 1.1;
                    proxy_set_header Connection "";
                }
            }
        }
        """);
}
