using System.Buffers.Binary;
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
/// at exit every non-zero counter is added to its entry (deferred: <c>map_defer</c>). One array per <em>variant</em> (map and the known elements): a
/// directory of 2^16 page addresses and pages of 2^16 counters, so an array is no larger than the memory whose accesses
/// it counts. The arrays have a memory of their own, so every address the hot path uses is a constant:
/// <code>
/// [0, 64 KiB)   the sentinel: 255s, the page of every directory entry still 0 (start-up fills it)
/// then          directories and per-site arrays (below) as instrumenting reserves them, then the flush's table
/// then          pages, one memory.grow each (zeroed by Wasm), while the memory's maximum allows
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
/// A per-site map whose key takes few values at the site (<c>report var chosen: map&lt;u32, u32&gt;; chosen[target]++</c> at a
/// <c>br_table</c> of n targets: 0..n) gets an array of 64-bit counters, one per value (<see cref="EmitSiteAdd"/>).
/// Only sites inside the program's functions use either (<c>wasm:end</c> and <c>report</c> probes run after the flush).
/// </summary>
internal sealed partial class DenseMapCounters
{
    private const int PageBits = 16;
    private const int PageBytes = 1 << PageBits; // a byte per counter, a Wasm page per page
    private const uint DirectoryBytes = PageBytes * 4;

    private readonly CoreBinding core;
    private readonly ModuleEditor editor;
    private readonly ScriptState state;
    private uint? memory; // added with the first array
    private readonly int budget; // pages
    private readonly Dictionary<(int Map, string Key), Variant> variants = [];
    private readonly List<(MapLocation Map, uint Offset, int Count)> siteArrays = [];
    private uint reserved = PageBytes; // the static part of the memory: the sentinel, then what Reserve hands out

    private sealed record Variant(int Index, MapLocation Map, Constant?[] Key, uint Directory)
    {
        public uint AddFunction { get; set; }
        public uint DeferFunction { get; set; }
        public uint MissFunction { get; set; }
        public ValType ValueType => ValueLayout.ValType(Map.Type.MapValue);
        public bool Wide => ValueType == ValType.I64;
    }

    /// <summary>The arrays' memory, sized by <see cref="EmitFlush"/>.</summary>
    private uint Memory => memory ??= editor.AddMemory(new MemoryType(new Limits(1)));

    private uint Reserve(int bytes)
    {
        var at = (reserved + 7) & ~7u;
        reserved = at + (uint)bytes;
        return at;
    }

    /// <summary>Counters in a memory of their own; <paramref name="budget"/>: how many pages it may grow by.</summary>
    public DenseMapCounters(CoreBinding core, ModuleEditor editor, ScriptState state, int budget)
    {
        this.budget = budget;
        this.core = core;
        this.editor = editor;
        this.state = state;
    }

    /// <summary>At most this many variants per map: each costs a directory (256 KiB of the memory) and a scan of it at exit,
    /// which pays when the variant's sites are many and hot (a memory trace has two: reads and writes).</summary>
    private const int MaxVariantsPerMap = 4;

    /// <summary>
    /// Whether <paramref name="key"/> (its known elements, null where run-time) can be counted here: exactly one run-time
    /// element, a 32-bit integer, and room for its variant.
    /// </summary>
    public bool Countable(MapLocation map, IReadOnlyList<Constant?> key) =>
        OneRunTimeElement(map.Type.MapKey, key)
        && (variants.ContainsKey(VariantKey(map, key)) || variants.Keys.Count(v => v.Map == map.Id) < MaxVariantsPerMap && HasRoom(DirectoryBytes));

    /// <summary>The static part of the memory stays below this, well inside the 32-bit address space with the budget's pages after it.</summary>
    private const uint MaxStaticBytes = 256u << 20;

    /// <summary>Whether <paramref name="bytes"/> more fit the static part of the memory.</summary>
    public bool HasRoom(long bytes) => reserved + bytes <= MaxStaticBytes;

    private static (int Map, string Key) VariantKey(MapLocation map, IReadOnlyList<Constant?> key) =>
        (map.Id, string.Join(",", key.Select(c => c?.ToString() ?? "_")));

