using Whamm.Instrumentation.CodeGen;
using Whamm.Instrumentation.Folding;
using Whamm.Language.Semantics;
using Whamm.Language.Syntax;
using Whamm.Wasm.Editing;
using Whamm.Wasm.Model;
using Whamm.Wasm.Types;

namespace Whamm.Instrumentation.Passes;

/// <summary>
/// Script globals become mutable Wasm globals of the instrumentation (never the application's memory,
/// DECISIONS 14), initialised with their folded initialiser or zero, and each single-value global gets an
/// exported getter (DECISIONS 17) unless <c>--no-getters</c>.
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
    /// <summary>Adds the globals; returns where each lives.</summary>
    public static StorageMap AddGlobals(ModuleEditor editor, CheckedScript script)
    {
        foreach (var statement in script.Syntax.GlobalStatements)
        {
            if (statement is not VariableDeclarationSyntax)
                throw new InstrumentationException("global statements other than declarations are not supported by the rewriter yet", statement.Span);
        }
        var storage = new StorageMap();
        foreach (var g in script.Globals)
        {
            var vt = Constant.WasmType(g.Type)
                ?? throw new InstrumentationException($"script global `{g.Name}` of type {g.Type} is not supported by the rewriter yet (numbers and bool only)", g.DeclarationSpan);
            if (g.IsReport) throw new InstrumentationException($"report variables (`{g.Name}`) are not supported by the rewriter yet", g.DeclarationSpan);
            var init = new InstructionBuilder();
            Constant? value = null;
            if (g.Declaration?.Initializer is { } e)
            {
                value = new ConstantFolder(script.GlobalModel, _ => null).Fold(e)
                    ?? throw new InstrumentationException($"the initialiser of `{g.Name}` must be a constant for now", e.Span);
            }
            if (vt == ValType.I64) init.I64Const(value?.WasmValue ?? 0);
            else if (vt == ValType.F32) init.F32Const((float)(value?.Float ?? 0));
            else if (vt == ValType.F64) init.F64Const(value?.Float ?? 0);
            else init.I32Const((int)(value?.WasmValue ?? 0));
            var index = editor.AddGlobal(new GlobalType(vt, Mutable: true), init);
            storage.Globals[g.Name] = (index, g.Type);
        }
        return storage;
    }

    /// <summary>Adds <c>get_NAME</c> for every global.</summary>
    public static void AddGetters(ModuleEditor editor, StorageMap storage)
    {
        var taken = editor.Module.Exports.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, (index, type)) in storage.Globals)
        {
            var export = "get_" + name;
            if (!taken.Add(export))
                throw new InstrumentationException($"the application already exports `{export}`; use --no-getters");
            var vt = Constant.WasmType(type)!.Value;
            var fn = editor.AddFunction(editor.AddType([], [vt]), new InstructionBuilder().GlobalGet(index));
            editor.AddExport(export, ExternalKind.Func, fn);
        }
    }
}
