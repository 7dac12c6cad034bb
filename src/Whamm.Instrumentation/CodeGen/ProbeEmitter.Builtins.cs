using Whamm.Instrumentation.Core;
using Whamm.Instrumentation.Folding;
using Whamm.Language.Semantics;
using Whamm.Language.Syntax;
using Whamm.Wasm.Editing;
using Whamm.Wasm.Instructions;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Types;

namespace Whamm.Instrumentation.CodeGen;

/// <summary>
/// The run-time built-ins (reference §1.13) and the bound functions that act on the site (<c>dup_at</c>,
/// <c>resolve_funcref</c>). Memory ids are the application's own indices, the instrumentation memory the one after
/// them; they must be known when instrumenting because Wasm names memories by immediates. A pointer is an i32,
/// zero-extended for a 64-bit memory.
/// <code>
/// ;; read_str(APP_MEMID, p, n)        ;; strcmp((p, n), "main")  (app memory 0, ours 1)
/// local.get $p  local.set $ptr        local.get $p  local.get $n  i32.const ADDR  i32.const 4
/// local.get $n  local.set $len        call $whamm_str_equal_0_1
/// local.get $len  call $mem_alloc  local.set $to
/// local.get $to  local.get $ptr  local.get $len  memory.copy 1 0
/// local.get $to  local.get $len
/// </code>
/// </summary>
internal sealed partial class ProbeEmitter
{
    /// <summary>The instruction at the site (for <c>dup_at</c> and <c>resolve_funcref</c>); null outside opcode sites.</summary>
    public Instruction? SiteInstruction { get; init; }

    /// <summary>A call of a string method, a built-in or <c>resolve_funcref</c> that was not folded.</summary>
    private bool TryEmitBuiltinCall(InstructionBuilder b, CallExpressionSyntax call)
    {
        switch (model.SymbolOf(call))
        {
            case FunctionSymbol { FunctionKind: FunctionKind.StringMethod }:
                EmitStringMethod(b, call);
                return true;
            case FunctionSymbol { FunctionKind: FunctionKind.Builtin } f:
                EmitBuiltin(b, call, f.Name);
                return true;
            case FunctionSymbol { FunctionKind: FunctionKind.Bound, Name: "resolve_funcref" }:
                EmitExpression(b, call.Arguments[0]);
                b.Drop(); // the shadow table resolves by index
                var index = Saved(b, call.Arguments[1], ValType.I32);
                var shadows = state.Shadows ?? throw new InstrumentationException("internal error: resolve_funcref without shadow tables", call.Span, isInternal: true);
                shadows.EmitLookup(b, DerivedValues.TableOf(SiteInstruction), index);
                return true;
            default:
                return false;
        }
    }

    private void EmitBuiltin(InstructionBuilder b, CallExpressionSyntax call, string name)
    {
        var args = call.Arguments;
        switch (name)
        {
            case "strcmp" or "strcontains":
            {
                EmitExpression(b, args[0]);
                EmitExpression(b, args[1]);
                var app = Facts(call).AppMemory(call.Span);
                b.Call(Helpers(call).Test(name == "strcmp" ? StringTest.Equal : StringTest.Contains, app, Ours()));
                return;
            }
            case "read_str":
            {
                var (from, fromWide) = MemoryArgument(call, 0);
                var ptr = Saved(b, args[1], ValType.I32);
                var length = Saved(b, args[2], ValType.I32);
                var to = newLocal(ValType.I32);
                var core = state.RequireCore("read_str");
                b.LocalGet(length).Call(core.Function(CoreLibrary.Exports.MemAlloc)).LocalSet(to);
                b.LocalGet(to);
                EmitPointer(b, ptr, fromWide);
                b.LocalGet(length).MemoryCopy(core.Memory, from);
                b.LocalGet(to).LocalGet(length);
                return;
            }
            case "write_str":
            {
                var (to, toWide) = MemoryArgument(call, 0);
                var ptr = Saved(b, args[1], ValType.I32);
                EmitExpression(b, args[2]);
                var length = newLocal(ValType.I32);
                var address = newLocal(ValType.I32);
                b.LocalSet(length).LocalSet(address);
                EmitPointer(b, ptr, toWide);
                b.LocalGet(address).LocalGet(length).MemoryCopy(to, Ours());
                return;
            }
            case "memcpy":
            {
                var (from, fromWide) = MemoryArgument(call, 0);
                var (to, toWide) = MemoryArgument(call, 2);
                var source = Saved(b, args[1], ValType.I32);
                var destination = Saved(b, args[3], ValType.I32);
                var length = Saved(b, args[4], ValType.I32);
                EmitPointer(b, destination, toWide);
                EmitPointer(b, source, fromWide);
                b.LocalGet(length);
                if (fromWide && toWide) b.I64ExtendI32U(); // the length has the narrower index type
                b.MemoryCopy(to, from);
                return;
            }
            case "mem_size":
            {
                var (memory, wide) = MemoryArgument(call, 0);
                b.MemorySize(memory);
                if (wide) b.I32WrapI64();
                return;
            }
        }
        throw Unsupported($"`{name}` here", call);
    }

