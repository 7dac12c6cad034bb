using Whamm.Instrumentation.CodeGen;
using Whamm.Instrumentation.Core;
using Whamm.Instrumentation.Sites;
using Whamm.Instrumentation.State;
using Whamm.Language.Semantics;
using Whamm.Language.Syntax;
using Whamm.Wasm.Editing;
using Whamm.Wasm.Instructions;
using Whamm.Wasm.Model;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Types;
using Whamm.Wasm.Validation;

namespace Whamm.Instrumentation.Passes;

/// <summary>
/// Funcref resolution (reference §2.5): for every table of function references the application has, a shadow
/// table in the instrumentation memory holds the function index (in the application's numbering) of each entry,
/// -1 when unknown. It is filled at start-up from the active element segments (static arrays of function indices,
/// one per segment) and kept up to date after every <c>table.set</c>, <c>table.fill</c>, <c>table.copy</c>,
/// <c>table.init</c> and <c>table.grow</c> (our superset: the reference does not follow growth). A stored reference
/// is known when a <c>ref.func</c> pushes it right before the instruction (<see cref="LookBack"/>); anything else
/// (a reference from a local, another table, the host) is unknown. <c>resolved_fid</c> at <c>call_indirect</c>,
/// <c>return_call_indirect</c> and <c>table.get</c> reads the entry. Emitted only when a probe reads it.
/// Tables of non-nullable references or with 64-bit indices are not shadowed (their entries resolve to -1), and
/// neither are changes a host makes to an imported or exported table.
/// <code>
/// ;; table.set $t (i, ref.func 3)        ;; after the instruction, with i saved:
/// local.get $i  global.get $cap_t  i32.le_u  i32.const 1  global.get $cap_t  local.get $i  i32.sub  i32.le_u  i32.and
/// if  global.get $base_t  local.get $i  i32.const 2  i32.shl  i32.add  i32.const 3  i32.const 1  call $whamm_fill_i32  end
/// </code>
/// </summary>
internal sealed class ShadowTables
{
    /// <summary>What start-up needs of the application, taken before linking renumbers anything.</summary>
    public sealed record Plan(IReadOnlyList<(uint Index, TableType Type)> Tables, IReadOnlyList<ElementSegment> Segments, IReadOnlyList<int[]> SegmentFunctions);

    private sealed record Shadow(uint Base, uint Capacity, uint Reserve);

    private readonly Dictionary<uint, Shadow> shadows = [];
    private readonly (uint Address, int Count)[] segments;
    private readonly CoreBinding core;
    private readonly HelperFunctions helpers;

    private ShadowTables(ModuleEditor editor, ScriptState state, Plan plan)
    {
        core = state.RequireCore("funcref resolution");
        helpers = state.Helpers ?? throw new InvalidOperationException("funcref resolution needs helper functions");
        segments = [.. plan.SegmentFunctions.Select(fids =>
        {
            var address = core.Data.Reserve(4 * fids.Length, 4);
            for (var i = 0; i < fids.Length; i++) core.Data.WriteInt32(address + (uint)(4 * i), fids[i]);
            return (address, fids.Length);
        })];
        foreach (var (index, type) in plan.Tables)
        {
            if (!IsShadowed(editor.Module, type)) continue;
            var global = new GlobalType(ValType.I32, Mutable: true);
            var @base = editor.AddGlobal(global, new InstructionBuilder().I32Const(0));
            var capacity = editor.AddGlobal(global, new InstructionBuilder().I32Const(0));
            shadows[index] = new Shadow(@base, capacity, AddReserve(index, @base, capacity));
        }
        EmitStartup(editor, state.Startup, plan);
    }

    /// <summary>Whether a probe of <paramref name="script"/> reads <c>resolved_fid</c> at run time (or calls <c>resolve_funcref</c>).</summary>
    public static bool IsNeeded(CheckedScript script) => script.Probes.Any(p =>
        p.Matches.Any(m => m.BoundVariables.Any(v => v.Name == "resolved_fid" && !v.IsStatic))
        || p.Syntax.Body.DescendantNodesAndSelf().Any(n => n is CallExpressionSyntax { Receiver: null, Name.Text: "resolve_funcref" }));

    /// <summary>The plan for <paramref name="app"/> when <paramref name="script"/> needs shadow tables, else null.</summary>
    public static Plan? PlanFor(CheckedScript script, Module app)
    {
        if (!IsNeeded(script)) return null;
        var tables = new List<(uint, TableType)>();
        foreach (var import in app.ImportsOf(ExternalKind.Table)) tables.Add(((uint)tables.Count, import.Table));
        foreach (var table in app.Tables) tables.Add(((uint)tables.Count, table.Type));
        var segments = app.Elements.ToArray();
        return new Plan(tables, segments, [.. segments.Select(FunctionsOf)]);
    }

