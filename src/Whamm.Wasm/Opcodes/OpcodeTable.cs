using System.Reflection;

namespace Whamm.Wasm.Opcodes;

/// <summary>
/// Lookups over the <see cref="Op"/> table, built once: by member, by encoding and by mnemonic.
/// </summary>
public static class OpcodeTable
{
    private const int MaxSubOpcode = 0x200;
    private static readonly OpcodeInfo[] ByOp;
    private static readonly OpcodeInfo?[] SingleByte = new OpcodeInfo?[256];
    private static readonly Dictionary<byte, OpcodeInfo?[]> Prefixed = new();
    private static readonly Dictionary<string, OpcodeInfo[]> ByName;

    static OpcodeTable()
    {
        var all = new List<OpcodeInfo>();
        foreach (var field in typeof(Op).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var row = field.GetCustomAttribute<OpAttribute>()
                ?? throw new InvalidOperationException($"Op.{field.Name} has no [Op] row");
            var info = new OpcodeInfo((Op)field.GetValue(null)!, row);
            all.Add(info);
            ref var slot = ref info.Prefix == 0 ? ref SingleByte[info.Code] : ref PrefixSlot(info.Prefix, info.Code);
            if (slot is not null) throw new InvalidOperationException($"opcode table: {info.Op} and {slot.Op} share an encoding");
            slot = info;
        }
        all.Sort((a, b) => a.Op.CompareTo(b.Op));
        ByOp = all.ToArray();
        for (var i = 0; i < ByOp.Length; i++)
        {
            if ((int)ByOp[i].Op != i) throw new InvalidOperationException("Op members must be numbered densely from 0");
        }
        ByName = all.GroupBy(o => o.Name).ToDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>Every row, in table order.</summary>
    public static IReadOnlyList<OpcodeInfo> All => ByOp;

    /// <summary>The row of a table member.</summary>
    public static OpcodeInfo Get(Op op) => ByOp[(int)op];

    /// <summary>The single-byte opcode <paramref name="code"/>, or null (also null for prefix bytes).</summary>
    public static OpcodeInfo? Lookup(byte code) => SingleByte[code];

    /// <summary>The prefixed opcode, or null when unknown.</summary>
    public static OpcodeInfo? Lookup(byte prefix, uint sub) =>
        Prefixed.TryGetValue(prefix, out var table) && sub < MaxSubOpcode ? table[sub] : null;

    /// <summary>Whether <paramref name="b"/> starts a prefixed opcode.</summary>
    public static bool IsPrefix(byte b) => Prefixed.ContainsKey(b);

    /// <summary>Rows with the given mnemonic (two for <c>select</c>: untyped and typed).</summary>
    public static IReadOnlyList<OpcodeInfo> WithName(string name) =>
        ByName.TryGetValue(name, out var rows) ? rows : [];

    private static ref OpcodeInfo? PrefixSlot(byte prefix, uint sub)
    {
        if (sub >= MaxSubOpcode) throw new InvalidOperationException($"sub-opcode 0x{sub:x} is beyond the table's range");
        if (!Prefixed.TryGetValue(prefix, out var table)) Prefixed[prefix] = table = new OpcodeInfo?[MaxSubOpcode];
        return ref table[sub];
    }
}
