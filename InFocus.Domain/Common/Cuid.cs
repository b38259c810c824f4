using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace InFocus.Domain.Common;

/// <summary>
/// Generates collision-resistant ids in the CUID (v1) layout: 25 lowercase base-36 characters,
/// "c" + 8 timestamp + 4 counter + 4 host fingerprint + 8 random. The leading timestamp keeps ids of
/// rows created close together close in a B-tree index; counter and randomness keep concurrent
/// callers (threads, processes, machines) apart.
/// </summary>
public static class Cuid
{
    public const int Length = 25;

    private const int Base = 36;
    private const int BlockSize = 4;
    private const string Alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static readonly long DiscreteValues = (long)Math.Pow(Base, BlockSize);
    private static readonly string Fingerprint = CreateFingerprint();
    private static long _counter = RandomNumberGenerator.GetInt32((int)DiscreteValues);

    public static string NewId() => NewId(DateTimeOffset.UtcNow);

    internal static string NewId(DateTimeOffset now)
    {
        var builder = new StringBuilder(Length);
        builder.Append('c');
        builder.Append(Pad(ToBase36(now.ToUnixTimeMilliseconds()), 8));
        builder.Append(Pad(ToBase36(Interlocked.Increment(ref _counter) % DiscreteValues), BlockSize));
        builder.Append(Fingerprint);
        builder.Append(RandomBlock());
        builder.Append(RandomBlock());
        return builder.ToString();
    }

    /// <summary>True when <paramref name="value"/> has the shape of an id this generator makes.</summary>
    public static bool IsValid(string? value) =>
        value is { Length: Length } && value[0] == 'c' && value.AsSpan(1).IndexOfAnyExcept(Alphabet) < 0;

    private static string RandomBlock() =>
        Pad(ToBase36(RandomNumberGenerator.GetInt32((int)DiscreteValues)), BlockSize);

    private static string CreateFingerprint()
    {
        var processId = Environment.ProcessId % (Base * Base);
        var hostSeed = Environment.MachineName.Aggregate(Environment.MachineName.Length + Base, (sum, ch) => sum + ch);
        return Pad(ToBase36(processId), 2) + Pad(ToBase36(hostSeed % (Base * Base)), 2);
    }

    private static string ToBase36(long value)
    {
        Debug.Assert(value >= 0);
        if (value == 0)
        {
            return "0";
        }

        Span<char> buffer = stackalloc char[13];
        var position = buffer.Length;
        while (value > 0)
        {
            buffer[--position] = Alphabet[(int)(value % Base)];
            value /= Base;
        }

        return new string(buffer[position..]);
    }

    private static string Pad(string value, int size) =>
        value.Length >= size ? value[^size..] : value.PadLeft(size, '0');
}
