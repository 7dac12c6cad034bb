using Whamm.Instrumentation.Folding;
using Whamm.Instrumentation.State;
using Whamm.Language.Semantics;
using Whamm.Language.Syntax;
using Whamm.Wasm.Editing;
using Whamm.Wasm.Model;
using Whamm.Wasm.Types;

namespace Whamm.Instrumentation.Passes;

/// <summary>
/// Script globals become mutable Wasm globals of the instrumentation (never the application's memory,
/// DECISIONS 14), one per flattened value (a <c>str</c> is address and length, a tuple its elements),
/// initialised with their folded initialiser or zero; initialisers that are not constants run in the start-up
/// function (<see cref="Lifecycle"/>). Each single-value global gets an exported getter (DECISIONS 17) unless
/// <c>--no-getters</c>; each report global gets a report row and a slot it is copied to before the flush.
/// <code>
/// ;; before                          ;; after (var count: u32 = 5;)
/// (module                            (module
///   (func $main ...))                  (func $main ...)
///                                      (global $count (mut i32) (i32.const 5))
///                                      (func $get_count (result i32) global.get $count)
///                                      (export "get_count" (func $get_count)))
/// </code>
/// </summary>
internal static class ScriptGlobals
{
    /// <summary>Adds the globals to <paramref name="state"/>; returns the declarations whose initialisers must run at start-up.</summary>
    public static List<VariableDeclarationSyntax> AddGlobals(ModuleEditor editor, CheckedScript script, ScriptState state)
    {
        var deferred = new List<VariableDeclarationSyntax>();
        var folder = new ConstantFolder(script.GlobalModel, _ => null, state.Facts, state.StaticCalls);
        foreach (var g in script.Globals)
        {
            if (g.Type.IsMap)
            {
                var map = state.NewMap(g.Type);
                state.Globals[g.Name] = map;
                if (g.IsReport) AddReportSlot(state, g, map, map.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
                continue;
            }
            var types = g.Type.WasmTypes;
            if (types.Count == 0) throw new InstrumentationException($"script global `{g.Name}` of type {g.Type} cannot be stored", g.DeclarationSpan);
            var initial = g.Declaration?.Initializer is { } e ? InitialScalars(folder, e, state) : null;
            if (g.Declaration?.Initializer is not null && initial is null) deferred.Add(g.Declaration);
            var indices = new uint[types.Count];
            for (var i = 0; i < types.Count; i++)
                indices[i] = editor.AddGlobal(new GlobalType(types[i], Mutable: true), ConstantInit(types[i], initial?[i]));
            var location = new VariableLocation(g.Type, indices, IsGlobal: true);
            state.Globals[g.Name] = location;
            if (g.IsReport) AddReportSlot(state, g, location, indices[0].ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return deferred;
    }

    /// <summary>A report row for a global, with the slot its value is copied to before the flush.</summary>
    private static void AddReportSlot(ScriptState state, VariableSymbol g, Location location, string id)
    {
        var core = state.RequireCore($"the report variable `{g.Name}`");
        var slot = core.Data.Reserve(ValueLayout.Size(g.Type), 8);
        state.ReportGlobals.Add((location, new MemoryLocation(g.Type, core.Memory, slot)));
        state.Reports.AddGlobal(g.Name, g.Type, id, slot);
    }

    /// <summary>The flattened constant values of an initialiser (scalars, strings, tuples of them), or null when it is not constant.</summary>
    private static long[]? InitialScalars(ConstantFolder folder, ExpressionSyntax e, ScriptState state)
    {
        if (e is TupleExpressionSyntax tuple)
        {
            var parts = tuple.Elements.Select(x => InitialScalars(folder, x, state)).ToArray();
            return parts.Any(p => p is null) ? null : parts.SelectMany(p => p!).ToArray();
        }
        if (folder.Fold(e) is not { } c) return null;
        if (c.Type.Kind == WhammTypeKind.Str)
        {
            var (address, length) = state.RequireCore($"the string {c}").Data.String(c.Text!);
            return [address, length];
        }
        return [c.IsFloat ? c.Type.Kind == WhammTypeKind.F32 ? BitConverter.SingleToInt32Bits((float)c.Float) : BitConverter.DoubleToInt64Bits(c.Float) : c.WasmValue];
    }

    private static InstructionBuilder ConstantInit(ValType type, long? bits)
    {
        var init = new InstructionBuilder();
        var v = bits ?? 0;
        if (type == ValType.I64) init.I64Const(v);
        else if (type == ValType.F32) init.F32Const(BitConverter.Int32BitsToSingle((int)v));
        else if (type == ValType.F64) init.F64Const(BitConverter.Int64BitsToDouble(v));
        else init.I32Const((int)v);
        return init;
    }

    /// <summary>Adds <c>get_NAME</c> for every global held in one Wasm value.</summary>
    public static void AddGetters(ModuleEditor editor, ScriptState state)
    {
        var taken = editor.Module.Exports.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, location) in state.Globals)
        {
            if (location is not VariableLocation { IsGlobal: true, Slots.Length: 1 } global || location.Type.IsMap) continue;
            var export = "get_" + name;
            if (!taken.Add(export))
                throw new InstrumentationException($"the application already exports `{export}`; use --no-getters");
            var vt = location.Type.WasmTypes[0];
            var fn = editor.AddFunction(editor.AddType([], [vt]), new InstructionBuilder().GlobalGet(global.Slots[0]));
            editor.AddExport(export, ExternalKind.Func, fn);
        }
    }
}
