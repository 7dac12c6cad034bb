using System.Runtime.InteropServices;
using Whamm.Instrumentation.State;

namespace Whamm.Instrumentation.Tests.Core;

/// <summary>
/// <see cref="StaticData.Segments"/> leaves out what the zeroed memory already holds: copying the segments into zeros
/// must give back the whole image, and long runs of zeros (a dense monitor's counters) must not be in them.
/// </summary>
public sealed class StaticDataTests
{
    private const uint Base = 1000;

    [Fact]
    public void SegmentsSkipLongZeroRunsAndRebuildTheImage()
    {
        var data = new StaticData(Base);
        var hello = data.String("hello");
        var counters = data.Reserve(100_000, 4);
        var flag = data.Reserve(4, 4);
        data.WriteInt32(flag, 7);
        data.Reserve(50_000);

        var segments = data.Segments();

        Assert.Equal([(hello.Address, 5), (flag, 1)], segments.Select(s => (s.Address, s.Bytes.Length)));
        Assert.InRange(counters, hello.Address + 5, flag - 100_000);
        var expected = new byte[data.End - Base];
        "hello"u8.CopyTo(expected.AsSpan((int)(hello.Address - Base)));
        expected[flag - Base] = 7;
        Assert.Equal(expected, Rebuild(data, segments));
    }

    [Fact]
    public void ShortZeroRunsStayInsideOneSegment()
    {
        var data = new StaticData(Base);
        var expected = new List<byte>();
        for (var i = 0; i < 2000; i++)
        {
            data.WriteInt32(data.Reserve(16, 8), i + 1); // 12 zero bytes between values
            expected.AddRange(BitConverter.GetBytes(i + 1).Concat(new byte[12]));
        }

        var segments = data.Segments();

        Assert.Single(segments);
        Assert.Equal(expected, Rebuild(data, segments));
    }

    [Fact]
    public void ManyGapsKeepTheLongestAndAtMostSixteenSegments()
    {
        var data = new StaticData(Base);
        var values = new List<(uint Address, int Value)>();
        for (var i = 1; i <= 40; i++)
        {
            values.Add((data.Reserve(4, 4), i));
            data.Reserve(4096 * (2 * (i % 5) + 1) + 8); // 1, 3, 5, 7 or 9 pages and a bit
        }
        values.Add((data.Reserve(4, 4), -1));
        foreach (var (address, value) in values) data.WriteInt32(address, value);

        var segments = data.Segments();

        Assert.Equal(16, segments.Count);
        var expected = new byte[data.End - Base];
        foreach (var (address, value) in values) BitConverter.GetBytes(value).CopyTo(expected, address - Base);
        Assert.Equal(expected, Rebuild(data, segments));
        var left = segments.Zip(segments.Skip(1), (a, b) => b.Address - (a.Address + (uint)a.Bytes.Length)).ToList();
        Assert.All(left, gap => Assert.True(gap >= 7 * 4096, $"a gap of {gap} bytes split the image, not one of the longest"));
    }

    [Fact]
    public void AnAllZeroImageHasNoSegments()
    {
        var data = new StaticData(Base);
        data.Reserve(5_000);
        data.Attach(Array.Empty<byte>()); // an empty block adds no segment either
        data.Reserve(5_000);
        Assert.Empty(data.Segments());
        Assert.Equal(Base + 10_000, data.End);
    }

    [Fact]
    public void AnAttachedBlockIsItsOwnSegmentAndIsNotCopied()
    {
        var data = new StaticData(Base);
        var before = data.String("before");
        data.Reserve(3);
        var rows = Enumerable.Range(0, 200_000).Select(i => (byte)(i % 251 + 1)).ToArray();
        var block = data.Attach(rows, 4);
        var after = data.String("after");

        var segments = data.Segments();

        Assert.Equal(0u, block % 4);
        Assert.Equal([(before.Address, 6), (block, rows.Length), (after.Address, 5)], segments.Select(s => (s.Address, s.Bytes.Length)));
        Assert.True(MemoryMarshal.TryGetArray(segments[1].Bytes, out var held) && ReferenceEquals(held.Array, rows));
        var expected = new byte[data.End - Base];
        "before"u8.CopyTo(expected.AsSpan((int)(before.Address - Base)));
        rows.CopyTo(expected, block - Base);
        "after"u8.CopyTo(expected.AsSpan((int)(after.Address - Base)));
        Assert.Equal(expected, Rebuild(data, segments));
        Assert.Throws<ArgumentOutOfRangeException>(() => data.WriteInt32(block + 8, 1));
    }

    [Fact]
    public void ValuesAcrossPageBoundariesComeBackWhole()
    {
        var data = new StaticData(Base);
        var expected = new byte[300_000];
        var random = new Random(7);
        for (var at = 0; at < expected.Length; at += 1 + random.Next(40))
        {
            var value = random.Next(1, int.MaxValue);
            if (at + 4 > expected.Length) break;
            BitConverter.GetBytes(value).CopyTo(expected, at);
        }
        data.Reserve(expected.Length);
        data.Write(Base, expected); // one write over several pages, then single values over page edges
        foreach (var edge in new[] { 65_536, 131_072, 196_608 })
        {
            data.WriteInt32(Base + (uint)edge - 2, -1);
            BitConverter.GetBytes(-1).CopyTo(expected, edge - 2);
        }

        var segments = data.Segments();

        Assert.Single(segments);
        Assert.Equal(expected, Rebuild(data, segments));
    }

    /// <summary>What the zeroed memory holds once the segments are copied in.</summary>
    private static byte[] Rebuild(StaticData data, List<(uint Address, ReadOnlyMemory<byte> Bytes)> segments)
    {
        var memory = new byte[data.End - Base];
        foreach (var (address, bytes) in segments)
        {
            Assert.InRange(address, Base, data.End - (uint)bytes.Length);
            bytes.Span.CopyTo(memory.AsSpan((int)(address - Base)));
        }
        return memory;
    }
}
