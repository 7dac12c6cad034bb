using Whamm.Instrumentation.Core;
using Whamm.Instrumentation.Folding;
using Whamm.Instrumentation.State;
using Whamm.Language.Semantics;
using Whamm.Wasm.Editing;
using Whamm.Wasm.Instructions;
using Whamm.Wasm.Model;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Types;

namespace Whamm.Instrumentation.Counters;

/// <summary>
/// Map entries keyed by a run-time 32-bit value (<c>trace[(effective_addr, is_write)]++</c>; the other key elements known
/// at the site): the hot path bumps a one-byte counter in a dense two-level array indexed by that value instead of
/// hashing the key in the core library; a counter that passes 255 carries its multiples of 256 into the map entry, and
/// at exit every non-zero counter is added to its entry. One array per <em>variant</em> (map and the known elements): a
/// directory of 2^16 page addresses and pages of 2^16 counters, so an array is no larger than the memory whose accesses
/// it counts. The arrays have a memory of their own, so every address the hot path uses is a constant:
/// <code>
/// [0, 64 KiB)            the sentinel: 255s, the page of every directory entry still 0 (start-up fills it)
/// [64 KiB + V * 256 KiB)  variant V's directory
/// then                    pages, one memory.grow each (zeroed by Wasm), while the memory's maximum allows
/// </code>
/// Until a page is touched, its counters are the sentinel's, so the hot path has one test: whether the add carried.
/// The slow path (<c>whamm_dense_miss_V</c>) then either finds a real carry and adds it to the entry, or finds the
/// sentinel, restores it and gives the key a page of its own (past its budget it adds to the map as written:
/// a sparse key space costs at most the budget and stays exact). Amounts are positive constants, so an entry exists
/// exactly when its counter is non-zero or carried, as with the plain code.
/// <code>
/// c = dir_V[k &gt;&gt; 16] + (k &amp; 0xffff)     ;; i32.load offset=DIR_V
/// v = *c + N; *c = (u8)v; if v &gt; 255: whamm_dense_miss_V(k, v)
/// </code>
/// Only sites inside the program's functions use it (<c>wasm:end</c> and <c>report</c> probes run after the flush).
/// </summary>
internal sealed class DenseMapCounters
{
    private const int PageBits = 16;
    private const int PageBytes = 1 << PageBits; // a byte per counter, a Wasm page per page
    private const uint DirectoryBytes = PageBytes * 4;

    private readonly CoreBinding core;
    private readonly ModuleEditor editor;
    private readonly ScriptState state;
    private readonly uint memory;
    private readonly int budget; // pages
    private readonly Dictionary<(int Map, string Key), Variant> variants = [];

    private sealed record Variant(int Index, MapLocation Map, Constant?[] Key)
    {
        public uint AddFunction { get; set; }
        public uint MissFunction { get; set; }
        public ValType ValueType => ValueLayout.ValType(Map.Type.MapValue);
        public bool Wide => ValueType == ValType.I64;
        public uint Directory => PageBytes + (uint)Index * DirectoryBytes;
    }

    /// <summary>Counters in a memory of their own; <paramref name="budget"/>: how many pages it may grow by.</summary>
    public DenseMapCounters(CoreBinding core, ModuleEditor editor, ScriptState state, int budget)
    {
        this.budget = budget;
        this.core = core;
        this.editor = editor;
        this.state = state;
        memory = editor.AddMemory(new MemoryType(new Limits(1))); // sized by EmitFlush, once the variants are known
    }

    /// <summary>Whether <paramref name="key"/> (its known elements, null where run-time) can be counted here: exactly one run-time element, a 32-bit integer.</summary>
    public static bool Countable(WhammType keyType, IReadOnlyList<Constant?> key)
    {
        var elements = keyType.IsTuple ? keyType.Elements : [keyType];
        var dynamic = -1;
        for (var i = 0; i < key.Count; i++)
        {
            if (key[i] is not null) continue;
            if (dynamic >= 0 || elements[i].Kind is not (WhammTypeKind.U32 or WhammTypeKind.I32)) return false;
            dynamic = i;
        }
        return dynamic >= 0;
    }

    /// <summary>
    /// <c>map[key] += amount</c> where <see cref="Countable"/> holds and <paramref name="amount"/> is positive; the
    /// run-time key element is in local <paramref name="k"/>.
    /// </summary>
    public void EmitAdd(InstructionBuilder b, MapLocation map, Constant?[] key, uint k, long amount, Func<ValType, uint> newLocal)
    {
        var v = VariantOf(map, key);
        var cell = newLocal(ValType.I32);
        var sum = newLocal(ValType.I32);
        // Amounts past a counter's range carry every time: correct, if slow (wider amounts wrap in the map anyway).
        var n = (int)Math.Min(amount, int.MaxValue - 255);
        EmitCell(b, v, k);
        b.LocalTee(cell).LocalGet(cell).I32Load8U(0, memory).I32Const(n).I32Add().LocalTee(sum).I32Store8(0, memory);
        b.LocalGet(sum).I32Const(255).Emit(Op.I32GtU).If(BlockType.Empty, carried => carried.LocalGet(k).LocalGet(sum).Call(v.MissFunction));
    }

