using Microsoft.Extensions.Options;

namespace Inlet.Alerts;

/// <summary>
/// Evaluates the rules every <see cref="AlertOptions.EvaluateEverySeconds"/>, then sends what the evaluation queued; a failed
/// round waits for the next. Over a shared store each step runs on one node at a time (the others find its lock taken).
/// </summary>
internal sealed partial class AlertEvaluation(IServiceScopeFactory scopes, TimeProvider clock, IOptions<AlertOptions> options, ILogger<AlertEvaluation> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.EvaluateEverySeconds), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RunOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AlertEvaluator>().EvaluateAsync(stoppingToken);
            await scope.ServiceProvider.GetRequiredService<AlertNotifier>().DeliverPendingAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // The store may be briefly unavailable: the next round evaluates again, and sends what is still pending.
            LogFailed(e, options.Value.EvaluateEverySeconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Evaluating alert rules failed; the next round is in {Seconds} seconds")]
    private partial void LogFailed(Exception exception, int seconds);
}