    /// <summary>Builds the shadow tables of <paramref name="plan"/> into the edited module; their start-up goes to <see cref="ScriptState.Startup"/>.</summary>
    public static ShadowTables Build(ModuleEditor editor, ScriptState state, Plan plan) => new(editor, state, plan);

    /// <summary>Whether instructions of <paramref name="op"/> change a table and so get maintenance code.</summary>
    public static bool Tracks(Op op) => op is Op.TableSet or Op.TableFill or Op.TableCopy or Op.TableInit or Op.TableGrow;

    /// <summary>Pushes the function index held by entry <paramref name="index"/> (a local) of <paramref name="table"/>, or -1.</summary>
    public void EmitLookup(InstructionBuilder b, uint table, uint index)
    {
        if (!shadows.TryGetValue(table, out var s))
        {
            b.I32Const(-1);
            return;
        }
        b.LocalGet(index).GlobalGet(s.Capacity).I32LtU().If(new BlockType(BlockTypeKind.Value, ValType.I32),
            x => Entry(x, s, index).I32Load(0, core.Memory),
            x => x.I32Const(-1));
    }

    /// <summary>
    /// The maintenance of one table-changing instruction: <paramref name="pre"/> saves its operands (types top first
    /// in <paramref name="args"/>) and re-pushes them, <paramref name="post"/> updates the shadow after it succeeded.
    /// <paramref name="before"/> are the instructions before it (for the stored reference).
    /// </summary>
    public void Track(Instruction ins, ValType[] args, ReadOnlySpan<LookBack.Past> before, Func<ValType, uint> take, InstructionBuilder pre, InstructionBuilder post)
    {
        var table = ins.Op == Op.TableInit ? (uint)ins.Imm1 : ins.Index;
        // Unreachable code (unknown operand types) changes nothing. A reference (ref.func's is non-nullable) is held in
        // a local of its nullable type, which the shadowed (nullable) table accepts as well.
        if (!shadows.TryGetValue(table, out var s) || args.Length != (ins.Op is Op.TableSet or Op.TableGrow ? 2 : 3)
            || args.Any(t => FunctionValidator.IsUnknown(t) || FunctionValidator.IsUnknownRef(t))) return;
        var saved = new uint[args.Length];
        for (var k = 0; k < args.Length; k++) pre.LocalSet(saved[k] = take(args[k].IsRef ? ValType.Ref(args[k].Heap, true) : args[k]));
        for (var k = args.Length - 1; k >= 0; k--) pre.LocalGet(saved[k]);
        switch (ins.Op)
        {
            case Op.TableSet: // (i, ref)
                Fill(post, s, saved[1], LookBack.FunctionOf(before, 0), x => x.I32Const(1));
                break;
            case Op.TableFill: // (i, ref, n)
                Fill(post, s, saved[2], LookBack.FunctionOf(before, 1), x => x.LocalGet(saved[0]));
                break;
            case Op.TableGrow: // (ref, n) -> old size or -1
            {
                var old = take(ValType.I32);
                var fid = LookBack.FunctionOf(before, 1);
                post.LocalTee(old).I32Const(-1).I32Ne().If(BlockType.Empty, x =>
                {
                    x.LocalGet(old).LocalGet(saved[0]).I32Add().Call(s.Reserve);
                    Fill(x, s, old, fid, y => y.LocalGet(saved[0]));
                });
                post.LocalGet(old);
                break;
            }
            case Op.TableCopy: // (d, s, n)
            {
                if (!shadows.TryGetValue((uint)ins.Imm1, out var from))
                {
                    Fill(post, s, saved[2], -1, x => x.LocalGet(saved[0]));
                    break;
                }
                InRange(post, s, saved[2], saved[0]);
                InRange(post, from, saved[1], saved[0]);
                post.I32And().If(BlockType.Empty, x =>
                {
                    Entry(x, s, saved[2]);
                    Entry(x, from, saved[1]);
                    x.LocalGet(saved[0]).I32Const(2).I32Shl().MemoryCopy(core.Memory, core.Memory);
                });
                break;
            }
            case Op.TableInit: // (d, s, n) from element segment imm0
            {
                var (address, _) = segments[(int)ins.Imm0];
                InRange(post, s, saved[2], saved[0]);
                post.If(BlockType.Empty, x =>
                {
                    Entry(x, s, saved[2]);
                    x.I32Const((int)address).LocalGet(saved[1]).I32Const(2).I32Shl().I32Add();
                    x.LocalGet(saved[0]).I32Const(2).I32Shl().MemoryCopy(core.Memory, core.Memory);
                });
                break;
            }
        }
    }

