namespace Whamm.Wasm.Opcodes;

/// <summary>
/// One row of the opcode table, attached to a member of <see cref="Op"/>.
/// </summary>
/// <param name="code">The encoding: a single byte, or <c>prefix &lt;&lt; 16 | subopcode</c> for prefixed opcodes.</param>
/// <param name="name">The text-format mnemonic.</param>
/// <param name="category">Whamm's category.</param>
/// <param name="signature">
/// Operand and result types as <c>"i32 i32 -> i32"</c>; <c>addr</c> stands for the index type of the
/// memory named by the memarg (i32, or i64 under memory64). <c>null</c> marks an instruction whose typing
/// depends on immediates or on the control stack; the validator types those by hand.
/// </param>
/// <param name="immediates">Immediates in encoding order.</param>
[AttributeUsage(AttributeTargets.Field)]
internal sealed class OpAttribute(int code, string name, OpCategory category, string? signature, params ImmKind[] immediates) : Attribute
{
    public int Code { get; } = code;
    public string Name { get; } = name;
    public OpCategory Category { get; } = category;
    public string? Signature { get; } = signature;
    public ImmKind[] Immediates { get; } = immediates;
    /// <summary>Bytes accessed in memory (natural alignment = log2 of it) for memory instructions.</summary>
    public int Size { get; init; }
    /// <summary>The proposal that introduced the instruction, when it is not MVP.</summary>
    public Feature Feature { get; init; }
}
