using Whamm.Instrumentation.State;
using Whamm.Language.Semantics;
using Whamm.Language.Syntax;
using Whamm.Wasm.Editing;
using Whamm.Wasm.Types;

namespace Whamm.Instrumentation.CodeGen;

/// <summary>
/// Calls of user functions and user-library functions, and the bodies of user functions
/// (<see cref="Passes.UserFunctions"/>): arguments are pushed flattened in order and the callee's flattened results
/// are what the call expression leaves. <c>@static</c> calls were folded to constants (or, returning nothing, run
/// while instrumenting) and emit nothing; <c>@init LIB.FN(args)</c> in a probe goes to the start-up code of the
/// site (<see cref="LibraryBinding.SiteInit"/>), anywhere else it is a plain call.
/// </summary>
internal sealed partial class ProbeEmitter
{
    private bool inFunction; // `return` leaves the Wasm function

    /// <summary>Emits the body of a user function whose parameters live in the given locals.</summary>
    public void EmitFunctionBody(InstructionBuilder b, BlockSyntax body, IEnumerable<(VariableSymbol Variable, Location Location)> parameters, WhammType returnType)
    {
        foreach (var (v, location) in parameters) locals[v] = location;
        inFunction = true;
        EmitBlock(b, body);
        if (!returnType.IsUnit) b.Unreachable(); // every path has returned (checked): the end is unreachable
    }

    private void EmitFunctionReturn(InstructionBuilder b, ReturnStatementSyntax r)
    {
        if (r.Value is { } value) EmitExpression(b, value);
        b.Return();
    }

    /// <summary>A call of a user function or a user library's export; false for other calls.</summary>
    private bool TryEmitCall(InstructionBuilder b, CallExpressionSyntax call)
    {
        switch (model.SymbolOf(call))
        {
            case FunctionSymbol { FunctionKind: FunctionKind.User } f:
                foreach (var a in call.Arguments) EmitExpression(b, a);
                b.Call(state.Functions!.Index(f));
                return true;
            case FunctionSymbol { FunctionKind: FunctionKind.Library, Library.IsCore: false } f:
                if (call.Annotation == CallAnnotation.Static) return true; // returns nothing (else it was folded): ran while instrumenting
                foreach (var a in call.Arguments) EmitExpression(b, a);
                b.Call(state.Libraries.Function(f.Library!.Name, f.Name));
                return true;
            default:
                return TryEmitLibraryCall(b, call);
        }
    }

    /// <summary>
    /// <c>@init LIB.FN(args);</c> in a probe: the call runs once for this site at start-up. Its arguments may only use
    /// what is known then (statics, globals, literals; checked), so they are emitted there by an emitter of their own.
    /// </summary>
    private void EmitSiteInit(CallExpressionSyntax call)
    {
        var libraries = state.Libraries;
        var init = new ProbeEmitter(model, constants, state, site, new Dictionary<string, uint>(), libraries.InitLocal);
        init.EmitExpression(libraries.SiteInit, call);
        foreach (var _ in TypeOf(call).WasmTypes) libraries.SiteInit.Drop();
    }
}
