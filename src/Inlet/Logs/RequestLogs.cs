using Inlet.Data;
using Inlet.Hosting;

namespace Inlet.Logs;

/// <summary>Writes a request log row on its own, for requests that stop before an event is registered.</summary>
internal sealed class RequestLogs(InletDb db, WriteGate gate)
{
    public async Task WriteAsync(RequestLogRow row, CancellationToken cancellationToken)
    {
        using var turn = await gate.EnterAsync(cancellationToken);
        db.RequestLogs.Add(row);
        await db.SaveChangesAsync(cancellationToken);
    }
}
