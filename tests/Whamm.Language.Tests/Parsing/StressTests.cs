using System.Diagnostics;
using System.Text;
using Whamm.Language.Diagnostics;
using Whamm.Language.Parsing;
using Whamm.Language.Syntax;
using Whamm.Language.Text;

namespace Whamm.Language.Tests.Parsing;

/// <summary>Pathological inputs end in a diagnostic, never in a stack overflow or a hang.</summary>
public class StressTests
{
    private static IReadOnlyList<Diagnostic> ParseQuickly(string text)
    {
        var watch = Stopwatch.StartNew();
        var (script, diagnostics) = Parser.Parse(SourceText.From(text, "stress.mm"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        _ = SyntaxPrinter.Print(script);
        _ = DiagnosticRenderer.Render(diagnostics, DiagnosticFormat.Plain);
        return diagnostics;
    }

    [Fact]
    public void Deep_parentheses()
    {
        var diagnostics = ParseQuickly("wasm:begin { x = " + new string('(', 100_000) + "1" + new string(')', 100_000) + "; y = 2; }");
        Assert.Equal("WH0039", Assert.Single(diagnostics, d => d.IsError).Id);
    }

    [Fact]
    public void Deep_blocks()
    {
        var diagnostics = ParseQuickly("wasm:begin " + new string('{', 50_000) + new string('}', 50_000));
        Assert.Contains(diagnostics, d => d.Id is "WH0039" or "WH0044");
        Assert.True(diagnostics.Count <= Parser.MaxErrors + 1);
    }

    [Fact]
    public void Deep_if_nesting()
    {
        var sb = new StringBuilder("wasm:begin {");
        for (int i = 0; i < 10_000; i++)
            sb.Append("if (a) {");
        sb.Append(new string('}', 10_001));
        Assert.Contains(ParseQuickly(sb.ToString()), d => d.Id == "WH0039");
    }

    [Fact]
    public void Long_operator_chain_is_bounded()
    {
        var text = "wasm:begin / " + string.Join(" || ", Enumerable.Repeat("fid == 1", 20_000)) + " / { }";
        var diagnostics = ParseQuickly(text);
        Assert.Equal("WH0039", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public void Chains_up_to_the_limit_are_fine()
    {
        var text = "wasm:begin / " + string.Join(" || ", Enumerable.Repeat("fid == 1", 2_000)) + " / { }";
        Assert.Empty(ParseQuickly(text));
    }

    [Fact]
    public void Many_statements_and_probes()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 2_000; i++)
            sb.Append("wasm:opcode:call:before { x = x + ").Append(i).Append("; m[(fid, pc)]++; }\n");
        Assert.Empty(ParseQuickly(sb.ToString()));
    }

    [Fact]
    public void The_parser_stops_after_too_many_errors()
    {
        var diagnostics = ParseQuickly(string.Concat(Enumerable.Repeat("wasm:begin { x = ; }\n", 500)));
        Assert.Equal(Parser.MaxErrors + 1, diagnostics.Count);
        Assert.Equal("WH0044", diagnostics[^1].Id);
    }

    [Fact]
    public void Long_junk_lines()
    {
        ParseQuickly(string.Concat(Enumerable.Repeat(") ] , = ", 20_000)) + "\nwasm:begin { }");
        ParseQuickly("wasm:begin { f(" + string.Concat(Enumerable.Repeat("a, ", 50_000)));
        ParseQuickly(string.Concat(Enumerable.Repeat("a.", 50_000)) + ":");
        ParseQuickly(string.Concat(Enumerable.Repeat("x:", 50_000)));
        ParseQuickly(new string('"', 10_001));
        ParseQuickly(string.Concat(Enumerable.Repeat("/*", 20_000)));
    }

    [Fact]
    public void Library_never_touches_the_console()
    {
        string src = Path.GetFullPath(Path.Combine(CaseFiles.Root, "..", "..", "..", "src", "Whamm.Language"));
        var offenders = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => x.line.Contains("Console.", StringComparison.Ordinal) && !x.line.TrimStart().StartsWith("///", StringComparison.Ordinal))
            .Select(x => $"{Path.GetFileName(x.f)}:{x.i + 1}")
            .ToList();
        Assert.True(offenders.Count == 0, "Console used in the library: " + string.Join(", ", offenders));
    }
}
