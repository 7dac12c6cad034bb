using Whamm.Language.Diagnostics;
using Whamm.Language.Semantics;
using Whamm.Language.Text;

namespace Whamm.Language.Tests.Semantics;

/// <summary>
/// The type checker's data-driven cases: every <c>cases/check/valid/**.mm</c> must check without errors
/// and summarize (<see cref="CheckedScriptDump"/>, then any warnings) as its <c>.expected</c> says; every
/// <c>cases/check/invalid/**.mm</c> must give at least one error, its diagnostics rendered exactly as its
/// <c>.expected</c> says (kind, id, path:line:col, caret). Cases may use the test library <c>testlib</c>
/// (<see cref="TestLibraries"/>). Adding a case needs no C# edit; <c>WHAMM_BLESS=1</c> writes expectations.
/// </summary>
public class CheckCaseTests
{
    public static TheoryData<string> ValidCases() => new(CaseFiles.Scripts("check/valid"));

    public static TheoryData<string> InvalidCases() => new(CaseFiles.Scripts("check/invalid"));

    [Theory]
    [MemberData(nameof(ValidCases))]
    public void Valid_script_checks_clean_and_summarizes_as_expected(string relative)
    {
        var (script, diagnostics) = Check(relative);
        Assert.True(diagnostics.All(d => !d.IsError),
            $"{relative} should check without errors:\n{DiagnosticRenderer.Render(diagnostics, DiagnosticFormat.Plain)}");
        var actual = CheckedScriptDump.Print(script);
        if (diagnostics.Count > 0)
            actual += "\n" + DiagnosticRenderer.Render(diagnostics, DiagnosticFormat.Plain);
        CaseFiles.Check(relative, actual);
    }

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Invalid_script_reports_the_expected_diagnostics(string relative)
    {
        var (_, diagnostics) = Check(relative);
        Assert.Contains(diagnostics, d => d.IsError);
        CaseFiles.Check(relative, DiagnosticRenderer.Render(diagnostics, DiagnosticFormat.Plain));
    }

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Invalid_cases_fail_in_the_checker_not_the_parser(string relative)
    {
        var (_, diagnostics) = Check(relative);
        Assert.DoesNotContain(diagnostics, d => d.IsError && string.CompareOrdinal(d.Id, "WH1000") < 0);
    }

    internal static (CheckedScript Script, IReadOnlyList<Diagnostic> Diagnostics) Check(string relative)
    {
        var text = File.ReadAllText(CaseFiles.FullPath(relative)).Replace("\r\n", "\n", StringComparison.Ordinal);
        return Checker.Check(SourceText.From(text, relative), TestLibraries.Options);
    }
}
