using System.Buffers.Binary;
using System.Text;

namespace Whamm.Instrumentation.State;

/// <summary>
/// The instrumentation memory's static region, laid out at instrumentation time and written as active data
/// segments (<see cref="Segments"/>) from the core library's <c>__heap_base</c>: string literals (deduplicated), per-site variables with
/// their initial values, report metadata and the report table. Addresses are absolute, so injected code uses
/// them as constants (<c>i32.const 0; i32.load offset=ADDRESS</c>).
/// </summary>
internal sealed class StaticData
{
    /// <summary>Zeros this long split the image's segments: the memory starts zeroed, so they need no bytes in the module.</summary>
    private const int Gap = 4096;
    /// <summary>At most this many segments (engines cap a module's data segments; V8 at 100,000).</summary>
    private const int MaxSegments = 16;

    private byte[] bytes = [];
    private int count;
    private readonly Dictionary<string, (uint Address, int Length)> strings = new(StringComparer.Ordinal);

    public StaticData(uint baseAddress) => Base = baseAddress;

    /// <summary>Absolute address of the first byte.</summary>
    public uint Base { get; }

    /// <summary>Absolute address just past the last byte.</summary>
    public uint End => Base + (uint)count;

    /// <summary>
    /// The image as (address, bytes) of active segments: its parts between the longest runs of at least <see cref="Gap"/>
    /// zero bytes, trimmed of zeros (a dense monitor's millions of counters start at zero: 19 MB of esbuild's hotness
    /// image). The bytes are views of the image, valid while nothing more is added.
    /// </summary>
    public List<(uint Address, ReadOnlyMemory<byte> Bytes)> Segments()
    {
        var image = bytes.AsSpan(0, count);
        var gaps = new List<(int Start, int End)>(); // runs of whole zero chunks
        for (var at = 0; at + Gap <= count; at += Gap)
        {
            if (image.Slice(at, Gap).ContainsAnyExcept((byte)0)) continue;
            if (gaps.Count > 0 && gaps[^1].End == at) gaps[^1] = (gaps[^1].Start, at + Gap);
            else gaps.Add((at, at + Gap));
        }
        if (gaps.Count >= MaxSegments) gaps = [.. gaps.OrderByDescending(g => g.End - g.Start).Take(MaxSegments - 1).OrderBy(g => g.Start)];
        var segments = new List<(uint, ReadOnlyMemory<byte>)>(gaps.Count + 1);
        var from = 0;
        foreach (var (start, end) in gaps.Append((count, count)))
        {
            var part = image[from..start];
            var first = part.IndexOfAnyExcept((byte)0);
            if (first >= 0)
            {
                var length = part.LastIndexOfAnyExcept((byte)0) + 1 - first;
                segments.Add((Base + (uint)(from + first), bytes.AsMemory(from + first, length)));
            }
            from = end;
        }
        return segments;
    }

    /// <summary>The (address, length in bytes) of a string literal, stored once however often it is used.</summary>
    public (uint Address, int Length) String(string value)
    {
        if (strings.TryGetValue(value, out var known)) return known;
        var length = Encoding.UTF8.GetByteCount(value);
        var address = Reserve(length);
        Encoding.UTF8.GetBytes(value, bytes.AsSpan((int)(address - Base)));
        strings[value] = (address, length);
        return (address, length);
    }

    /// <summary>Reserves <paramref name="size"/> zeroed bytes aligned to <paramref name="align"/>; returns the address.</summary>
    public uint Reserve(int size, int align = 1)
    {
        var at = count;
        while ((Base + (uint)at) % (uint)align != 0) at++;
        var end = checked(at + size);
        // Bytes past the count are zero: the image only ever grows, and a new array starts zeroed.
        if (end > bytes.Length) Array.Resize(ref bytes, Math.Max(end, 2 * bytes.Length));
        count = end;
        return Base + (uint)at;
    }

    /// <summary>Overwrites bytes at an absolute address inside the region.</summary>
    public void Write(uint address, ReadOnlySpan<byte> value) => value.CopyTo(Reserved(address, value.Length));

    /// <summary>Writes a little-endian i32 at an absolute address.</summary>
    public void WriteInt32(uint address, int value) => BinaryPrimitives.WriteInt32LittleEndian(Reserved(address, sizeof(int)), value);

    /// <summary>The bytes [<paramref name="address"/>, +<paramref name="length"/>) of the region, which must have been reserved.</summary>
    private Span<byte> Reserved(uint address, int length)
    {
        var at = checked((int)(address - Base));
        if (at + length > count) throw new ArgumentOutOfRangeException(nameof(address), $"{length} bytes at {address} are past the static region's end {End}");
        return bytes.AsSpan(at, length);
    }
}