    private static bool OneRunTimeElement(WhammType keyType, IReadOnlyList<Constant?> key)
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
        b.LocalTee(cell).LocalGet(cell).I32Load8U(0, Memory).I32Const(n).I32Add().LocalTee(sum).I32Store8(0, Memory);
        b.LocalGet(sum).I32Const(255).Emit(Op.I32GtU).If(BlockType.Empty, carried => carried.LocalGet(k).LocalGet(sum).Call(v.MissFunction));
    }

    /// <summary>
    /// <c>map[k] += amount</c> for a per-site map whose key <paramref name="k"/> (a local) is below <paramref name="count"/>
    /// here: a 64-bit counter per key value, added to the map at exit.
    /// <code>
    /// local.get $k  i32.const 3  i32.shl  local.tee $a  local.get $a  i64.load offset=ARRAY  i64.const N  i64.add  i64.store offset=ARRAY
    /// </code>
    /// </summary>
    public void EmitSiteAdd(InstructionBuilder b, MapLocation map, uint k, int count, long amount)
    {
        var array = Reserve(count * 8);
        siteArrays.Add((map, array, count));
        b.LocalGet(k).I32Const(3).I32Shl().LocalTee(k).LocalGet(k).I64Load(array, Memory).I64Const(amount).I64Add().I64Store(array, Memory);
    }

    /// <summary>Pushes the address of <c>k</c>'s directory entry less the directory's (a load's offset adds it).</summary>
    private static void EmitEntry(InstructionBuilder b, uint k) => b.LocalGet(k).I32Const(PageBits).I32ShrU().I32Const(2).I32Shl();

    /// <summary>Pushes the address of <c>k</c>'s counter (in the sentinel while its page is untouched).</summary>
    private void EmitCell(InstructionBuilder b, Variant v, uint k)
    {
        EmitEntry(b, k);
        b.I32Load(v.Directory, Memory).LocalGet(k).I32Const(PageBytes - 1).I32And().I32Add();
    }

    private Variant VariantOf(MapLocation map, Constant?[] key)
    {
        var id = VariantKey(map, key);
        if (variants.TryGetValue(id, out var known)) return known;
        var v = new Variant(variants.Count, map, key, Reserve((int)DirectoryBytes));
        v.AddFunction = AddFunction(v);
        v.DeferFunction = DeferFunction($"whamm_dense_defer_{v.Index}", map, key);
        v.MissFunction = MissFunction(v);
        variants[id] = v;
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
        b.I32Load(v.Directory, Memory).If(BlockType.Empty, carry =>
        {
            Carry(carry);
            carry.Return();
        });
        b.LocalGet(k).I32Const(PageBytes - 1).I32And().I32Const(0xFF).I32Store8(0, Memory);
        b.LocalGet(sum).I32Const(0xFF).I32Sub().LocalSet(sum); // the amount
        b.I32Const(1).MemoryGrow(Memory).LocalTee(page).I32Const(-1).I32Eq().If(BlockType.Empty, full =>
        {
            full.LocalGet(k).LocalGet(sum);
            AddToEntry(full);
            full.Return();
        });
        EmitEntry(b, k);
        b.LocalGet(page).I32Const(PageBits).I32Shl().LocalTee(page).I32Store(v.Directory, Memory);
        b.LocalGet(page).LocalGet(k).I32Const(PageBytes - 1).I32And().I32Add().LocalGet(sum).I32Store8(0, Memory);
        b.LocalGet(sum).I32Const(0xFF).Emit(Op.I32GtU).If(BlockType.Empty, Carry);
    });

    /// <summary><c>whamm_dense_add_V(k, amount)</c>: <c>map[key(k)] += amount</c>, the entry inserted when missing.</summary>
    private uint AddFunction(Variant v) => AddHelper($"whamm_dense_add_{v.Index}", [ValType.I32, v.ValueType], [], [ValType.I32], (b, temp) =>
    {
        const uint amount = 1, entry = 2;
        var mem = core.Memory;
        var oneElement = EmitKey(b, v.Map, v.Key, temp);
        b.Call(core.Function(oneElement ? CoreLibrary.Exports.MapSlotI32 : CoreLibrary.Exports.MapSlot));
        b.LocalTee(entry).LocalGet(entry);
        if (v.Wide) b.I64Load(0, mem).LocalGet(amount).I64Add().I64Store(0, mem);
        else b.I32Load(0, mem).LocalGet(amount).I32Add().I32Store(0, mem);
    });

    /// <summary>
    /// <c>NAME(k, amount: i64)</c>: <c>map[key(k)] += amount</c> kept aside by the core library until the report
    /// (<c>map_defer</c>): the exit flush of millions of counters appends them instead of hashing each.
    /// </summary>
    private uint DeferFunction(string name, MapLocation map, Constant?[] key) => AddHelper(name, [ValType.I32, ValType.I64], [], [], (b, temp) =>
    {
        const uint amount = 1;
        var oneElement = EmitKey(b, map, key, temp);
        b.LocalGet(amount).Call(core.Function(oneElement ? CoreLibrary.Exports.MapDeferI32 : CoreLibrary.Exports.MapDefer));
    });

    /// <summary>
    /// Pushes the map's id and the key of <c>k</c> (local 0): <c>k</c> itself when it is the whole key (true), else the
    /// address of the key written to the scratch area the plain code uses (reserved up front, so no address moves).
    /// </summary>
    private bool EmitKey(InstructionBuilder b, MapLocation map, Constant?[] key, Func<ValType, uint> temp)
    {
        const uint k = 0;
        var keyType = map.Type.MapKey;
        b.I32Const(map.Id);
        if (!keyType.IsTuple)
        {
            b.LocalGet(k);
            return true;
        }
        var scratch = state.Scratch(ValueLayout.Size(keyType));
        var at = new MemoryLocation(keyType, core.Memory, scratch);
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] is { } c)
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
        b.I32Const((int)scratch);
        return false;
    }

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
    /// Sizes the memory (the static part, then the budget) and makes start-up fill the sentinel; at exit every non-zero
    /// counter is added to its entry: for the variants as deferred additions (the report sorts them with the map's
    /// entries, no hashing) after one pass that counts them, so that the list grows once, then the per-site arrays
    /// through a table (<see cref="EmitSiteFlush"/>).
    /// <code>
    /// for d in 0..2^16: page = dir[d]; if page: for i in 0..2^16: n = page[i]; if n: whamm_dense_defer_V(d &lt;&lt; 16 | i, n)
    /// </code>
    /// </summary>
    public void EmitFlush(InstructionBuilder b, Func<ValType, uint> local)
    {
        EmitPlanesFlush(b, local);
        if (variants.Count == 0 && siteArrays.Count == 0) return;
        if (variants.Count > 0) state.Startup.I32Const(0).I32Const(0xFF).I32Const(PageBytes).MemoryFill(Memory);
        var scan = new Scan(local(ValType.I32), local(ValType.I32), local(ValType.I32), local(ValType.I32));
        EmitDeferred(b, variants.Values, v => v.Map.Id, local(ValType.I32), (x, v, nonZero) => EmitScan(x, v, scan, nonZero), (add, v) => add
            .LocalGet(scan.Directory).I32Const(PageBits).I32Shl().LocalGet(scan.Index).I32Or()
            .LocalGet(scan.Counter).I64ExtendI32U().Call(v.DeferFunction));
        foreach (var wide in new[] { false, true })
        {
            var arrays = siteArrays.Where(a => ValueLayout.ValType(a.Map.Type.MapValue) == ValType.I64 == wide).ToList();
            if (arrays.Count > 0) EmitSiteFlush(b, arrays, wide, local);
        }
        var pages = (reserved + PageBytes - 1) / PageBytes;
        var defined = (int)(Memory - (uint)editor.Module.ImportCount(ExternalKind.Memory));
        editor.Module.Memories[defined] = new MemoryType(new Limits(pages, pages + (ulong)budget));
    }

    /// <summary>
    /// Defers every non-zero counter of <paramref name="variants"/> to its map, the map's counters counted first (local
    /// <paramref name="count"/>) so that its list of deferred additions is allocated once (a memory trace: 40 million):
    /// <paramref name="scan"/> runs its last argument at each counter, <paramref name="defer"/> defers the one at hand.
    /// </summary>
    private void EmitDeferred<T>(InstructionBuilder b, IEnumerable<T> variants, Func<T, int> mapOf, uint count,
        Action<InstructionBuilder, T, Action<InstructionBuilder>> scan, Action<InstructionBuilder, T> defer)
    {
        foreach (var map in variants.GroupBy(mapOf))
        {
            b.I32Const(0).LocalSet(count);
            foreach (var v in map) scan(b, v, x => x.LocalGet(count).I32Const(1).I32Add().LocalSet(count));
            b.I32Const(map.Key).LocalGet(count).Call(core.Function(CoreLibrary.Exports.MapDeferReserve));
            foreach (var v in map) scan(b, v, x => defer(x, v));
        }
    }

    /// <summary>
    /// Adds the per-site arrays' non-zero counters to their maps, walking a table of (map id, array, count) written into
    /// the memory after the arrays.
    /// <code>
    /// for (id, a, c) in table: for i in 0..c: n = a[i]; if n: *map_slot_i32(id, i) += n
    /// </code>
    /// </summary>
    private void EmitSiteFlush(InstructionBuilder b, List<(MapLocation Map, uint Offset, int Count)> arrays, bool wide, Func<ValType, uint> local)
    {
        var table = new byte[arrays.Count * 12];
        for (var j = 0; j < arrays.Count; j++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(table.AsSpan(12 * j), arrays[j].Map.Id);
            BinaryPrimitives.WriteUInt32LittleEndian(table.AsSpan(12 * j + 4), arrays[j].Offset);
            BinaryPrimitives.WriteInt32LittleEndian(table.AsSpan(12 * j + 8), arrays[j].Count);
        }
        var start = Reserve(table.Length);
        editor.AddActiveData(Memory, new InstructionBuilder().I32Const((int)start).ToConstExpr(), table);
        var (p, id, a, c, i, n, e) = (local(ValType.I32), local(ValType.I32), local(ValType.I32), local(ValType.I32), local(ValType.I32), local(ValType.I64), local(ValType.I32));
        var mem = core.Memory;
        b.I32Const((int)start).LocalSet(p);
        b.Loop(BlockType.Empty, entries =>
        {
            entries.LocalGet(p).I32Load(0, Memory).LocalSet(id).LocalGet(p).I32Load(4, Memory).LocalSet(a).LocalGet(p).I32Load(8, Memory).LocalSet(c);
            entries.I32Const(0).LocalSet(i);
            entries.Loop(BlockType.Empty, counters =>
            {
                counters.LocalGet(a).I64Load(0, Memory).LocalTee(n).I64Eqz().I32Eqz().If(BlockType.Empty, add =>
                {
                    add.LocalGet(id).LocalGet(i).Call(core.Function(CoreLibrary.Exports.MapSlotI32)).LocalTee(e).LocalGet(e);
                    if (wide) add.I64Load(0, mem).LocalGet(n).I64Add().I64Store(0, mem);
                    else add.I32Load(0, mem).LocalGet(n).I32WrapI64().I32Add().I32Store(0, mem);
                });
                counters.LocalGet(a).I32Const(8).I32Add().LocalSet(a);
                counters.LocalGet(i).I32Const(1).I32Add().LocalTee(i).LocalGet(c).I32LtU().BrIf(0);
            });
            entries.LocalGet(p).I32Const(12).I32Add().LocalTee(p).I32Const((int)(start + (uint)table.Length)).I32LtU().BrIf(0);
        });
    }

    /// <summary>The locals of a scan: directory index, page, index in the page, counter.</summary>
    private readonly record struct Scan(uint Directory, uint Page, uint Index, uint Counter);

    /// <summary>Runs <paramref name="nonZero"/> for every non-zero counter of variant <paramref name="v"/>'s own pages (its value in <see cref="Scan.Counter"/>).</summary>
    private void EmitScan(InstructionBuilder b, Variant v, Scan scan, Action<InstructionBuilder> nonZero)
    {
        b.I32Const(0).LocalSet(scan.Directory);
        b.Loop(BlockType.Empty, directory =>
        {
            directory.LocalGet(scan.Directory).I32Const(2).I32Shl().I32Load(v.Directory, Memory).LocalTee(scan.Page);
            directory.If(BlockType.Empty, counters =>
            {
                counters.I32Const(0).LocalSet(scan.Index);
                counters.Loop(BlockType.Empty, loop =>
                {
                    loop.LocalGet(scan.Page).LocalGet(scan.Index).I32Add().I32Load8U(0, Memory).LocalTee(scan.Counter).If(BlockType.Empty, nonZero);
                    loop.LocalGet(scan.Index).I32Const(1).I32Add().LocalTee(scan.Index).I32Const(PageBytes).I32LtU().BrIf(0);
                });
            });
            directory.LocalGet(scan.Directory).I32Const(1).I32Add().LocalTee(scan.Directory).I32Const(PageBytes).I32LtU().BrIf(0);
        });
    }
}
