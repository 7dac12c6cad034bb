using Whamm.Instrumentation;
using Whamm.Language.Semantics;
using Whamm.Language.Text;
using Whamm.Runtime.Wast;
using Whamm.Wasm.Reading;

namespace Whamm.Cli;

/// <summary>
/// The <see cref="WhammInstrumenter"/> of <c>whamm wast</c>: checks a case's script and compiles it into the module with
/// the rewriter, in memory, with the options <c>whamm instr</c> uses by default (getters exported), except that counters
/// are not held in locals: assertions read the getters after traps, and a trap would lose what locals held (merged
/// counters are added before their group's first counted instruction, so they are still there). A script error or a
/// construct the rewriter refuses fails the case with a one-line message whose <c>LINE:COL</c> is in the <c>.wast</c> file.
/// </summary>
internal static class WastInstrumentation
{
    /// <summary>The instrumenter for cases of the script at <paramref name="path"/>.</summary>
    public static WhammInstrumenter For(string path) => (module, testCase) =>
    {
        var source = SourceText.From(testCase.PositionedScript(), path);
        var (script, diagnostics) = Checker.Check(source);
        if (script.HasErrors)
        {
            var first = diagnostics.First(d => d.IsError);
            throw new WhammCaseException($"the script does not compile: {At(first.Position)}{first.Message}");
        }
        try
        {
            return Instrumenter.Instrument(ModuleReader.Read(module), script, new InstrumentOptions { CountersInLocals = false }).ToBytes();
        }
        catch (InstrumentationException e)
        {
            var where = e.Span is { } span ? At(source.GetLinePosition(span.Start)) : "";
            throw new WhammCaseException(e.IsInternal ? $"internal error: {e.Message}" : $"cannot instrument: {where}{e.Message}");
        }
    };

    private static string At(LinePosition? position) => position is { } p ? $"{p}: " : "";
}
