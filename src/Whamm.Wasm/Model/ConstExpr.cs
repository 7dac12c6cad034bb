using Whamm.Wasm.Binary;
using Whamm.Wasm.Instructions;

namespace Whamm.Wasm.Model;

/// <summary>A constant expression (global initialiser, segment offset, element item), kept as its bytes, final <c>end</c> included.</summary>
public sealed class ConstExpr : IEquatable<ConstExpr>
{
    /// <summary>Wraps encoded bytes; <paramref name="fileOffset"/> locates them in errors.</summary>
    public ConstExpr(ReadOnlyMemory<byte> bytes, long fileOffset = 0)
    {
        Bytes = bytes;
        FileOffset = fileOffset;
    }

    /// <summary>The encoding, ending with <c>end</c> (0x0B).</summary>
    public ReadOnlyMemory<byte> Bytes { get; }
    /// <summary>Where the bytes were in the file (0 for built expressions).</summary>
    public long FileOffset { get; }

    /// <summary>A reader over the instructions (the final <c>end</c> included).</summary>
    public InstructionReader Read() => new(new WasmReader(Bytes, FileOffset, "constant expression"));

    /// <summary>The decoded instructions.</summary>
    public List<Instruction> Decode()
    {
        var list = new List<Instruction>();
        var reader = Read();
        while (!reader.AtEnd) list.Add(reader.Read());
        return list;
    }

    /// <inheritdoc/>
    public bool Equals(ConstExpr? other) => other is not null && Bytes.Span.SequenceEqual(other.Bytes.Span);
    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ConstExpr);
    /// <inheritdoc/>
    public override int GetHashCode() => Bytes.Length;
}
