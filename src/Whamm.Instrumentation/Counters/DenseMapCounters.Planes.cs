using Whamm.Instrumentation.Folding;
using Whamm.Instrumentation.State;
using Whamm.Wasm.Editing;
using Whamm.Wasm.Instructions;
using Whamm.Wasm.Model;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Types;

namespace Whamm.Instrumentation.Counters;

/// <summary>
/// Map counters keyed by the effective address of an access to a 32-bit memory M with 32-bit values
/// (<c>trace[(effective_addr, is_write)]++</c>): per variant, four <em>byte planes</em>, memories as large as M, so that the
/// counter of address k is byte k of each plane (its value <c>P0[k] + P1[k]·2^8 + P2[k]·2^16 + P3[k]·2^24</c>, wrapping as a
/// u32 does) and the hot path has no call:
/// <code>
/// v = P0[k] + N; P0[k] = v; if v &gt; 255 { v = P1[k] + (v &gt;&gt; 8); P1[k] = v; if v &gt; 255 { … P3[k] += v &gt;&gt; 8 } }
/// </code>
/// The directory scheme calls out of the loop for first touches and carries, and a call anywhere in a loop makes Cranelift
/// keep the loop's values on the stack (every register is caller-saved across a Wasm call): matmul's trace ran 16x, 5x
/// without the call. The planes grow with M at start-up and after every <c>memory.grow</c> of M (<see cref="GrowHook"/>,
/// called by the walk); untouched plane pages cost no memory. An access out of bounds traps in the probe (the planes are
/// as large as M) just before the access would: the report after a trap is approximate by that access. At exit every
/// non-zero counter is deferred to the map (<c>map_defer</c>), address by address, so each variant is one sorted run.
/// </summary>
internal sealed partial class DenseMapCounters
{
    private const int Planes = 4;

    private sealed record PlaneVariant(MapLocation Map, Constant?[] Key, uint Memory, uint[] Planes, uint[] Offsets, uint DeferFunction);

    private readonly Dictionary<(int Map, string Key, uint Memory), PlaneVariant> planeVariants = [];
    private uint? growHook;

    /// <summary>Whether address-keyed counts may use planes (<c>InstrumentOptions.AddressPlanes</c>).</summary>
    public bool UsePlanes { get; init; } = true;

    /// <summary>Whether some counters live in byte planes (an access out of bounds then traps before it is counted).</summary>
    public bool UsesPlanes => planeVariants.Count > 0;

    /// <summary>
    /// Whether <paramref name="key"/>, whose run-time element is the effective address of <paramref name="site"/>, can be
    /// counted in planes (when <see cref="UsePlanes"/>): a load or store of an unshared 32-bit memory with 64 KiB pages, 32-bit values, room for the variant.
    /// </summary>
    public bool PlanesCountable(MapLocation map, IReadOnlyList<Constant?> key, Instruction? site)
    {
        if (!UsePlanes || site is not { } s || !s.Opcode.Has(ImmKind.MemArg) || !OneRunTimeElement(map.Type.MapKey, key)
            || ValueLayout.ValType(map.Type.MapValue) != ValType.I32) return false;
        var limits = editor.Module.MemoryType(Current(s.MemArg.Memory)).Limits;
        if (limits.Is64 || limits.Shared || limits.PageSizeLog2 is { } log && log != 16) return false;
        var id = PlaneKey(map, key, s.MemArg.Memory);
        return planeVariants.ContainsKey(id) || planeVariants.Keys.Count(v => v.Map == map.Id) < MaxVariantsPerMap;
    }

    /// <summary><c>map[key] += amount</c> where <see cref="PlanesCountable"/> holds; the effective address is in local <paramref name="k"/>.</summary>
    public void EmitPlanesAdd(InstructionBuilder b, MapLocation map, Constant?[] key, uint k, long amount, Instruction site, Func<ValType, uint> newLocal)
    {
        var v = PlaneVariantOf(map, key, site.MemArg.Memory);
        var sum = newLocal(ValType.I32);
        var n = (int)Math.Min(amount, int.MaxValue - 255);
        b.LocalGet(k).LocalGet(k).I32Load8U(v.Offsets[0], v.Planes[0]).I32Const(n).I32Add().LocalTee(sum).I32Store8(v.Offsets[0], v.Planes[0]);
        EmitCarry(b, v, k, sum, 1);
    }