    /// <summary>
    /// <c>dup_at(dst_mem, dst_addr)</c> at <c>memory.init/copy/fill</c>: the same instruction again with its destination
    /// memory and address replaced, the source (or value) <c>arg1</c> and length <c>arg0</c> as saved.
    /// </summary>
    private void EmitDupAt(InstructionBuilder b, CallExpressionSyntax call)
    {
        if (SiteInstruction is not { Op: Op.MemoryInit or Op.MemoryCopy or Op.MemoryFill } site
            || !stack.TryGetValue("arg0", out var length) || !stack.TryGetValue("arg1", out var source))
            throw new InstrumentationException("`dup_at` repeats memory.init, memory.copy or memory.fill, and only at their sites", call.Span);
        var (destination, wide) = MemoryArgument(call, 0);
        var memories = site.Op switch
        {
            Op.MemoryInit => [(uint)site.Imm1],
            Op.MemoryCopy => [site.Index, (uint)site.Imm1],
            _ => new[] { site.Index },
        };
        if (wide || memories.Any(m => Facts(call).Memory(m, call.Span).Limits.Is64))
            throw new InstrumentationException("`dup_at` on a 64-bit memory is not supported yet", call.Span);
        EmitExpression(b, call.Arguments[1]);
        b.LocalGet(source).LocalGet(length);
        switch (site.Op)
        {
            case Op.MemoryInit: b.Emit(Op.MemoryInit, site.Index, destination); break;
            case Op.MemoryCopy: b.MemoryCopy(destination, (uint)site.Imm1); break;
            default: b.MemoryFill(destination); break;
        }
    }

    /// <summary>Argument <paramref name="index"/>, a memory id known when instrumenting, and whether that memory is 64-bit.</summary>
    private (uint Memory, bool Wide) MemoryArgument(CallExpressionSyntax call, int index)
    {
        var id = BuiltinFolding.StaticMemoryId(call, [.. call.Arguments.Select(a => constants.GetValueOrDefault(a))], index);
        return ((uint)id, Facts(call).Memory(id, call.Arguments[index].Span).Limits.Is64);
    }

    /// <summary>Evaluates <paramref name="e"/> into a new local.</summary>
    private uint Saved(InstructionBuilder b, ExpressionSyntax e, ValType type)
    {
        EmitExpression(b, e);
        var local = newLocal(type);
        b.LocalSet(local);
        return local;
    }

    /// <summary>Pushes the i32 pointer in <paramref name="local"/> as an address of a memory, 64-bit when <paramref name="wide"/>.</summary>
    private static void EmitPointer(InstructionBuilder b, uint local, bool wide)
    {
        b.LocalGet(local);
        if (wide) b.I64ExtendI32U();
    }

    private ModuleFacts Facts(SyntaxNode at) =>
        state.Facts ?? throw new InstrumentationException("internal error: no facts about the application here", at.Span, isInternal: true);
}