    /// <summary>Pushes the address of <c>k</c>'s directory entry less the directory's (a load's offset adds it).</summary>
    private static void EmitEntry(InstructionBuilder b, uint k) => b.LocalGet(k).I32Const(PageBits).I32ShrU().I32Const(2).I32Shl();

    /// <summary>Pushes the address of <c>k</c>'s counter (in the sentinel while its page is untouched).</summary>
    private void EmitCell(InstructionBuilder b, Variant v, uint k)
    {
        EmitEntry(b, k);
        b.I32Load(v.Directory, memory).LocalGet(k).I32Const(PageBytes - 1).I32And().I32Add();
    }

    private Variant VariantOf(MapLocation map, Constant?[] key)
    {
        var text = string.Join(",", key.Select(c => c?.ToString() ?? "_"));
        if (variants.TryGetValue((map.Id, text), out var known)) return known;
        var v = new Variant(variants.Count, map, key);
        v.AddFunction = AddFunction(v);
        v.MissFunction = MissFunction(v);
        variants[(map.Id, text)] = v;
        return v;
    }

    /// <summary>
    /// <c>whamm_dense_miss_V(k, sum)</c>, after the add at <c>k</c>'s counter reached <c>sum</c> &gt; 255 (the counter
    /// holds its low byte): on a page of its own, the carry goes to the entry; on the sentinel, which held 255, the
    /// sentinel is restored and <c>k</c> gets a page of its own counting the amount (when the memory cannot grow: the
    /// amount goes to the map instead).
    /// </summary>
    private uint MissFunction(Variant v) => AddHelper($"whamm_dense_miss_{v.Index}", [ValType.I32, ValType.I32], [], [ValType.I32], (b, _) =>
    {
        const uint k = 0, sum = 1, page = 2;
        void AddToEntry(InstructionBuilder x)
        {
            if (v.Wide) x.I64ExtendI32U();
            x.Call(v.AddFunction);
        }
        void Carry(InstructionBuilder x)
        {
            x.LocalGet(k).LocalGet(sum).I32Const(~0xFF).I32And();
            AddToEntry(x);
        }
        EmitEntry(b, k);
        b.I32Load(v.Directory, memory).If(BlockType.Empty, carry =>
        {
            Carry(carry);
            carry.Return();
        });
        b.LocalGet(k).I32Const(PageBytes - 1).I32And().I32Const(0xFF).I32Store8(0, memory);
        b.LocalGet(sum).I32Const(0xFF).I32Sub().LocalSet(sum); // the amount
        b.I32Const(1).MemoryGrow(memory).LocalTee(page).I32Const(-1).I32Eq().If(BlockType.Empty, full =>
        {
            full.LocalGet(k).LocalGet(sum);
            AddToEntry(full);
            full.Return();
        });
        EmitEntry(b, k);
        b.LocalGet(page).I32Const(PageBits).I32Shl().LocalTee(page).I32Store(v.Directory, memory);
        b.LocalGet(page).LocalGet(k).I32Const(PageBytes - 1).I32And().I32Add().LocalGet(sum).I32Store8(0, memory);
        b.LocalGet(sum).I32Const(0xFF).Emit(Op.I32GtU).If(BlockType.Empty, Carry);
    });

    /// <summary><c>whamm_dense_add_V(k, amount)</c>: <c>map[key(k)] += amount</c>, the entry inserted when missing.</summary>
    private uint AddFunction(Variant v) => AddHelper($"whamm_dense_add_{v.Index}", [ValType.I32, v.ValueType], [], [ValType.I32], (b, temp) =>
    {
        const uint k = 0, amount = 1, entry = 2;
        var mem = core.Memory;
        var keyType = v.Map.Type.MapKey;
        b.I32Const(v.Map.Id);
        if (!keyType.IsTuple)
        {
            b.LocalGet(k).Call(core.Function(CoreLibrary.Exports.MapSlotI32));
        }
        else
        {
            // The key is written to the scratch area the plain code uses (reserved up front, so no address moves).
            var scratch = state.Scratch(ValueLayout.Size(keyType));
            var at = new MemoryLocation(keyType, mem, scratch);
            for (var i = 0; i < v.Key.Length; i++)
            {
                if (v.Key[i] is { } c)
                {
                    if (Constant.WasmType(c.Type) == ValType.I64) b.I64Const(c.WasmValue);
                    else b.I32Const((int)c.WasmValue);
                }
                else
                {
                    b.LocalGet(k);
                }
                at.Element(i).EmitStore(b, temp);
            }
            b.I32Const((int)scratch).Call(core.Function(CoreLibrary.Exports.MapSlot));
        }
        b.LocalTee(entry).LocalGet(entry);
        if (v.Wide) b.I64Load(0, mem).LocalGet(amount).I64Add().I64Store(0, mem);
        else b.I32Load(0, mem).LocalGet(amount).I32Add().I32Store(0, mem);
    });

