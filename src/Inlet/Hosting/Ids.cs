using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Inlet.Hosting;

/// <summary>
/// Identifiers like <c>evt_0193…</c>: a prefix that says what it names, then a UUID v7 whose 12-bit <c>rand_a</c> field counts
/// within a millisecond (RFC 9562 §6.2, method 1). Ids made later sort later, even in the same millisecond, so the events a
/// batch registers read back in the order they were registered.
/// </summary>
internal static class Ids
{
    private const int CounterLimit = 1 << 12;
    private static readonly Lock Sequence = new();
    private static long _millis;
    private static int _counter;

    public static string New(string prefix)
    {
        long millis;
        int counter;
        lock (Sequence)
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            if (now > _millis)
            {
                (_millis, _counter) = (now, 0);
            }
            else if (++_counter == CounterLimit)
            {
                // 4096 ids in one millisecond: borrow the next one, so order still holds.
                (_millis, _counter) = (_millis + 1, 0);
            }
            (millis, counter) = (_millis, _counter);
        }
        Span<byte> uuid = stackalloc byte[16];
        RandomNumberGenerator.Fill(uuid[8..]);
        BinaryPrimitives.WriteInt64BigEndian(uuid, millis << 16);
        uuid[6] = (byte)(0x70 | (counter >> 8));
        uuid[7] = (byte)counter;
        uuid[8] = (byte)(0x80 | (uuid[8] & 0x3F));
        return $"{prefix}_{Convert.ToHexStringLower(uuid)}";
    }
}
