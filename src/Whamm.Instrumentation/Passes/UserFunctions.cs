using Whamm.Instrumentation.CodeGen;
using Whamm.Instrumentation.Folding;
using Whamm.Instrumentation.State;
using Whamm.Language.Semantics;
using Whamm.Wasm.Editing;
using Whamm.Wasm.Model;
using Whamm.Wasm.Types;

namespace Whamm.Instrumentation.Passes;

/// <summary>
/// The script's <c>fn</c>s (DECISIONS 5) become Wasm functions of the instrumentation, each the first time code
/// calls it (so unused ones cost nothing): parameters and results are flattened like every value (a <c>str</c> is
/// address and length, a tuple its elements, so a tuple result is a multi-value result), locals are fresh Wasm
/// locals after the parameters, and <c>return</c> is the Wasm <c>return</c>. Calls only need the index, so
/// recursion and mutual recursion just work; the bodies are emitted at the end (<see cref="EmitBodies"/>), which
/// may request further functions.
/// <code>
/// ;; fn fib(n: u32) -> u32 { if (n &lt; 2) { return n; } return fib(n - 1) + fib(n - 2); }
/// (func $fib (param i32) (result i32)
///   local.get 0  i32.const 2  i32.lt_u  if  local.get 0  return  end
///   local.get 0  i32.const 1  i32.sub  call $fib  local.get 0  i32.const 2  i32.sub  call $fib  i32.add  return
///   unreachable)                                   ;; every path returned (the checker made sure)
/// </code>
/// </summary>
internal sealed class UserFunctions
{
    private readonly ModuleEditor editor;
    private readonly ScriptState state;
    private readonly Dictionary<FunctionSymbol, CheckedFunction> definitions;
    private readonly Dictionary<FunctionSymbol, uint> indices = new(ReferenceEqualityComparer.Instance);
    private readonly Queue<(CheckedFunction Function, uint Index)> pending = new();

    public UserFunctions(ModuleEditor editor, CheckedScript script, ScriptState state)
    {
        this.editor = editor;
        this.state = state;
        definitions = script.Functions.ToDictionary(f => f.Symbol);
    }

    /// <summary>The function index of <paramref name="function"/>, declared (with its body to follow) on the first call.</summary>
    public uint Index(FunctionSymbol function)
    {
        if (indices.TryGetValue(function, out var index)) return index;
        var parameters = function.Parameters.SelectMany(p => p.Type.WasmTypes).ToArray();
        var type = editor.AddType(parameters, [.. function.ReturnType.WasmTypes]);
        index = editor.AddFunction(type, new InstructionBuilder().Unreachable());
        editor.SetFunctionName(index, function.Name);
        indices[function] = index;
        pending.Enqueue((definitions[function], index));
        return index;
    }

    /// <summary>Emits the bodies of every function called so far, and of those they call in turn.</summary>
    public void EmitBodies()
    {
        while (pending.TryDequeue(out var next)) EmitBody(next.Function, next.Index);
    }

    private void EmitBody(CheckedFunction function, uint index)
    {
        var syntax = function.Symbol.Syntax!;
        var model = function.Model;
        var parameters = new List<(VariableSymbol, Location)>();
        var next = 0u;
        foreach (var p in syntax.Parameters)
        {
            var v = (VariableSymbol)model.SymbolOf(p)!;
            var flat = v.Type.WasmTypes.Select(_ => next++).ToArray();
            parameters.Add((v, new VariableLocation(v.Type, flat, IsGlobal: false)));
        }
        var locals = new List<ValType>();
        var first = next;
        Func<ValType, uint> newLocal = t =>
        {
            locals.Add(t);
            return first + (uint)(locals.Count - 1);
        };
        var folder = new ConstantFolder(model, _ => null, state.Facts, state.StaticCalls);
        folder.FoldBlock(syntax.Body);
        var b = new InstructionBuilder();
        new ProbeEmitter(model, folder.Constants, state, null, new Dictionary<string, uint>(), newLocal)
            .EmitFunctionBody(b, syntax.Body, parameters, function.Symbol.ReturnType);
        var defined = (int)(index - (uint)editor.Module.ImportedFunctionCount);
        editor.Module.Functions[defined] = new Function(editor.Module.Functions[defined].TypeIndex, b.ToFunctionBody(locals));
    }
}