    /// <summary>A function of ours; <paramref name="body"/> may add locals after <paramref name="locals"/> through its second argument.</summary>
    private uint AddHelper(string name, ValType[] parameters, ValType[] results, ValType[] locals, Action<InstructionBuilder, Func<ValType, uint>> body)
    {
        var b = new InstructionBuilder();
        var all = new List<ValType>(locals);
        body(b, t =>
        {
            all.Add(t);
            return (uint)(parameters.Length + all.Count - 1);
        });
        locals = [.. all];
        var f = editor.AddFunction(editor.AddType(parameters, results), b, locals);
        editor.SetFunctionName(f, name);
        return f;
    }

    /// <summary>
    /// Sizes the memory (the sentinel, the directories, the budget) and makes start-up fill the sentinel; at exit every
    /// non-zero counter of a page of its own is added to its entry, after one pass that counts them so that each map
    /// grows once.
    /// <code>
    /// for d in 0..2^16: page = dir[d]; if page: for i in 0..2^16: n = page[i]; if n: whamm_dense_add_V(d &lt;&lt; 16 | i, n)
    /// </code>
    /// </summary>
    public void EmitFlush(InstructionBuilder b, Func<ValType, uint> local)
    {
        if (variants.Count == 0) return;
        var pages = (ulong)(1 + variants.Count * (DirectoryBytes / PageBytes));
        var defined = (int)(memory - (uint)editor.Module.ImportCount(ExternalKind.Memory));
        editor.Module.Memories[defined] = new MemoryType(new Limits(pages, pages + (ulong)budget));
        state.Startup.I32Const(0).I32Const(0xFF).I32Const(PageBytes).MemoryFill(memory);
        var scan = new Scan(local(ValType.I32), local(ValType.I32), local(ValType.I32), local(ValType.I32));
        var count = local(ValType.I32);
        foreach (var map in variants.Values.GroupBy(v => v.Map.Id))
        {
            b.I32Const(0).LocalSet(count);
            foreach (var v in map) EmitScan(b, v, scan, x => x.LocalGet(count).I32Const(1).I32Add().LocalSet(count));
            b.I32Const(map.Key).LocalGet(count).Call(core.Function(CoreLibrary.Exports.MapReserve));
            foreach (var v in map)
            {
                EmitScan(b, v, scan, add =>
                {
                    add.LocalGet(scan.Directory).I32Const(PageBits).I32Shl().LocalGet(scan.Index).I32Or().LocalGet(scan.Counter);
                    if (v.Wide) add.I64ExtendI32U();
                    add.Call(v.AddFunction);
                });
            }
        }
    }

    /// <summary>The locals of a scan: directory index, page, index in the page, counter.</summary>
    private readonly record struct Scan(uint Directory, uint Page, uint Index, uint Counter);

    /// <summary>Runs <paramref name="nonZero"/> for every non-zero counter of variant <paramref name="v"/>'s own pages (its value in <see cref="Scan.Counter"/>).</summary>
    private void EmitScan(InstructionBuilder b, Variant v, Scan scan, Action<InstructionBuilder> nonZero)
    {
        b.I32Const(0).LocalSet(scan.Directory);
        b.Loop(BlockType.Empty, directory =>
        {
            directory.LocalGet(scan.Directory).I32Const(2).I32Shl().I32Load(v.Directory, memory).LocalTee(scan.Page);
            directory.If(BlockType.Empty, counters =>
            {
                counters.I32Const(0).LocalSet(scan.Index);
                counters.Loop(BlockType.Empty, loop =>
                {
                    loop.LocalGet(scan.Page).LocalGet(scan.Index).I32Add().I32Load8U(0, memory).LocalTee(scan.Counter).If(BlockType.Empty, nonZero);
                    loop.LocalGet(scan.Index).I32Const(1).I32Add().LocalTee(scan.Index).I32Const(PageBytes).I32LtU().BrIf(0);
                });
            });
            directory.LocalGet(scan.Directory).I32Const(1).I32Add().LocalTee(scan.Directory).I32Const(PageBytes).I32LtU().BrIf(0);
        });
    }
}
