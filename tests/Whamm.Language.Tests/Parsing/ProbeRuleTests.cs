using Whamm.Language.Parsing;
using Whamm.Language.Syntax;
using Whamm.Language.Text;

namespace Whamm.Language.Tests.Parsing;

/// <summary>The structured probe-rule model handed to the event catalogue.</summary>
public class ProbeRuleTests
{
    private static ProbeRuleSyntax Rule(string script)
    {
        var (parsed, diagnostics) = Parser.Parse(SourceText.From(script));
        Assert.DoesNotContain(diagnostics, d => d.IsError);
        return Assert.Single(parsed.Probes).Rule;
    }

    [Fact]
    public void Four_parts_with_kinds_patterns_and_spans()
    {
        var rule = Rule("wasm:opcode:*load*|call:before { }");
        Assert.Equal(4, rule.Parts.Count);
        Assert.Equal([RulePartKind.Provider, RulePartKind.Package, RulePartKind.Event, RulePartKind.Mode], rule.Parts.Select(p => p.Kind));
        Assert.Equal("wasm", rule.Provider.Pattern.Text);
        Assert.Equal("opcode", rule.Package!.Pattern.Text);
        Assert.Equal(new TextSpan(12, 11), rule.Event!.PatternSpan);
        Assert.Equal(2, rule.Event.Pattern.Alternatives.Count);
        Assert.True(rule.Event.Matches("i64.LOAD8_u"));
        Assert.True(rule.Event.Matches("call"));
        Assert.False(rule.Event.Matches("call_indirect"));
        Assert.Equal("before", rule.Mode!.Pattern.Text);
        Assert.Equal(new TextSpan(0, 30), rule.Span);
        Assert.Equal("wasm:opcode:*load*|call:before", rule.Text);
    }

    [Fact]
    public void Shorter_rules_leave_the_missing_levels_null()
    {
        var begin = Rule("wasm:begin { }");
        Assert.Equal(2, begin.Parts.Count);
        Assert.Null(begin.Event);
        Assert.Null(begin.Mode);
        var entry = Rule("wasm:func:entry { }");
        Assert.Equal("entry", entry.Event!.Pattern.Text);
        Assert.Null(entry.Mode);
    }

    [Fact]
    public void Empty_parts_match_everything_and_have_zero_length_spans()
    {
        var rule = Rule("wasm::br_if: { }");
        Assert.True(rule.Package!.Pattern.IsEmpty);
        Assert.True(rule.Package.Pattern.MatchesEverything);
        Assert.True(rule.Package.Matches("opcode"));
        Assert.Equal(new TextSpan(5, 0), rule.Package.PatternSpan);
        Assert.True(rule.Mode!.Pattern.IsEmpty);
    }

    [Fact]
    public void Type_bounds_on_any_part_any_number_of_groups()
    {
        var rule = Rule("wasm(local0: i32):opcode:call(arg0: i32, arg1: f64):before { }");
        Assert.Equal(["local0"], rule.Provider.TypeBounds.Select(b => b.Name.Text));
        Assert.Empty(rule.Package!.TypeBounds);
        Assert.Equal(["arg0", "arg1"], rule.Event!.TypeBounds.Select(b => b.Name.Text));
        Assert.Equal(PrimitiveTypeKind.F64, Assert.IsType<PrimitiveTypeSyntax>(rule.Event.TypeBounds[1].Type).Kind);
        Assert.Equal(["local0", "arg0", "arg1"], rule.TypeBounds.Select(b => b.Name.Text));
        Assert.Equal(new TextSpan(25, 26), rule.Event.Span); // call(arg0: i32, arg1: f64)
        Assert.Equal(new TextSpan(25, 4), rule.Event.PatternSpan);
    }

    [Fact]
    public void Whitespace_and_comments_may_surround_the_colons()
    {
        var rule = Rule("wasm /* p */ : opcode :\n call // c\n : before { }");
        Assert.Equal("wasm:opcode:call:before", rule.Text);
        Assert.Equal(new TextSpan(15, 6), rule.Package!.PatternSpan);
    }

    [Fact]
    public void ParseRule_reads_a_rule_on_its_own()
    {
        var (rule, diagnostics) = Parser.ParseRule(SourceText.From("wasm:opcode:br*:*"));
        Assert.Empty(diagnostics);
        Assert.True(rule.Event!.Matches("br_table"));
        Assert.True(rule.Mode!.Matches("at_target"));

        var (single, errors) = Parser.ParseRule(SourceText.From("wasm"));
        Assert.Single(single.Parts);
        Assert.Equal("WH0026", Assert.Single(errors).Id);

        var (_, trailing) = Parser.ParseRule(SourceText.From("wasm:begin junk"));
        Assert.Equal("WH0042", Assert.Single(trailing).Id);
    }

    [Fact]
    public void Diagnostics_inside_a_probe_name_its_rule()
    {
        var (_, diagnostics) = Parser.Parse(SourceText.From("wasm:opcode:call(arg0: i32):before { x = ; }"));
        Assert.Equal("wasm:opcode:call(arg0: i32):before", Assert.Single(diagnostics).Rule);
    }
}
