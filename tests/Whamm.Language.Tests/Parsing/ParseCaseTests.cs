using Whamm.Language.Diagnostics;
using Whamm.Language.Parsing;
using Whamm.Language.Syntax;
using Whamm.Language.Text;

namespace Whamm.Language.Tests.Parsing;

/// <summary>
/// The parser's data-driven cases: every <c>cases/parse/valid/**.mm</c> must parse without errors and
/// print (canonically, every grouping parenthesized) as its <c>.expected</c> says, followed by any
/// warnings; every <c>cases/parse/invalid/**.mm</c> must give at least one error, rendered exactly as
/// its <c>.expected</c> says. Adding a case needs no C# edit; <c>WHAMM_BLESS=1</c> writes expectations.
/// </summary>
public class ParseCaseTests
{
    public static TheoryData<string> ValidCases() => new(CaseFiles.Scripts("parse/valid"));

    public static TheoryData<string> InvalidCases() => new(CaseFiles.Scripts("parse/invalid"));

    public static TheoryData<string> AllCases() => new(CaseFiles.Scripts("parse"));

    [Theory]
    [MemberData(nameof(ValidCases))]
    public void Valid_script_parses_and_prints_as_expected(string relative)
    {
        var (script, diagnostics) = Parse(relative);
        Assert.True(diagnostics.All(d => !d.IsError),
            $"{relative} should parse without errors:\n{DiagnosticRenderer.Render(diagnostics, DiagnosticFormat.Plain)}");
        string actual = SyntaxPrinter.Print(script);
        if (diagnostics.Count > 0)
            actual += "\n" + DiagnosticRenderer.Render(diagnostics, DiagnosticFormat.Plain);
        CaseFiles.Check(relative, actual);
    }

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Invalid_script_reports_the_expected_errors(string relative)
    {
        var (_, diagnostics) = Parse(relative);
        Assert.Contains(diagnostics, d => d.IsError);
        CaseFiles.Check(relative, DiagnosticRenderer.Render(diagnostics, DiagnosticFormat.Plain));
    }

    /// <summary>print → parse → print is a fixed point, and printing valid scripts loses nothing the parser saw.</summary>
    [Theory]
    [MemberData(nameof(ValidCases))]
    public void Printed_script_parses_back_to_the_same_tree(string relative)
    {
        var (script, _) = Parse(relative);
        string printed = SyntaxPrinter.Print(script);
        var (again, diagnostics) = Parser.Parse(SourceText.From(printed, relative + " (printed)"));
        Assert.DoesNotContain(diagnostics, d => d.IsError);
        Assert.Equal(printed, SyntaxPrinter.Print(again));
    }

    /// <summary>Every node's span lies inside its parent's and inside the text, and children come in source order.</summary>
    [Theory]
    [MemberData(nameof(AllCases))]
    public void Spans_nest_and_stay_in_order(string relative)
    {
        var (script, diagnostics) = Parse(relative);
        SyntaxInvariants.AssertSpansNest(script);
        foreach (var d in diagnostics)
            Assert.True(d.Span is null || d.Span.Value.End <= script.Source.Length, $"{d} reaches past the text");
    }

    private static (ScriptSyntax Script, IReadOnlyList<Diagnostic> Diagnostics) Parse(string relative)
    {
        string text = File.ReadAllText(CaseFiles.FullPath(relative)).Replace("\r\n", "\n", StringComparison.Ordinal);
        return Parser.Parse(SourceText.From(text, relative));
    }
}
