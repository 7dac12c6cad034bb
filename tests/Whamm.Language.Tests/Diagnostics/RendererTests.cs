using System.Text.Json;
using Whamm.Language.Diagnostics;
using Whamm.Language.Parsing;
using Whamm.Language.Text;

namespace Whamm.Language.Tests.Diagnostics;

public class RendererTests
{
    private static readonly DiagnosticDescriptor Sample =
        new("WH9999", DiagnosticKind.TypeCheckError, DiagnosticSeverity.Error, "`{0}` not found in symbol table");

    private static readonly DiagnosticDescriptor SampleWarning =
        new("WH9998", DiagnosticKind.TypeCheckWarning, DiagnosticSeverity.Warning, "unreachable code");

    [Fact]
    public void Plain_text_matches_the_reference_layout()
    {
        var source = SourceText.From("wasm:opcode:call:before {\n    var y: i32;\n    x = 1;\n}\n", "probe.mm");
        var d = Sample.Create(source, new TextSpan(46, 1), "x").WithRule("wasm:opcode:call:before");
        Assert.Equal("""
            error[TypeCheckError WH9999]@wasm:opcode:call:before: `x` not found in symbol table
             --> probe.mm:3:5
              |
            3 |     x = 1;
              |     ^ `x` not found in symbol table
              |


            """.Replace("\r\n", "\n"), DiagnosticRenderer.Render([d], DiagnosticFormat.Plain));
    }

    [Fact]
    public void Secondary_labels_come_in_source_order_with_gaps_marked()
    {
        var text = string.Join("\n", Enumerable.Range(1, 12).Select(i => $"line{i}")) + "\n";
        var source = SourceText.From(text, "f.mm");
        int line11 = source.GetLineStart(10), line2 = source.GetLineStart(1), line3 = source.GetLineStart(2);
        var d = Sample.Create(source, new TextSpan(line11, 6), "line11")
            .WithLabel(new TextSpan(line2, 5), "other definition here")
            .WithLabel(new TextSpan(line3 + 4, 1), "and here");
        Assert.Equal("""
            error[TypeCheckError WH9999]: `line11` not found in symbol table
              --> f.mm:11:1
               |
             2 | line2
               | ----- other definition here
             3 | line3
               |     - and here
            ...
            11 | line11
               | ^^^^^^ `line11` not found in symbol table
               |


            """.Replace("\r\n", "\n"), DiagnosticRenderer.Render([d], DiagnosticFormat.Plain));
    }

    [Fact]
    public void Positions_multi_line_spans_tabs_and_missing_locations()
    {
        var source = SourceText.From("a\n\tb = ;\nc\nd\ne\n", "t.mm");
        string point = DiagnosticRenderer.Render([SampleWarning.Create(source, new TextSpan(7, 0))], DiagnosticFormat.Plain);
        Assert.Contains("warning[TypeCheckWarning WH9998]: unreachable code", point);
        Assert.Contains("2 | \tb = ;\n  | \t    ^--- unreachable code\n", point);

        string multi = DiagnosticRenderer.Render([Sample.Create(source, TextSpan.FromBounds(2, 12), "m")], DiagnosticFormat.Plain);
        Assert.Contains("2 | \tb = ;\n  | ^^^^^^\n...\n4 | d\n  | ^ `m` not found in symbol table\n", multi);

        string whole = DiagnosticRenderer.Render([Sample.Create(source, null, "z")], DiagnosticFormat.Plain);
        Assert.Equal("error[TypeCheckError WH9999]: `z` not found in symbol table\n --> t.mm\n\n", whole);

        string nowhere = DiagnosticRenderer.Render([Sample.Create(null, null, "z")], DiagnosticFormat.Plain);
        Assert.Equal("error[TypeCheckError WH9999]: `z` not found in symbol table\n\n", nowhere);
    }

    [Fact]
    public void Long_lines_are_shown_as_a_window_around_the_marks()
    {
        var source = SourceText.From(new string('a', 500) + "XYZ" + new string('b', 500) + "\n", "long.mm");
        string text = DiagnosticRenderer.Render([Sample.Create(source, new TextSpan(500, 3), "XYZ")], DiagnosticFormat.Plain);
        Assert.Contains("1 | ..." + new string('a', 40) + "XYZ" + new string('b', 40) + "...\n", text);
        Assert.Contains("  | " + new string(' ', 43) + "^^^ `XYZ` not found", text);
        Assert.Contains("--> long.mm:1:501", text);
    }

    [Fact]
    public void Colour_only_when_asked()
    {
        var source = SourceText.From("x;\n", "c.mm");
        var d = Sample.Create(source, new TextSpan(0, 1), "x");
        Assert.False(DiagnosticRenderer.Render([d], DiagnosticFormat.Plain).Contains('\u001b', StringComparison.Ordinal));
        string coloured = DiagnosticRenderer.Render([d], DiagnosticFormat.Colour);
        Assert.True(coloured.Contains("\u001b[1;31merror[TypeCheckError WH9999]", StringComparison.Ordinal));
        Assert.True(coloured.Contains("\u001b[0m", StringComparison.Ordinal));
    }

    [Fact]
    public void Json_carries_ids_kinds_positions_and_labels()
    {
        var source = SourceText.From("ab\ncd x\n", "j.mm");
        var d = Sample.Create(source, new TextSpan(6, 1), "x").WithRule("wasm:begin").WithLabel(new TextSpan(0, 2), "here <first>");
        using var json = JsonDocument.Parse(DiagnosticRenderer.Render([d, SampleWarning.Create(null, null)], DiagnosticFormat.Json));
        var array = json.RootElement;
        Assert.Equal(2, array.GetArrayLength());
        var first = array[0];
        Assert.Equal("WH9999", first.GetProperty("id").GetString());
        Assert.Equal("error", first.GetProperty("severity").GetString());
        Assert.Equal("TypeCheckError", first.GetProperty("kind").GetString());
        Assert.Equal("wasm:begin", first.GetProperty("rule").GetString());
        Assert.Equal("j.mm", first.GetProperty("file").GetString());
        var span = first.GetProperty("span");
        Assert.Equal(6, span.GetProperty("start").GetInt32());
        Assert.Equal(2, span.GetProperty("line").GetInt32());
        Assert.Equal(4, span.GetProperty("column").GetInt32());
        var label = Assert.Single(first.GetProperty("labels").EnumerateArray());
        Assert.Equal("here <first>", label.GetProperty("message").GetString());
        Assert.Equal("warning", array[1].GetProperty("severity").GetString());
        Assert.False(array[1].TryGetProperty("span", out _));
    }

    [Fact]
    public void Parser_output_renders_in_all_formats()
    {
        var (_, diagnostics) = Parser.Parse(SourceText.From("wasm:begin { x = ; }\n", "p.mm"));
        foreach (var format in Enum.GetValues<DiagnosticFormat>())
            Assert.NotEmpty(DiagnosticRenderer.Render(diagnostics, format));
        Assert.Equal("p.mm:1:18: error[ParsingError WH0011]: expected an expression, found `;`", Assert.Single(diagnostics).ToString());
    }
}
