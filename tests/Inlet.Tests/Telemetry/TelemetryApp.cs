using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Inlet.Tests.Telemetry;

/// <summary>Inlet with its ingestion log entries at Debug kept in memory, each with the scopes it was written in.</summary>
public sealed class TelemetryApp : InletApp
{
    public ConcurrentQueue<LogEntry> Logged { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging
            .AddProvider(new MemoryLoggerProvider(Logged))
            .AddFilter<MemoryLoggerProvider>("Inlet.Ingestion", LogLevel.Debug));
    }
}

public sealed record LogEntry(string Category, string Message, IReadOnlyList<object?> Scopes);

internal sealed class MemoryLoggerProvider(ConcurrentQueue<LogEntry> logged) : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ILogger CreateLogger(string categoryName) => new MemoryLogger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class MemoryLogger(string category, MemoryLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<object?>();
            provider._scopes.ForEachScope((scope, list) => list.Add(scope), scopes);
            provider.Logged(new LogEntry(category, formatter(state, exception), scopes));
        }
    }

    private void Logged(LogEntry entry) => logged.Enqueue(entry);
}
