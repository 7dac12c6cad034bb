using Whamm.Language.Semantics;
using Whamm.Language.Syntax;
using Whamm.Wasm.Editing;
using Whamm.Wasm.Types;

namespace Whamm.Instrumentation.CodeGen;

/// <summary>
/// Strings at run time (reference §1.10): a <c>str</c> is (address, length) in the instrumentation memory. Constant
/// operands were folded already (<see cref="Folding.BuiltinFolding"/>); what remains is computed here, the
/// comparisons by functions of ours (<see cref="HelperFunctions"/>).
/// <code>
/// ;; s.len()                       ;; s == "ab"   (s a str global)
/// global.get $s.addr               global.get $s.addr  global.get $s.len
/// global.get $s.len                i32.const ADDR  i32.const 2
/// local.set $t  drop  local.get $t call $whamm_str_equal_1_1
/// </code>
/// </summary>
internal sealed partial class ProbeEmitter
{
    /// <summary><c>s.len()</c>, <c>s.addr()</c>, <c>s.starts_with(p)</c>, <c>s.ends_with(p)</c>, <c>s.contains(p)</c>.</summary>
    private void EmitStringMethod(InstructionBuilder b, CallExpressionSyntax call)
    {
        EmitExpression(b, call.Receiver!);
        switch (call.Name.Text)
        {
            case "addr":
                b.Drop();
                return;
            case "len":
            {
                var length = newLocal(ValType.I32);
                b.LocalSet(length).Drop().LocalGet(length);
                return;
            }
        }
        var test = call.Name.Text switch
        {
            "starts_with" => StringTest.StartsWith,
            "ends_with" => StringTest.EndsWith,
            "contains" => StringTest.Contains,
            _ => throw Unsupported($"`str.{call.Name.Text}`", call),
        };
        EmitExpression(b, call.Arguments[0]);
        var ours = Ours();
        b.Call(Helpers(call).Test(test, ours, ours));
    }

    /// <summary><c>a == b</c> and <c>a != b</c> on strings: the same bytes.</summary>
    private void EmitStringEquality(InstructionBuilder b, BinaryExpressionSyntax e)
    {
        if (e.Operator is not (BinaryOperator.Equal or BinaryOperator.NotEqual)) throw Unsupported($"`{e.Operator}` on strings", e);
        EmitExpression(b, e.Left);
        EmitExpression(b, e.Right);
        var ours = Ours();
        b.Call(Helpers(e).Test(StringTest.Equal, ours, ours));
        if (e.Operator == BinaryOperator.NotEqual) b.I32Eqz();
    }

    /// <summary>The instrumentation memory, where strings are.</summary>
    private uint Ours() => state.RequireCore("strings at run time").Memory;

    private HelperFunctions Helpers(SyntaxNode at) =>
        state.Helpers ?? throw new InstrumentationException("internal error: no helper functions here", at.Span, isInternal: true);
}