    /// <summary>Sets <c>count</c> entries from the one in <paramref name="start"/> to <paramref name="fid"/>, when they are inside the shadow.</summary>
    private void Fill(InstructionBuilder b, Shadow s, uint start, int fid, Action<InstructionBuilder> count)
    {
        var n = new InstructionBuilder();
        count(n);
        b.LocalGet(start).GlobalGet(s.Capacity).Emit(Op.I32LeU);
        b.Append(n).GlobalGet(s.Capacity).LocalGet(start).I32Sub().Emit(Op.I32LeU).I32And();
        b.If(BlockType.Empty, x => Entry(x, s, start).I32Const(fid).Append(n).Call(helpers.FillI32(core.Memory)));
    }

    /// <summary>Pushes whether entries [start, start + count) are inside the shadow (both locals).</summary>
    private static void InRange(InstructionBuilder b, Shadow s, uint start, uint count)
    {
        b.LocalGet(start).GlobalGet(s.Capacity).Emit(Op.I32LeU);
        b.LocalGet(count).GlobalGet(s.Capacity).LocalGet(start).I32Sub().Emit(Op.I32LeU).I32And();
    }

    /// <summary>Pushes the address of the shadow entry whose index is in <paramref name="index"/>.</summary>
    private static InstructionBuilder Entry(InstructionBuilder b, Shadow s, uint index) =>
        b.GlobalGet(s.Base).LocalGet(index).I32Const(2).I32Shl().I32Add();

    /// <summary>
    /// <c>$whamm_shadow_reserve_T (param $need i32)</c>: makes the shadow hold at least <c>need</c> entries (at least
    /// doubling), new entries -1.
    /// </summary>
    private uint AddReserve(uint table, uint @base, uint capacity)
    {
        const uint need = 0, size = 1, fresh = 2;
        var alloc = core.Function(CoreLibrary.Exports.MemAlloc);
        var free = core.Function(CoreLibrary.Exports.MemFree);
        var m = core.Memory;
        return helpers.Function($"shadow_reserve_{table}", new FuncType([ValType.I32], []), b =>
        {
            b.LocalGet(need).GlobalGet(capacity).Emit(Op.I32LeU).If(BlockType.Empty, x => x.Return());
            b.GlobalGet(capacity).I32Const(1).I32Shl().LocalTee(size).LocalGet(need).LocalGet(size).LocalGet(need).Emit(Op.I32GtU).Select().LocalSet(size);
            b.LocalGet(size).I32Const(2).I32Shl().Call(alloc).LocalSet(fresh);
            b.LocalGet(fresh).I32Const(-1).LocalGet(size).I32Const(2).I32Shl().MemoryFill(m);
            b.LocalGet(fresh).GlobalGet(@base).GlobalGet(capacity).I32Const(2).I32Shl().MemoryCopy(m, m);
            b.GlobalGet(@base).Call(free);
            b.LocalGet(fresh).GlobalSet(@base).LocalGet(size).GlobalSet(capacity);
        }, [ValType.I32, ValType.I32]);
    }

    /// <summary>Start-up: every shadow as large as its table, then the active element segments copied in.</summary>
    private void EmitStartup(ModuleEditor editor, InstructionBuilder b, Plan plan)
    {
        foreach (var (table, s) in shadows) b.TableSize(table).Call(s.Reserve);
        for (var i = 0; i < plan.Segments.Count; i++)
        {
            var segment = plan.Segments[i];
            if (segment.Mode != SegmentMode.Active || segment.Count == 0 || !shadows.TryGetValue(segment.Table, out var s)) continue;
            b.GlobalGet(s.Base);
            foreach (var ins in segment.Offset!.Decode())
            {
                if (ins.Op == Op.End) continue;
                if (ins.Op == Op.GlobalGet) b.GlobalGet(editor.MapFromOriginal(IndexSpace.Global, ins.Index));
                else b.Emit(ins);
            }
            b.I32Const(2).I32Shl().I32Add().I32Const((int)segments[i].Address).I32Const(4 * segments[i].Count).MemoryCopy(core.Memory, core.Memory);
        }
    }

    /// <summary>Tables of nullable function references with 32-bit indices.</summary>
    private static bool IsShadowed(Module module, TableType type)
    {
        var e = type.Element;
        if (type.Limits.Is64 || !e.IsRef || !e.Nullable) return false;
        return e.Heap == HeapType.Func || e.Heap.IsConcrete && module.Types[(int)e.Heap.TypeIndex].Composite is FuncType;
    }

    /// <summary>The function index of each item of a segment (application numbering), -1 for anything but <c>ref.func</c>.</summary>
    private static int[] FunctionsOf(ElementSegment segment) =>
        segment.Functions is { } fids
            ? [.. fids.Select(f => (int)f)]
            : [.. segment.Expressions!.Select(e => e.Decode() is [{ Op: Op.RefFunc } f, ..] ? (int)f.Index : -1)];
}
