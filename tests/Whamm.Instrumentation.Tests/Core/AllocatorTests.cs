using Whamm.Instrumentation.Core;

namespace Whamm.Instrumentation.Tests.Core;

/// <summary><c>whamm_init</c>, <c>mem_alloc</c>, <c>mem_free</c>: alignment, disjointness, reuse, memory growth.</summary>
public sealed class AllocatorTests
{
    private static int HeapBase(CoreHost host) => (int)host.Instance.GetGlobal(CoreLibrary.Exports.HeapBase)!.GetValue()!;

    [Fact]
    public void ZeroBytesIsNull()
    {
        using var host = new CoreHost();
        Assert.Equal(0, host.Alloc(0));
    }

    [Fact]
    public void BlocksAreAlignedDisjointAndAboveTheHeapBase()
    {
        using var host = new CoreHost();
        var blocks = new List<(int Ptr, int Len)>();
        for (var len = 1; len < 3000; len += 37)
        {
            var ptr = host.Alloc(len);
            Assert.Equal(0, ptr % 8);
            Assert.True(ptr >= HeapBase(host));
            host.Memory.GetSpan(ptr, len).Fill((byte)blocks.Count);
            blocks.Add((ptr, len));
        }
        foreach (var (block, i) in blocks.Select((b, i) => (b, i)))
            Assert.All(host.Memory.GetSpan(block.Ptr, block.Len).ToArray(), b => Assert.Equal((byte)i, b));
    }

    [Fact]
    public void InitPlacesTheHeapAfterTheStaticData()
    {
        using var host = new CoreHost();
        var staticEnd = HeapBase(host) + 1001;
        host.Action(CoreLibrary.Exports.Init)(staticEnd);
        var ptr = host.Alloc(4);
        Assert.InRange(ptr, staticEnd, staticEnd + 64);
        Assert.Equal(0, ptr % 8);
    }

    [Fact]
    public void FreedBlocksAreReusedPerSize()
    {
        using var host = new CoreHost();
        var small = host.Alloc(24);
        var large = host.Alloc(1000);
        host.Action(CoreLibrary.Exports.MemFree)(small);
        host.Action(CoreLibrary.Exports.MemFree)(large);
        host.Action(CoreLibrary.Exports.MemFree)(0); // freeing null is a no-op
        Assert.Equal(large, host.Alloc(900));
        Assert.Equal(small, host.Alloc(32));
        Assert.NotEqual(small, host.Alloc(32)); // that one is taken again
    }

    [Fact]
    public void MemoryGrowsAsNeeded()
    {
        using var host = new CoreHost();
        var pages = host.Memory.GetSize();
        var big = host.Alloc(64 << 20);
        Assert.True(host.Memory.GetSize() >= pages + 1024);
        host.Memory.WriteInt64(big + (64 << 20) - 8, -1);
        var many = Enumerable.Range(0, 1000).Select(_ => host.Alloc(100_000)).ToList();
        Assert.Equal(many.Count, many.Distinct().Count());
        Assert.True(many.Max() + 100_000 <= host.Memory.GetLength());
    }
}
