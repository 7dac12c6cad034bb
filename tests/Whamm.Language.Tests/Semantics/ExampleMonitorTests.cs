using Whamm.Language.Diagnostics;
using Whamm.Language.Semantics;
using Whamm.Language.Text;

namespace Whamm.Language.Tests.Semantics;

/// <summary>Every example monitor in <c>examples/monitors/</c> checks without errors or warnings.</summary>
public class ExampleMonitorTests
{
    private static string Directory => Path.GetFullPath(Path.Combine(CaseFiles.Root, "..", "..", "..", "examples", "monitors"));

    public static TheoryData<string> Examples() => new(System.IO.Directory.GetFiles(Directory, "*.mm").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Fact]
    public void There_are_at_least_ten_examples() => Assert.True(System.IO.Directory.GetFiles(Directory, "*.mm").Length >= 10);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_checks_clean(string name)
    {
        var (script, diagnostics) = Checker.Check(SourceText.ReadFile(Path.Combine(Directory, name), "examples/monitors/" + name));
        Assert.True(diagnostics.Count == 0, DiagnosticRenderer.Render(diagnostics, DiagnosticFormat.Plain));
        Assert.NotEmpty(script.Probes);
        Assert.All(script.Probes, p => Assert.NotEmpty(p.Matches));
    }
}
