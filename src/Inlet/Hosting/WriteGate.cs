namespace Inlet.Hosting;

/// <summary>
/// SQLite has one writer at a time; queuing writers here is much faster than letting them collide and retry on
/// SQLITE_BUSY. The request path's writer takes it for each batch; settings saves and log pruning take their turn between.
/// </summary>
internal sealed class WriteGate : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);

    public void Dispose() => _semaphore.Dispose();

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _semaphore.WaitAsync(cancellationToken);
        return new Release(_semaphore);
    }

    private sealed class Release(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }
}
