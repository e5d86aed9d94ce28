namespace Inlet.Engine.Transforms;

/// <summary>
/// A webhook's optional transform step (<c>"transform": {"language": "javascript", "code": "function transform(request) { … }"}</c>):
/// it runs after verification and parsing, before the filter, and returns the body the filter and mapping see — or null
/// to drop the request.
/// </summary>
public sealed record TransformDefinition(string Language = "javascript", string Code = "");

/// <summary>
/// What one call of a transform may use. The defaults suit a reshaping function; a node may raise them up to the maxima
/// (<c>Inlet:Transform:*</c>), never past them.
/// </summary>
public sealed record TransformLimits
{
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMilliseconds(50);
    public long MemoryBytes { get; init; } = 4 * 1024 * 1024;
    public int MaxStatements { get; init; } = 100_000;
    public int MaxRecursion { get; init; } = 64;

    public static readonly TransformLimits Default = new();

    public static readonly TransformLimits Maxima = new()
    {
        Timeout = TimeSpan.FromSeconds(1), MemoryBytes = 64 * 1024 * 1024, MaxStatements = 10_000_000, MaxRecursion = 512,
    };
}
