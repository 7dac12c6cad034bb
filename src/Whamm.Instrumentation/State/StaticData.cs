using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Whamm.Instrumentation.State;

/// <summary>
/// The instrumentation memory's static region, laid out at instrumentation time and written as active data
/// segments (<see cref="Segments"/>) from the core library's <c>__heap_base</c>: string literals (deduplicated), per-site variables with
/// their initial values, report metadata and the report table. Addresses are absolute, so injected code uses
/// them as constants (<c>i32.const 0; i32.load offset=ADDRESS</c>).
/// <para>The image is held in pages allocated when first written, and large blocks (<see cref="Attach"/>) by reference: a
/// dense monitor reserves megabytes of counters that start at zero (esbuild's hotness monitor 13 MB, then a 10 MB report
/// table), which a single array would have held twice over while it grew.</para>
/// </summary>
internal sealed class StaticData
{
    /// <summary>Zeros this long split the image's segments: the memory starts zeroed, so they need no bytes in the module.</summary>
    private const int Gap = 4096;
    /// <summary>At most this many segments besides attached blocks (engines cap a module's data segments; V8 at 100,000).</summary>
    private const int MaxSegments = 16;
    /// <summary>A multiple of <see cref="Gap"/>, so that no chunk the gaps are found in crosses a page; below the large object heap's threshold.</summary>
    private const int PageBits = 16;
    private const int PageSize = 1 << PageBits;

    private byte[]?[] pages = [];
    private readonly List<(int At, ReadOnlyMemory<byte> Bytes)> blocks = []; // in address order
    private int count;
    private readonly Dictionary<string, (uint Address, int Length)> strings = new(StringComparer.Ordinal);

    public StaticData(uint baseAddress) => Base = baseAddress;

    /// <summary>Absolute address of the first byte.</summary>
    public uint Base { get; }

    /// <summary>Absolute address just past the last byte.</summary>
    public uint End => Base + (uint)count;

    /// <summary>
    /// The image as (address, bytes) of active segments: its parts between the longest runs of at least <see cref="Gap"/>
    /// zero bytes, trimmed of zeros, and every attached block whole. A part within one page is a view of it, one across
    /// pages a copy; a block is itself. Call it once the image is complete.
    /// </summary>
    public List<(uint Address, ReadOnlyMemory<byte> Bytes)> Segments()
    {
        var gaps = new List<(int Start, int End)>(); // runs of whole zero chunks
        for (var at = 0; at + Gap <= count; at += Gap)
        {
            if (!IsZero(at)) continue;
            if (gaps.Count > 0 && gaps[^1].End == at) gaps[^1] = (gaps[^1].Start, at + Gap);
            else gaps.Add((at, at + Gap));
        }
        if (gaps.Count >= MaxSegments) gaps = [.. gaps.OrderByDescending(g => g.End - g.Start).Take(MaxSegments - 1).OrderBy(g => g.Start)];
        var segments = new List<(uint, ReadOnlyMemory<byte>)>(gaps.Count + 1 + blocks.Count);
        var from = 0;
        var block = 0;
        foreach (var (start, end) in gaps.Append((count, count)))
        {
            for (; block < blocks.Count && blocks[block].At < start; block++)
            {
                var (at, bytes) = blocks[block];
                AddPart(segments, from, at);
                segments.Add((Base + (uint)at, bytes));
                from = at + bytes.Length;
            }
            AddPart(segments, from, start);
            from = end;
        }
        return segments;
    }

    /// <summary>The paged bytes [<paramref name="from"/>, <paramref name="to"/>) as a segment, trimmed of zeros; nothing when all are zero.</summary>
    private void AddPart(List<(uint, ReadOnlyMemory<byte>)> segments, int from, int to)
    {
        var first = from;
        while (first < to && PageByteIsZero(ref first, to)) { }
        if (first == to) return;
        var last = to; // past the last non-zero byte
        while (LastByteIsZero(ref last, first)) { }
        var (page, offset) = (first >> PageBits, first & (PageSize - 1));
        if (offset + (last - first) <= PageSize)
        {
            segments.Add((Base + (uint)first, pages[page]!.AsMemory(offset, last - first))); // it holds a non-zero byte: written
            return;
        }
        var copy = new byte[last - first];
        for (var at = first; at < last;)
        {
            var piece = Math.Min(last - at, PageSize - (at & (PageSize - 1)));
            PageAt(at)?.AsSpan(at & (PageSize - 1), piece).CopyTo(copy.AsSpan(at - first));
            at += piece;
        }
        segments.Add((Base + (uint)first, copy));
    }

