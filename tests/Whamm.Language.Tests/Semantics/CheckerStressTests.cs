using System.Diagnostics;
using System.Text;
using Whamm.Language.Diagnostics;
using Whamm.Language.Parsing;
using Whamm.Language.Semantics;
using Whamm.Language.Text;

namespace Whamm.Language.Tests.Semantics;

/// <summary>Pathological but parseable input: the checker finishes quickly, without a stack overflow.</summary>
public class CheckerStressTests
{
    private static IReadOnlyList<Diagnostic> CheckQuickly(string text, int seconds = 5)
    {
        var watch = Stopwatch.StartNew();
        var (script, diagnostics) = Checker.Check(SourceText.From(text, "stress.mm"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(seconds), $"took {watch.Elapsed}");
        _ = CheckedScriptDump.Print(script);
        return diagnostics;
    }

    [Fact]
    public void Or_chain_of_two_thousand_terms()
    {
        var text = "wasm:opcode:call:before / " + string.Join(" || ", Enumerable.Repeat("fid == 1", 2_000)) + " / { }";
        Assert.Empty(CheckQuickly(text));
    }

    [Fact]
    public void Arithmetic_chain_at_the_parser_limit_with_a_typed_operand_last()
    {
        // ((1 + 1) + …) + fid: the literal part takes fid's type, found through the whole chain.
        var text = "wasm:opcode:call:before { var x: u32 = " + string.Join(" + ", Enumerable.Repeat("1", Parser.MaxExpressionDepth - 10)) + " + fid; }";
        Assert.Empty(CheckQuickly(text));
    }

    [Fact]
    public void Deep_cast_chain()
    {
        var text = "wasm:opcode:call:before { var x: u32 = fid" + string.Concat(Enumerable.Repeat(" as u32", Parser.MaxExpressionDepth - 10)) + "; }";
        Assert.Empty(CheckQuickly(text));
    }

    [Fact]
    public void Deep_ternary_chain()
    {
        var sb = new StringBuilder("wasm:opcode:call:before { var x: u8 = ");
        for (var i = 0; i < Parser.MaxNestingDepth - 10; i++) sb.Append("fid == ").Append(i).Append(" ? 1 : ");
        sb.Append("0; }");
        Assert.Empty(CheckQuickly(sb.ToString()));
    }

    [Fact]
    public void Deep_field_access_chain_reports_each_error_once()
    {
        var text = "var t: (u32, u32); wasm:begin { var x: u32 = t" + string.Concat(Enumerable.Repeat(".0", 3000)) + "; }";
        var diagnostics = CheckQuickly(text);
        Assert.Equal("WH2021", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public void Glob_over_every_event_and_mode_with_bound_variables()
    {
        var text = "var m: map<u32, u32>;\nwasm:opcode:*:*(arg0: i32) / arg0 > 0 && fid != 3 / { m[pc]++; arg0 = arg0 + 1; }";
        var diagnostics = CheckQuickly(text);
        Assert.DoesNotContain(diagnostics, d => d.IsError);
    }

    [Fact]
    public void Two_thousand_probes()
    {
        var sb = new StringBuilder("var x: u64;\nvar m: map<(u32, u32), u32>;\n");
        for (var i = 0; i < 2_000; i++)
            sb.Append("wasm:opcode:call:before { x = x + ").Append(i).Append("; m[(fid, pc)]++; }\n");
        Assert.Empty(CheckQuickly(sb.ToString()));
    }

    [Fact]
    public void Many_errors_in_a_glob_are_reported_once_each()
    {
        var text = "wasm:opcode:*:before { var s: str = fid; undefined++; }";
        var diagnostics = CheckQuickly(text);
        Assert.Equal(2, diagnostics.Count);
    }
}