    /// <summary>Carries <paramref name="sum"/>'s bits past the byte into plane <paramref name="plane"/> and on (the last wraps).</summary>
    private static void EmitCarry(InstructionBuilder b, PlaneVariant v, uint k, uint sum, int plane)
    {
        b.LocalGet(sum).I32Const(255).Emit(Op.I32GtU).If(BlockType.Empty, carried =>
        {
            var (memory, offset) = (v.Planes[plane], v.Offsets[plane]);
            carried.LocalGet(k).LocalGet(k).I32Load8U(offset, memory).LocalGet(sum).I32Const(8).I32ShrU().I32Add();
            if (plane == Planes - 1)
            {
                carried.I32Store8(offset, memory);
                return;
            }
            carried.LocalTee(sum).I32Store8(offset, memory);
            EmitCarry(carried, v, k, sum, plane + 1);
        });
    }

    /// <summary>
    /// The function to call after a <c>memory.grow</c> of a memory planes may follow (<see cref="FollowsGrowth"/>): it grows
    /// every plane to its memory's size. Its body is written at exit, when every plane is known.
    /// </summary>
    public uint GrowHook() => growHook ??= AddHelper("whamm_planes_grow", [], [], [], (_, _) => { });

    /// <summary>Whether planes may mirror the application's memory <paramref name="memory"/> (its original index): 32-bit, not shared.</summary>
    public bool FollowsGrowth(uint memory)
    {
        var limits = editor.Module.MemoryType(Current(memory)).Limits;
        return !limits.Is64 && !limits.Shared;
    }

    private PlaneVariant PlaneVariantOf(MapLocation map, Constant?[] key, uint memory)
    {
        var id = PlaneKey(map, key, memory);
        if (planeVariants.TryGetValue(id, out var known)) return known;
        var limits = editor.Module.MemoryType(Current(memory)).Limits;
        var (planes, offsets) = (new uint[Planes], new uint[Planes]);
        for (var i = 0; i < Planes; i++)
        {
            planes[i] = editor.AddMemory(new MemoryType(new Limits(0, Math.Min((limits.Max ?? MaxPages) + 1, MaxPages))));
            offsets[i] = OffsetOf(planeVariants.Count * Planes + i);
            EmitGrowToApplication(state.Startup, memory, planes[i]);
        }
        var v = new PlaneVariant(map, key, memory, planes, offsets,
            DeferFunction($"whamm_planes_defer_{planeVariants.Count}", map, key));
        planeVariants[id] = v;
        return v;
    }

    private static (int Map, string Key, uint Memory) PlaneKey(MapLocation map, IReadOnlyList<Constant?> key, uint memory)
    {
        var (m, k) = VariantKey(map, key);
        return (m, k, memory);
    }

    private const ulong MaxPages = 65536;

    /// <summary>
    /// Where plane number <paramref name="n"/> keeps the counter of address 0: a distinct multiple of 64 below 4096 (17·(n+1)
    /// cache lines, modulo a page), so that no two planes nor the memory itself hold the counters of an address at the same
    /// offset within 4 KiB: a load that matches a pending store to another address in its low 12 bits waits for it (4K
    /// aliasing), and the access, its counter and its write counter would all do so (matmul's trace: 24x at equal offsets, 6x apart).
    /// A plane is one page larger than its memory for it: a memory that reaches 65536 pages (4 GiB) leaves its planes a page
    /// short, and an access to its top 4 KiB would trap in the probe; under a host's cap on every memory's size the planes
    /// are off (<see cref="UsePlanes"/>).
    /// </summary>
    private static uint OffsetOf(int n) => (uint)(64 * (17 * (n + 1) % 64));

    private uint Current(uint originalMemory) => editor.MapFromOriginal(IndexSpace.Memory, originalMemory);

    /// <summary>Grows <paramref name="plane"/> to a page more than the application's memory (a failure leaves it short: accesses past it trap).</summary>
    private void EmitGrowToApplication(InstructionBuilder b, uint memory, uint plane) =>
        b.MemorySize(Current(memory)).I32Const(1).I32Add().MemorySize(plane).I32Sub().MemoryGrow(plane).Drop();

