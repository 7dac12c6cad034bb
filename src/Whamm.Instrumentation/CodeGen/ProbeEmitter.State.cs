using Whamm.Instrumentation.State;
using Whamm.Language.Semantics;
using Whamm.Language.Syntax;
using Whamm.Wasm.Editing;

namespace Whamm.Instrumentation.CodeGen;

/// <summary>The script's variables: declarations, and where each name or tuple element lives (<see cref="Location"/>).</summary>
internal sealed partial class ProbeEmitter
{
    private readonly ScriptState state;
    private readonly ReportSite? site;
    private readonly Dictionary<VariableSymbol, Location> locals = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Where a per-site variable just allocated in memory is held instead while its code runs (a loop's local, flushed
    /// to memory after the loop), or null to keep it in memory: given the variable, its instance and initial value.
    /// </summary>
    public Func<VariableSymbol, MemoryLocation, Folding.Constant?, Location?>? HoldSiteVariable { get; init; }

    /// <summary>The dense arrays that may count entries of a map with run-time keys (<see cref="Counters.DenseMapCounters"/>), null where they may not.</summary>
    public Func<VariableSymbol, Counters.DenseMapCounters?>? DenseMaps { get; init; }

    /// <summary>
    /// A probe-local variable gets locals and is zeroed (or initialised) at every execution (DECISIONS 4); an
    /// <c>unshared</c>/<c>report</c> one gets its per-site instance in the instrumentation memory, initialised
    /// once in the static image, so the declaration itself costs nothing at run time.
    /// </summary>
    private void EmitDeclaration(InstructionBuilder b, VariableDeclarationSyntax d)
    {
        var v = model.SymbolOf(d) as VariableSymbol ?? throw Unsupported("this declaration", d);
        if (v.VariableKind == VariableKind.Unshared)
        {
            Folding.Constant? initial = null;
            if (d.Initializer is { } e && !constants.TryGetValue(e, out initial))
                throw new InstrumentationException($"the initial value of `{v.Name}` must be known when instrumenting (static values and literals only)", e.Span);
            if (site is not { } at) throw Unsupported("unshared variables here", d);
            var instance = state.AllocateSiteVariable(v, at, initial);
            locals[v] = instance is MemoryLocation m && HoldSiteVariable?.Invoke(v, m, initial) is { } held ? held : instance;
            return;
        }
        if (v.VariableKind == VariableKind.Global)
        {
            // A global's declaration emits code only at start-up, for an initialiser that is not a constant.
            if (d.Initializer is { } value && state.Globals.TryGetValue(v.Name, out var global))
            {
                EmitExpression(b, value);
                global.EmitStore(b, newLocal);
            }
            return;
        }
        if (v.Type.IsMap) throw Unsupported("probe-local maps", d);
        var types = v.Type.WasmTypes;
        if (types.Count == 0) throw Unsupported($"local variables of type {v.Type}", d);
        var location = new VariableLocation(v.Type, types.Select(newLocal).ToArray(), IsGlobal: false);
        locals[v] = location;
        if (d.Initializer is { } init) EmitExpression(b, init);
        else foreach (var t in types) EmitZero(b, t);
        location.EmitStore(b, newLocal);
    }

    /// <summary>The storage of a variable or tuple element expression, or null when it is not one.</summary>
    private Location? LocationOf(ExpressionSyntax e)
    {
        switch (e)
        {
            case NameExpressionSyntax n when model.SymbolOf(n) is VariableSymbol v:
                if (locals.TryGetValue(v, out var local)) return local;
                return v.VariableKind == VariableKind.Global && state.Globals.TryGetValue(v.Name, out var global) ? global : null;
            case FieldAccessExpressionSyntax f:
                return LocationOf(f.Target)?.Element(f.Index);
            default:
                return null;
        }
    }

    /// <summary><c>whamm_core.NAME(args)</c>: a call of the linked core library's export (DECISIONS 13).</summary>
    private bool TryEmitLibraryCall(InstructionBuilder b, CallExpressionSyntax call)
    {
        if (call.Receiver is not NameExpressionSyntax { Name.Text: LibrarySignatures.CoreLibraryName }) return false;
        foreach (var a in call.Arguments) EmitExpression(b, a);
        b.Call(state.RequireCore($"`{LibrarySignatures.CoreLibraryName}.{call.Name.Text}`").Function(call.Name.Text));
        return true;
    }
}
