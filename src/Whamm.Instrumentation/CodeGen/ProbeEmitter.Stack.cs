using System.Runtime.CompilerServices;
using Whamm.Instrumentation.Folding;
using Whamm.Instrumentation.Sites;
using Whamm.Language.Semantics;
using Whamm.Language.Syntax;
using Whamm.Wasm.Editing;
using Whamm.Wasm.Instructions;
using Whamm.Wasm.Types;

namespace Whamm.Instrumentation.CodeGen;

/// <summary>
/// Where an <c>alt</c> probe finds the operands of the instruction it replaces (all saved into locals, not
/// re-pushed) and where it leaves the results (locals pushed after the body; zero unless the body sets them).
/// </summary>
/// <param name="Args">The operands' locals, <c>arg0</c> (the top of the stack) first.</param>
/// <param name="ArgTypes">Their types.</param>
/// <param name="Results">The results' locals, <c>res0</c> (the top) first.</param>
/// <param name="ResultTypes">Their types.</param>
/// <param name="Functions">The module's functions, for <c>alt_call_by_id</c>/<c>alt_call_by_name</c>.</param>
/// <param name="Site">The site in words, for diagnostics.</param>
internal sealed record AltSite(uint[] Args, ValType[] ArgTypes, uint[] Results, ValType[] ResultTypes, FunctionDirectory Functions, string Site);

/// <summary>
/// The parts of the emitter that deal with the site rather than the script's variables: <c>return</c> in probe
/// bodies and the bound functions <c>drop_args</c>, <c>alt_call_by_id</c> and <c>alt_call_by_name</c>.
/// </summary>
internal sealed partial class ProbeEmitter
{
    private readonly AltSite? alt;
    private int returnDepth = -1; // builder depth inside the block a `return` leaves

    /// <summary>
    /// Emits a probe body. A body with a <c>return</c> is wrapped in a <c>block</c> that the return leaves
    /// (<c>br</c>), after storing its value into the alt result local.
    /// </summary>
    public void EmitBody(InstructionBuilder b, BlockSyntax body)
    {
        if (!HasReturn(body))
        {
            EmitBlock(b, body);
            return;
        }
        b.Block(BlockType.Empty, x =>
        {
            returnDepth = x.Depth;
            EmitBlock(x, body);
        });
        returnDepth = -1;
    }

    // Whether a body has a `return`, found once per body rather than by a walk of its tree at every site.
    private static readonly ConditionalWeakTable<BlockSyntax, StrongBox<bool>> ReturnFound = [];

    private static bool HasReturn(BlockSyntax body) =>
        ReturnFound.GetValue(body, b => new StrongBox<bool>(b.DescendantNodesAndSelf().Any(n => n is ReturnStatementSyntax))).Value;

    private void EmitReturn(InstructionBuilder b, ReturnStatementSyntax r)
    {
        if (inFunction)
        {
            EmitFunctionReturn(b, r);
            return;
        }
        if (r.Value is { } value)
        {
            if (alt is not { Results.Length: 1 })
                throw new InstrumentationException("`return <value>;` needs an alt probe on an instruction with exactly one result", r.Span);
            var type = TypeOf(value);
            if (Constant.WasmType(type) != alt.ResultTypes[0])
                throw new InstrumentationException($"the returned value is {type}, but the result of the instruction at {alt.Site} is {alt.ResultTypes[0]}", value.Span);
            EmitExpression(b, value);
            b.LocalSet(alt.Results[0]);
        }
        b.Br((uint)(b.Depth - returnDepth));
    }

    private bool IsBoundCall(CallExpressionSyntax call) => model.SymbolOf(call) is FunctionSymbol { FunctionKind: FunctionKind.Bound };

    private void EmitBoundCall(InstructionBuilder b, CallExpressionSyntax call)
    {
        var name = call.Name.Text;
        switch (name)
        {
            case "dup_at":
                EmitDupAt(b, call);
                return;
            case "resolve_funcref": // a value without an effect
                EmitExpression(b, call);
                b.Drop();
                return;
        }
        if (alt is null)
            throw new InstrumentationException($"`{name}()` stands in for the instruction, so it is only allowed in alt probes", call.Span);
        switch (name)
        {
            case "drop_args":
                return; // an alt probe has already taken every operand off the stack (they are in locals)
            case "alt_call_by_id":
            {
                var id = constants.GetValueOrDefault(call.Arguments[0])
                    ?? throw new InstrumentationException("alt_call_by_id needs a function id known at instrumentation time (a literal or an expression of static variables)", call.Arguments[0].Span);
                EmitAltCall(b, id.WasmValue, call);
                return;
            }
            case "alt_call_by_name":
            {
                var text = constants.GetValueOrDefault(call.Arguments[0])?.Text
                    ?? throw new InstrumentationException("alt_call_by_name needs a function name known at instrumentation time", call.Arguments[0].Span);
                var fid = alt.Functions.LocalByName(text)
                    ?? throw new InstrumentationException($"alt_call_by_name: the module defines no function named `{text}`", call.Arguments[0].Span);
                EmitAltCall(b, fid, call);
                return;
            }
        }
        throw Unsupported($"`{name}()`", call);
    }

    /// <summary>Re-pushes the saved operands, calls <paramref name="fid"/> and keeps its results as the instruction's.</summary>
    private void EmitAltCall(InstructionBuilder b, long fid, CallExpressionSyntax call)
    {
        var functions = alt!.Functions;
        if (fid < 0 || fid >= functions.Count)
            throw new InstrumentationException($"{call.Name.Text}: there is no function {fid} (the module has {functions.Count})", call.Span);
        var type = functions.TypeOf((uint)fid);
        var takes = alt.ArgTypes.Reverse().ToArray();
        var gives = alt.ResultTypes.Reverse().ToArray();
        if (!type.Params.AsSpan().SequenceEqual(takes) || !type.Results.AsSpan().SequenceEqual(gives))
            throw new InstrumentationException(
                $"{call.Name.Text}: function {fid} ({functions.NameOf((uint)fid)}) takes [{string.Join(' ', type.Params)}] and returns [{string.Join(' ', type.Results)}], "
                + $"but the instruction it replaces at {alt.Site} takes [{string.Join(' ', takes)}] and returns [{string.Join(' ', gives)}]", call.Span);
        for (var k = alt.Args.Length - 1; k >= 0; k--) b.LocalGet(alt.Args[k]);
        b.Call(functions.Current((uint)fid));
        foreach (var r in alt.Results) b.LocalSet(r); // res0 is the top: stored first
    }

    /// <summary>The default value of a defaultable type (zero, or a null reference).</summary>
    internal static void EmitDefault(InstructionBuilder b, ValType t)
    {
        if (t.IsRef) b.RefNull(t.Heap);
        else EmitZero(b, t);
    }
}
