using System.Buffers.Binary;
using System.Text;

namespace Whamm.Instrumentation.State;

/// <summary>
/// The instrumentation memory's static region, laid out at instrumentation time and written as one active data
/// segment at the core library's <c>__heap_base</c>: string literals (deduplicated), per-site variables with
/// their initial values, report metadata and the report table. Addresses are absolute, so injected code uses
/// them as constants (<c>i32.const 0; i32.load offset=ADDRESS</c>).
/// </summary>
internal sealed class StaticData
{
    private readonly List<byte> bytes = [];
    private readonly Dictionary<string, (uint Address, int Length)> strings = new(StringComparer.Ordinal);

    public StaticData(uint baseAddress) => Base = baseAddress;

    /// <summary>Absolute address of the first byte.</summary>
    public uint Base { get; }

    /// <summary>Absolute address just past the last byte.</summary>
    public uint End => Base + (uint)bytes.Count;

    /// <summary>The image.</summary>
    public byte[] ToArray() => [.. bytes];

    /// <summary>The (address, length in bytes) of a string literal, stored once however often it is used.</summary>
    public (uint Address, int Length) String(string value)
    {
        if (strings.TryGetValue(value, out var known)) return known;
        var utf8 = Encoding.UTF8.GetBytes(value);
        var entry = (End, utf8.Length);
        bytes.AddRange(utf8);
        strings[value] = entry;
        return entry;
    }

    /// <summary>Reserves <paramref name="size"/> zeroed bytes aligned to <paramref name="align"/>; returns the address.</summary>
    public uint Reserve(int size, int align = 1)
    {
        while (End % (uint)align != 0) bytes.Add(0);
        var address = End;
        // A dense monitor reserves a few bytes at each of millions of sites: no array per call.
        for (var left = size; left > 0; left -= Zeros.Length) bytes.AddRange(Zeros.AsSpan(0, Math.Min(left, Zeros.Length)));
        return address;
    }

    private static readonly byte[] Zeros = new byte[4096];

    /// <summary>Overwrites bytes at an absolute address inside the region.</summary>
    public void Write(uint address, ReadOnlySpan<byte> value)
    {
        var at = checked((int)(address - Base));
        for (var i = 0; i < value.Length; i++) bytes[at + i] = value[i];
    }

    /// <summary>Writes a little-endian i32 at an absolute address.</summary>
    public void WriteInt32(uint address, int value)
    {
        var le = new byte[sizeof(int)];
        BinaryPrimitives.WriteInt32LittleEndian(le, value);
        Write(address, le);
    }
}
