using Whamm.Language.Diagnostics;
using Whamm.Language.Semantics;
using Whamm.Language.Text;

namespace Whamm.Language.Tests.Semantics;

/// <summary>The checker never throws: not on any parse case, valid or not, nor on pathological input.</summary>
public class CheckerRobustnessTests
{
    public static TheoryData<string> ParseCases() => new(CaseFiles.Scripts("parse"));

    [Theory]
    [MemberData(nameof(ParseCases))]
    public void Every_parse_case_checks_without_throwing(string relative)
    {
        var text = File.ReadAllText(CaseFiles.FullPath(relative));
        var (script, diagnostics) = Checker.Check(SourceText.From(text, relative), TestLibraries.Options);
        _ = DiagnosticRenderer.Render(diagnostics, DiagnosticFormat.Plain);
        _ = CheckedScriptDump.Print(script);
    }
}
