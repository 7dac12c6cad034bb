using Whamm.Instrumentation.Core;
using Whamm.Instrumentation.Folding;
using Whamm.Instrumentation.State;
using Whamm.Language.Semantics;
using Whamm.Wasm.Editing;
using Whamm.Wasm.Model;
using Whamm.Wasm.Instructions;
using Whamm.Wasm.Types;

namespace Whamm.Instrumentation.Counters;

/// <summary>
/// Map entries whose key is known at the site (<c>graph[(fid, imm0)]++</c>): the hot path bumps a 64-bit counter per
/// (map, key) in the instrumentation memory instead of calling the core library, and at exit, before <c>wasm:end</c>
/// and the report, every non-zero counter is added to its entry (one table-driven loop per map). Amounts are positive
/// constants, so a counter is non-zero exactly when the plain code would have created the entry.
/// <para>The counters and keys live in a region of their own, placed after everything else once instrumenting is
/// done and addressed from the immutable global <see cref="Base"/>: reserving them among the per-site variables would
/// move those, and the report prints a per-site variable's address as its id, which must not depend on
/// <c>--no-opt</c>.</para>
/// </summary>
internal sealed class MapCounters
{
    private readonly CoreBinding core;
    private readonly ModuleEditor editor;
    private readonly int basePosition; // in Module.Globals
    private readonly Dictionary<(int Map, string Key), uint> slots = [];
    private readonly Dictionary<int, (MapLocation Map, List<(uint Slot, uint Key)> Entries)> maps = [];
    private readonly List<(uint Offset, byte[] Bytes)> keys = [];
    private uint size;

    public MapCounters(CoreBinding core, ModuleEditor editor)
    {
        this.core = core;
        this.editor = editor;
        Base = editor.AddGlobal(new GlobalType(ValType.I32, Mutable: false), new InstructionBuilder().I32Const(0));
        basePosition = editor.Module.Globals.Count - 1;
    }

    /// <summary>The global holding the region's address (set by <see cref="EmitFlush"/>, which lays the region out).</summary>
    public uint Base { get; }

    /// <summary>The offset in the region of the counter of <c>map[key]</c> (allocated on first use, with its key).</summary>
    public uint SlotOf(MapLocation map, IReadOnlyList<Constant> key)
    {
        var text = string.Join(",", key);
        if (slots.TryGetValue((map.Id, text), out var slot)) return slot;
        var keyType = map.Type.MapKey;
        var elements = keyType.IsTuple ? keyType.Elements : [keyType];
        var keyOffset = Reserve(ValueLayout.Size(keyType));
        var offset = keyOffset;
        for (var i = 0; i < elements.Count; i++)
        {
            keys.Add((offset, ScriptState.Encode(key[i], core.Data)));
            offset += (uint)ValueLayout.Size(elements[i]);
        }
        slot = Reserve(8);
        slots[(map.Id, text)] = slot;
        if (!maps.TryGetValue(map.Id, out var entries)) maps[map.Id] = entries = (map, []);
        entries.Entries.Add((slot, keyOffset));
        return slot;
    }

    private uint Reserve(int bytes)
    {
        var at = (size + 7) & ~7u;
        size = at + (uint)bytes;
        return at;
    }

    /// <summary>Whether <paramref name="key"/> can be a counted key: integers and bools, alone or in a tuple.</summary>
    public static bool CountableKey(WhammType key) =>
        key.IsTuple ? key.Elements.All(e => !e.IsTuple && Scalar(e)) : Scalar(key);

    private static bool Scalar(WhammType t) => Constant.IsIntegerType(t) || t.Kind == WhammTypeKind.Bool;

    /// <summary>
    /// Lays the region out after the rest of the static data, then for each map walks its table of (counter, key)
    /// address pairs and adds every non-zero counter to the entry.
    /// <code>
    /// loop: p &lt; end ?  v = i64.load (i32.load p)  if v != 0: e = map_slot(id, key at i32.load p+4); *e += v;  p += 8
    /// </code>
    /// </summary>
    public void EmitFlush(InstructionBuilder b, Func<ValType, uint> local)
    {
        if (maps.Count == 0) return;
        var region = core.Data.Reserve((int)size, 8);
        foreach (var (offset, bytes) in keys) core.Data.Write(region + offset, bytes);
        editor.Module.Globals[basePosition] = editor.Module.Globals[basePosition] with { Init = new InstructionBuilder().I32Const((int)region).ToConstExpr() };
        var mem = core.Memory;
        var p = local(ValType.I32);
        var v = local(ValType.I64);
        var entry = local(ValType.I32);
        foreach (var (map, entries) in maps.Values.OrderBy(m => m.Map.Id))
        {
            var table = core.Data.Reserve(entries.Count * 8, 4);
            for (var i = 0; i < entries.Count; i++)
            {
                core.Data.WriteInt32(table + (uint)(8 * i), (int)(region + entries[i].Slot));
                core.Data.WriteInt32(table + (uint)(8 * i + 4), (int)(region + entries[i].Key));
            }
            var end = table + (uint)(8 * entries.Count);
            var wide = ValueLayout.ValType(map.Type.MapValue) == ValType.I64;
            b.I32Const((int)table).LocalSet(p);
            b.Block(BlockType.Empty, outer => outer.Loop(BlockType.Empty, loop =>
            {
                loop.LocalGet(p).I32Const((int)end).I32GeU().BrIf(1);
                loop.LocalGet(p).I32Load(0, mem).I64Load(0, mem).LocalTee(v).I64Eqz().I32Eqz();
                loop.If(BlockType.Empty, add =>
                {
                    EmitEntry(add, map, p);
                    add.LocalSet(entry).LocalGet(entry).LocalGet(entry);
                    if (wide) add.I64Load(0, mem).LocalGet(v).I64Add().I64Store(0, mem);
                    else add.I32Load(0, mem).LocalGet(v).I32WrapI64().I32Add().I32Store(0, mem);
                });
                loop.LocalGet(p).I32Const(8).I32Add().LocalSet(p).Br(0);
            }));
        }
    }

    /// <summary>Pushes the address of the entry whose key is at the address in the table at <paramref name="p"/> + 4 (inserted when missing).</summary>
    private void EmitEntry(InstructionBuilder b, MapLocation map, uint p)
    {
        var mem = core.Memory;
        b.I32Const(map.Id).LocalGet(p).I32Load(4, mem);
        switch (map.Type.MapKey.Kind)
        {
            case WhammTypeKind.U32 or WhammTypeKind.I32:
                b.I32Load(0, mem).Call(core.Function(CoreLibrary.Exports.MapSlotI32));
                break;
            case WhammTypeKind.U64 or WhammTypeKind.I64:
                b.I64Load(0, mem).Call(core.Function(CoreLibrary.Exports.MapSlotI64));
                break;
            default:
                b.Call(core.Function(CoreLibrary.Exports.MapSlot));
                break;
        }
    }
}
