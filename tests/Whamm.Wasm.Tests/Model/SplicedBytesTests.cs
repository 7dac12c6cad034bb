using Whamm.Wasm.Binary;
using Whamm.Wasm.Model;

namespace Whamm.Wasm.Tests.Model;

/// <summary>New bytes with ranges of an original between them, in order, and pieces that cannot be taken.</summary>
public class SplicedBytesTests
{
    private static readonly byte[] Original = [10, 11, 12, 13, 14, 15, 16, 17];

    [Fact]
    public void NewBytesAndOriginalRangesComeOutInOrder()
    {
        // "1 2", original[2..5], "3", original[6..8], "4 5"
        var spliced = new SplicedBytes(Original, [1, 2, 3, 4, 5], [2, 2, 3, 3, 6, 2]);
        byte[] expected = [1, 2, 12, 13, 14, 3, 16, 17, 4, 5];
        Assert.Equal(expected.Length, spliced.Length);
        Assert.Equal(expected, spliced.ToArray());
        var w = new WasmWriter();
        w.WriteByte(99);
        spliced.WriteTo(w);
        Assert.Equal([99, .. expected], w.WrittenSpan.ToArray());
    }

    [Fact]
    public void APieceBeforeAnyNewByteAndNoNewBytesAtAll()
    {
        Assert.Equal([10, 11, 17], new SplicedBytes(Original, [], [0, 0, 2, 0, 7, 1]).ToArray());
        Assert.Equal([15, 16, 1], new SplicedBytes(Original, [1], [0, 5, 2]).ToArray());
    }

    [Fact]
    public void PiecesOutOfOrderOrOutsideTheOriginalAreRefused()
    {
        Assert.Throws<ArgumentException>(() => new SplicedBytes(Original, [1, 2], [2, 0, 1, 1, 0, 1])); // new bytes taken backwards
        Assert.Throws<ArgumentException>(() => new SplicedBytes(Original, [1, 2], [3, 0, 1])); // more new bytes than there are
        Assert.Throws<ArgumentException>(() => new SplicedBytes(Original, [], [0, 6, 3])); // past the original's end
        Assert.Throws<ArgumentException>(() => new SplicedBytes(Original, [], [0, 1])); // not a triple
    }

    [Fact]
    public void ABodyOfSplicedBytesJoinsThemOnlyWhenAskedForItsBytes()
    {
        var original = (byte[])Original.Clone();
        var body = new FunctionBody(new SplicedBytes(original, [0], [1, 0, 3]));
        Assert.Equal(4, body.Length);
        original[1] = 42; // not yet joined: the writer takes the original as it is now
        var w = new WasmWriter();
        body.WriteTo(w);
        Assert.Equal([0, 10, 42, 12], w.WrittenSpan.ToArray());
        Assert.Equal([0, 10, 42, 12], body.Bytes.ToArray());
        Assert.Empty(body.Locals);
    }
}
