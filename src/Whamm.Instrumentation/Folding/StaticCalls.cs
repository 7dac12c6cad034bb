using Whamm.Language.Semantics;
using Whamm.Language.Syntax;
using Whamm.Wasm.Types;

namespace Whamm.Instrumentation.Folding;

/// <summary>
/// Calls the folder evaluates while instrumenting (reference §1.9): <c>@static LIB.FN(args)</c> runs the library's
/// export through <see cref="StaticCallEvaluator"/> with the folded arguments, once per site and expression, and its
/// result becomes a constant (so it can decide a predicate, and with it which sites match); <c>memid(LIB)</c> is the
/// index the library's memory has in the instrumented module.
/// <code>
/// use cache;  wasm:opcode:call:before / @static cache.is_hot(fid as i32) == 1 / { hot++; }
/// ;; fid 3: is_hot(3) returns 0 -> predicate false -> folded away; fid 5: returns 1 -> unconditional
/// </code>
/// </summary>
internal sealed class StaticCalls
{
    private readonly StaticCallEvaluator? evaluator;
    private readonly Func<LibrarySymbol, uint?> memory;

    /// <summary>Calls go to <paramref name="evaluator"/>; <paramref name="memory"/> gives a library's memory index (null: none here).</summary>
    public StaticCalls(StaticCallEvaluator? evaluator, Func<LibrarySymbol, uint?> memory)
    {
        this.evaluator = evaluator;
        this.memory = memory;
    }

    /// <summary>The value of <paramref name="invocation"/> when it is evaluated while instrumenting, else null.</summary>
    public Constant? Fold(CallExpressionSyntax invocation, SemanticModel model, Func<ExpressionSyntax, Constant?> fold)
    {
        if (model.SymbolOf(invocation) is not FunctionSymbol f) return null;
        if (f is { FunctionKind: FunctionKind.Builtin, Name: "memid" } && invocation.Arguments is [var argument]
            && model.SymbolOf(argument) is LibrarySymbol library)
            return memory(library) is { } index ? Constant.Integer(WhammType.U32, index) : null;
        if (invocation.Annotation != CallAnnotation.Static || f is not { FunctionKind: FunctionKind.Library, LibraryFunction: { } export, Library: { } lib })
            return null;
        var arguments = new object[invocation.Arguments.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            var a = invocation.Arguments[i];
            var value = fold(a) ?? throw new InstrumentationException($"the argument of `@static {f.DisplayName}` must be known when instrumenting", a.Span);
            arguments[i] = Box(value, export.WasmType.Params[i]);
        }
        if (evaluator is null)
            throw new InstrumentationException($"`@static {f.DisplayName}(…)` needs a library evaluator (InstrumentOptions.StaticCalls; the CLI runs libraries on Wasmtime)", invocation.Span);
        object? result;
        try
        {
            result = evaluator(lib.Name, f.Name, arguments);
        }
        catch (InvalidOperationException e)
        {
            throw new InstrumentationException($"`@static {f.DisplayName}({string.Join(", ", arguments)})` failed: {e.Message}", invocation.Span);
        }
        if (f.ReturnType.IsUnit) return null;
        return result switch
        {
            int v => Constant.Integer(f.ReturnType, v),
            long v => Constant.Integer(f.ReturnType, v),
            float v => Constant.OfFloat(f.ReturnType, v),
            double v => Constant.OfFloat(f.ReturnType, v),
            _ => throw new InstrumentationException($"`@static {f.DisplayName}(…)` returned {result ?? "nothing"}, not a {f.ReturnType}", invocation.Span),
        };
    }

    /// <summary>A folded argument as the evaluator takes it, by the export's Wasm parameter type.</summary>
    private static object Box(Constant c, ValType type)
    {
        if (type == ValType.I64) return c.IsFloat ? (long)c.Float : c.WasmValue;
        if (type == ValType.F32) return c.IsFloat ? (float)c.Float : (float)c.WasmValue;
        if (type == ValType.F64) return c.IsFloat ? c.Float : c.WasmValue;
        return c.IsFloat ? (int)c.Float : (int)c.WasmValue;
    }
}
