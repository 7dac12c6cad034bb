using System.Text;
using Whamm.Language.Semantics;
using Whamm.Language.Syntax;
using Whamm.Language.Text;

namespace Whamm.Instrumentation.Folding;

/// <summary>
/// Compile-time evaluation of the static built-ins (reference §1.13, §3.2 step 2): the methods of constant strings
/// (<c>len</c>, <c>starts_with</c>, <c>ends_with</c>, <c>contains</c>, compared as UTF-8 bytes), <c>APP_MEMID</c>,
/// <c>memid(whamm_core)</c>, <c>page_size</c> and <c>active_data_start/len</c>. <c>s.addr()</c> is not folded here:
/// a literal's address is only known when code generation places it.
/// </summary>
internal static class BuiltinFolding
{
    /// <summary>The value of the built-in variable <paramref name="v"/>.</summary>
    public static Constant Variable(VariableSymbol v, ModuleFacts? facts, TextSpan span) => v.Name switch
    {
        "APP_MEMID" => Constant.Integer(v.Type, Require(facts, v.Name, span).AppMemory(span)),
        _ => throw new InstrumentationException($"the built-in `{v.Name}` is not supported by the rewriter yet", span),
    };

    /// <summary>
    /// The value of a call of a static built-in or string method whose receiver and arguments folded to
    /// <paramref name="receiver"/> and <paramref name="args"/> (null entries: not constant); null when it stays a run-time call.
    /// </summary>
    public static Constant? Call(CallExpressionSyntax call, FunctionSymbol function, Constant? receiver, Constant?[] args, ModuleFacts? facts)
    {
        switch (function.FunctionKind)
        {
            case FunctionKind.StringMethod when receiver?.Text is { } s:
            {
                if (function.Name == "len") return Constant.Integer(WhammType.U32, Encoding.UTF8.GetByteCount(s));
                if (args is not [{ Text: { } p }]) return null;
                var hay = Encoding.UTF8.GetBytes(s).AsSpan();
                var needle = Encoding.UTF8.GetBytes(p).AsSpan();
                return function.Name switch
                {
                    "starts_with" => Constant.Of(hay.StartsWith(needle)),
                    "ends_with" => Constant.Of(hay.EndsWith(needle)),
                    "contains" => Constant.Of(hay.IndexOf(needle) >= 0),
                    _ => null,
                };
            }
            case FunctionKind.Builtin when function.Name == "memid":
            {
                var library = ((NameExpressionSyntax)call.Arguments[0]).Name.Text;
                if (library != LibrarySignatures.CoreLibraryName) return null; // a user library's: StaticCalls knows where it went
                return Constant.Integer(WhammType.U32, Require(facts, "memid", call.Span).InstrumentationMemory
                    ?? throw new InstrumentationException("internal error: memid(whamm_core) without the instrumentation memory", call.Span, isInternal: true));
            }
            case FunctionKind.Builtin when function.Name is "page_size" or "active_data_start" or "active_data_len":
            {
                var id = StaticMemoryId(call, args, 0);
                var f = Require(facts, function.Name, call.Span);
                var value = function.Name switch
                {
                    "page_size" => f.PageSize(id, call.Span),
                    "active_data_start" => f.ActiveData(id, call.Span).Start,
                    _ => f.ActiveData(id, call.Span).Length,
                };
                return Constant.Integer(WhammType.U32, value);
            }
            default:
                return null;
        }
    }

    /// <summary>Argument <paramref name="index"/> of the call, a memory id that must be known when instrumenting.</summary>
    public static long StaticMemoryId(CallExpressionSyntax call, Constant?[] args, int index) =>
        args[index]?.WasmValue ?? throw new InstrumentationException(
            $"`{call.Name.Text}` needs a memory id known at instrumentation time (a literal, APP_MEMID or memid(…)), because memories are named by immediates",
            call.Arguments[index].Span);

    private static ModuleFacts Require(ModuleFacts? facts, string what, TextSpan span) =>
        facts ?? throw new InstrumentationException($"internal error: `{what}` folded without the application's facts", span, isInternal: true);
}