    /// <summary>
    /// Writes the grow hook's body, then defers every non-zero counter of every plane variant to its map (counted first),
    /// eight addresses at a time: where the upper planes are zero, the low plane's non-zero bytes by their trailing zeros.
    /// <code>
    /// a = 0; do { if (P1|P2|P3)[a..a+8] == 0 { for each non-zero byte j of P0[a..a+8]: defer(a+j, P0[a+j]) }
    ///             else { for j in 0..8: v = P0[a+j] | P1[a+j] &lt;&lt; 8 | …; if v: defer(a+j, v) } a += 8 } while a != size
    /// </code>
    /// </summary>
    private void EmitPlanesFlush(InstructionBuilder b, Func<ValType, uint> local)
    {
        if (growHook is { } hook)
        {
            var grow = new InstructionBuilder();
            foreach (var v in planeVariants.Values)
                foreach (var plane in v.Planes) EmitGrowToApplication(grow, v.Memory, plane);
            editor.EditFunction(hook).InsertAtEntry(grow);
        }
        if (planeVariants.Count == 0) return;
        var scan = new PlaneScan(local(ValType.I32), local(ValType.I32), local(ValType.I32), local(ValType.I32), local(ValType.I64), local(ValType.I64));
        EmitDeferred(b, planeVariants.Values, v => v.Map.Id, local(ValType.I32), (x, v, nonZero) => EmitPlaneScan(x, v, scan, nonZero),
            (add, v) => add.LocalGet(scan.At).LocalGet(scan.Value).I64ExtendI32U().Call(v.DeferFunction));
    }

    /// <summary>The locals of a plane scan: the word's address, the end, the counter's address and its value, the low plane's word and a shift.</summary>
    private readonly record struct PlaneScan(uint Word, uint End, uint At, uint Value, uint Low, uint Shift);

    /// <summary>Runs <paramref name="nonZero"/> for every non-zero counter of <paramref name="v"/> (address in <see cref="PlaneScan.At"/>, value in <see cref="PlaneScan.Value"/>).</summary>
    private void EmitPlaneScan(InstructionBuilder b, PlaneVariant v, PlaneScan scan, Action<InstructionBuilder> nonZero)
    {
        var (p, o) = (v.Planes, v.Offsets);
        var (a, end, at, value, low, shift) = scan;
        // The pages of addresses every plane covers: the memory's, unless a plane could not grow a page past it.
        b.MemorySize(Current(v.Memory)).LocalSet(end);
        foreach (var plane in p)
            b.MemorySize(plane).I32Const(1).I32Sub().LocalTee(at).LocalGet(end).LocalGet(at).LocalGet(end).Emit(Op.I32LtS).Emit(Op.Select).LocalSet(end);
        b.LocalGet(end).I32Const(0).Emit(Op.I32GtS).If(BlockType.Empty, any => any
            .LocalGet(end).I32Const(16).I32Shl().LocalSet(end).I32Const(0).LocalSet(a)
            .Loop(BlockType.Empty, words =>
            {
                // Counts below 256 (the upper planes zero): the low plane's non-zero bytes, found by counting trailing zeros.
                words.LocalGet(a).I64Load(o[0], p[0]).LocalSet(low);
                words.LocalGet(a).I64Load(o[1], p[1]);
                for (var i = 2; i < Planes; i++) words.LocalGet(a).I64Load(o[i], p[i]).Emit(Op.I64Or);
                words.Emit(Op.I64Eqz).If(BlockType.Empty, lowOnly => lowOnly.LocalGet(low).Emit(Op.I64Eqz).Emit(Op.I32Eqz).If(BlockType.Empty, set =>
                    set.Loop(BlockType.Empty, bytes =>
                    {
                        bytes.LocalGet(low).Emit(Op.I64Ctz).I64Const(~7L).Emit(Op.I64And).LocalTee(shift);
                        bytes.I64Const(3).Emit(Op.I64ShrU).I32WrapI64().LocalGet(a).I32Add().LocalSet(at);
                        bytes.LocalGet(low).LocalGet(shift).Emit(Op.I64ShrU).I32WrapI64().I32Const(0xFF).I32And().LocalSet(value);
                        nonZero(bytes);
                        bytes.LocalGet(low).I64Const(0xFF).LocalGet(shift).Emit(Op.I64Shl).I64Const(-1).Emit(Op.I64Xor).Emit(Op.I64And).LocalTee(low);
                        bytes.Emit(Op.I64Eqz).Emit(Op.I32Eqz).BrIf(0);
                    })), carried =>
                {
                    carried.LocalGet(a).LocalSet(at);
                    carried.Loop(BlockType.Empty, bytes =>
                    {
                        bytes.LocalGet(at).I32Load8U(o[0], p[0]);
                        for (var i = 1; i < Planes; i++) bytes.LocalGet(at).I32Load8U(o[i], p[i]).I32Const(8 * i).I32Shl().Emit(Op.I32Or);
                        bytes.LocalTee(value).If(BlockType.Empty, nonZero);
                        bytes.LocalGet(at).I32Const(1).I32Add().LocalTee(at).I32Const(7).I32And().BrIf(0);
                    });
                });
                words.LocalGet(a).I32Const(8).I32Add().LocalTee(a).LocalGet(end).I32Ne().BrIf(0);
            }));
    }
}