    /// <summary>Moves <paramref name="at"/> past zeros up to <paramref name="to"/> within its page; whether it is still on a zero.</summary>
    private bool PageByteIsZero(ref int at, int to)
    {
        var piece = Math.Min(to - at, PageSize - (at & (PageSize - 1)));
        var nonZero = PageAt(at) is { } page ? page.AsSpan(at & (PageSize - 1), piece).IndexOfAnyExcept((byte)0) : -1;
        at += nonZero < 0 ? piece : nonZero;
        return nonZero < 0;
    }

    /// <summary>Moves <paramref name="past"/> back over zeros down to <paramref name="from"/> within one page; whether there may be more.</summary>
    private bool LastByteIsZero(ref int past, int from)
    {
        var pageStart = Math.Max(from, (past - 1) & ~(PageSize - 1));
        var nonZero = PageAt(pageStart) is { } page ? page.AsSpan(pageStart & (PageSize - 1), past - pageStart).LastIndexOfAnyExcept((byte)0) : -1;
        past = nonZero < 0 ? pageStart : pageStart + nonZero + 1;
        return nonZero < 0 && past > from;
    }

    /// <summary>The page holding image offset <paramref name="at"/>; null when nothing was written to it (zeros).</summary>
    private byte[]? PageAt(int at) => at >> PageBits < pages.Length ? pages[at >> PageBits] : null;

    /// <summary>Whether the <see cref="Gap"/> bytes at <paramref name="at"/> are zero: unwritten, and outside every block.</summary>
    private bool IsZero(int at)
    {
        if (PageAt(at) is { } page && page.AsSpan(at & (PageSize - 1), Gap).ContainsAnyExcept((byte)0)) return false;
        return !InBlock(at, Gap);
    }

    /// <summary>Whether the <paramref name="length"/> bytes at image offset <paramref name="at"/> overlap an attached block.</summary>
    private bool InBlock(int at, int length) => blocks.Exists(b => b.At < at + length && at < b.At + b.Bytes.Length);

    /// <summary>The (address, length in bytes) of a string literal, stored once however often it is used.</summary>
    public (uint Address, int Length) String(string value)
    {
        if (strings.TryGetValue(value, out var known)) return known;
        var utf8 = Encoding.UTF8.GetBytes(value);
        var address = Reserve(utf8.Length);
        Write(address, utf8);
        strings[value] = (address, utf8.Length);
        return (address, utf8.Length);
    }

    /// <summary>Reserves <paramref name="size"/> zeroed bytes aligned to <paramref name="align"/>; returns the address.</summary>
    public uint Reserve(int size, int align = 1)
    {
        var at = count;
        while ((Base + (uint)at) % (uint)align != 0) at++;
        count = checked(at + size);
        return Base + (uint)at;
    }

    /// <summary>Reserves room for <paramref name="bytes"/>, aligned to <paramref name="align"/>, and keeps them by reference (not to be changed); returns the address.</summary>
    public uint Attach(ReadOnlyMemory<byte> bytes, int align = 1)
    {
        var address = Reserve(bytes.Length, align);
        if (bytes.Length > 0) blocks.Add(((int)(address - Base), bytes)); // no empty segment
        return address;
    }

    /// <summary>Overwrites bytes at an absolute address inside the region (outside attached blocks).</summary>
    public void Write(uint address, ReadOnlySpan<byte> value)
    {
        var at = checked((int)(address - Base));
        if (at + value.Length > count) throw new ArgumentOutOfRangeException(nameof(address), $"{value.Length} bytes at {address} are past the static region's end {End}");
        if (InBlock(at, value.Length))
            throw new ArgumentOutOfRangeException(nameof(address), $"{value.Length} bytes at {address} overlap an attached block");
        while (!value.IsEmpty)
        {
            var offset = at & (PageSize - 1);
            var piece = Math.Min(value.Length, PageSize - offset);
            value[..piece].CopyTo(WritablePage(at >> PageBits).AsSpan(offset));
            at += piece;
            value = value[piece..];
        }
    }

    /// <summary>Writes a little-endian i32 at an absolute address.</summary>
    public void WriteInt32(uint address, int value)
    {
        var littleEndian = BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);
        Write(address, MemoryMarshal.AsBytes(new ReadOnlySpan<int>(in littleEndian)));
    }

    private byte[] WritablePage(int page)
    {
        if (page >= pages.Length) Array.Resize(ref pages, Math.Max(page + 1, 2 * pages.Length));
        return pages[page] ??= new byte[PageSize];
    }
}
