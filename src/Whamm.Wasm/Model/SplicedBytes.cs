using Whamm.Wasm.Binary;

namespace Whamm.Wasm.Model;

/// <summary>
/// Bytes made of new bytes and ranges of an original, kept apart until they are written: an edited body's long
/// untouched runs stay in the input instead of being copied into an array of their own (a sparse rewrite of yosys's
/// 28 MB of code held 32 MB of rebuilt bodies besides the input, and copied each byte twice on its way out).
/// </summary>
public sealed class SplicedBytes
{
    private readonly ReadOnlyMemory<byte> _original;
    private readonly byte[] _fresh;
    private readonly int[] _pieces; // triples: new bytes up to this offset of _fresh, then _original[start..start + length]

    /// <summary>
    /// The bytes <paramref name="fresh"/> with ranges of <paramref name="original"/> between them: for each triple of
    /// <paramref name="pieces"/>, the new bytes up to the triple's first number, then the original's bytes from its
    /// second number, as many as its third; then the rest of the new bytes.
    /// </summary>
    public SplicedBytes(ReadOnlyMemory<byte> original, byte[] fresh, int[] pieces)
    {
        if (pieces.Length % 3 != 0) throw new ArgumentException("pieces come in triples", nameof(pieces));
        long length = fresh.Length;
        var upTo = 0;
        for (var i = 0; i < pieces.Length; i += 3)
        {
            if (pieces[i] < upTo || pieces[i] > fresh.Length) throw new ArgumentException($"piece {i / 3} takes new bytes out of order", nameof(pieces));
            if ((uint)pieces[i + 1] > (uint)original.Length || (uint)pieces[i + 2] > (uint)(original.Length - pieces[i + 1]))
                throw new ArgumentException($"piece {i / 3} is not within the original", nameof(pieces));
            upTo = pieces[i];
            length += pieces[i + 2];
        }
        _original = original;
        _fresh = fresh;
        _pieces = pieces;
        Length = checked((int)length);
    }

    /// <summary>The number of bytes.</summary>
    public int Length { get; }

    /// <summary>Appends the bytes to <paramref name="w"/>.</summary>
    public void WriteTo(WasmWriter w)
    {
        var original = _original.Span;
        var taken = 0;
        for (var i = 0; i < _pieces.Length; i += 3)
        {
            w.WriteBytes(_fresh.AsSpan(taken, _pieces[i] - taken));
            w.WriteBytes(original.Slice(_pieces[i + 1], _pieces[i + 2]));
            taken = _pieces[i];
        }
        w.WriteBytes(_fresh.AsSpan(taken));
    }

    /// <summary>The bytes in one array.</summary>
    public byte[] ToArray()
    {
        var w = new WasmWriter(Length);
        WriteTo(w);
        return w.Detach();
    }
}
