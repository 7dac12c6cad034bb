namespace Whamm.Wasm.Opcodes;

/// <summary>An operand or result slot of a fixed instruction signature.</summary>
public enum OperandKind : byte
{
#pragma warning disable CS1591
    I32, I64, F32, F64, V128,
#pragma warning restore CS1591
    /// <summary>The index type of the memory the instruction's memarg names (i32, or i64 for memory64).</summary>
    Addr,
}

/// <summary>One row of <see cref="Op"/>, decoded once into a plain object for fast lookup.</summary>
public sealed class OpcodeInfo
{
    internal OpcodeInfo(Op op, OpAttribute row)
    {
        Op = op;
        Prefix = row.Code > 0xFF ? (byte)(row.Code >> 16) : (byte)0;
        Code = Prefix == 0 ? (uint)row.Code : (uint)(row.Code & 0xFFFF);
        Name = row.Name;
        Category = row.Category;
        ImmediateKinds = row.Immediates;
        OneIndex = ImmediateKinds is [var only] && ImmKinds.IsIndex(only);
        MemorySize = row.Size;
        Feature = row.Feature;
        if (row.Signature is { } sig)
        {
            var arrow = sig.IndexOf("->", StringComparison.Ordinal);
            if (arrow < 0) throw new InvalidOperationException($"opcode table row {op}: signature '{sig}' has no '->'");
            Params = ParseKinds(op, sig[..arrow]);
            Results = ParseKinds(op, sig[(arrow + 2)..]);
        }
    }

    /// <summary>The table member.</summary>
    public Op Op { get; }
    /// <summary>0 for single-byte opcodes, else the prefix byte (0xFB, 0xFC, 0xFD, 0xFE).</summary>
    public byte Prefix { get; }
    /// <summary>The opcode byte, or the sub-opcode after the prefix.</summary>
    public uint Code { get; }
    /// <summary>Text-format mnemonic.</summary>
    public string Name { get; }
    /// <summary>Whamm category.</summary>
    public OpCategory Category { get; }
    /// <summary>Immediates in encoding order.</summary>
    public IReadOnlyList<ImmKind> Immediates => ImmediateKinds;
    /// <summary>The same as an array, for the decoding and encoding loops (no interface dispatch).</summary>
    internal ImmKind[] ImmediateKinds { get; }
    /// <summary>Whether the only immediate is one u32 LEB128 (an index or label): the decoder's fast path.</summary>
    internal bool OneIndex { get; }
    /// <summary>Bytes a memory instruction accesses; 0 for others.</summary>
    public int MemorySize { get; }
    /// <summary>The proposal that introduced it (<see cref="Feature.None"/> for MVP).</summary>
    public Feature Feature { get; }
    /// <summary>Operand types (bottom of stack first), or null when typing is instruction-specific.</summary>
    public OperandKind[]? Params { get; }
    /// <summary>Result types, or null when typing is instruction-specific.</summary>
    public OperandKind[]? Results { get; }
    /// <summary>True when the row carries a fixed signature.</summary>
    public bool HasFixedSignature => Params is not null;
    /// <summary>Natural alignment exponent (log2 of <see cref="MemorySize"/>).</summary>
    public int NaturalAlignment => MemorySize == 0 ? 0 : System.Numerics.BitOperations.Log2((uint)MemorySize);
    /// <summary>
    /// Whamm's <c>bytecode</c> value: the byte, or <c>prefix &lt;&lt; 8 | sub</c> (e.g. 0xFC08); sub-opcodes
    /// above 0xFF (relaxed SIMD) take <c>prefix &lt;&lt; 16 | sub</c> (0xFD0100) so every row stays distinct.
    /// </summary>
    public uint Bytecode => Prefix == 0 ? Code : (uint)Prefix << (Code > 0xFF ? 16 : 8) | Code;
    /// <summary>Whether the instruction has any immediate of the given kind.</summary>
    public bool Has(ImmKind kind) => Immediates.Contains(kind);

    /// <inheritdoc/>
    public override string ToString() => Name;

    private static OperandKind[] ParseKinds(Op op, string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var kinds = new OperandKind[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            kinds[i] = parts[i] switch
            {
                "i32" => OperandKind.I32,
                "i64" => OperandKind.I64,
                "f32" => OperandKind.F32,
                "f64" => OperandKind.F64,
                "v128" => OperandKind.V128,
                "addr" => OperandKind.Addr,
                _ => throw new InvalidOperationException($"opcode table row {op}: unknown type '{parts[i]}'"),
            };
        }
        return kinds;
    }
}
