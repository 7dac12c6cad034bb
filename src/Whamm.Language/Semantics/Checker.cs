using Whamm.Language.Diagnostics;
using Whamm.Language.Parsing;
using Whamm.Language.Syntax;
using Whamm.Language.Text;

namespace Whamm.Language.Semantics;

/// <summary>
/// The type checker: the one entry point from source text to a <see cref="CheckedScript"/> (used by
/// <c>whamm check</c> and by the rewriter). It parses, expands every probe rule against the event
/// catalogue, resolves names through the scopes (built-ins, script, event, body), types every
/// expression (literals from context, reference §1.7 with the DECISIONS changes) and reports
/// everything wrong as diagnostics. It never throws on bad input. Parse errors stop before checking,
/// as in Whamm 1.0.
/// </summary>
/// <example><code>
/// var (script, diagnostics) = Checker.Check(SourceText.From(File.ReadAllText("count.mm"), "count.mm"));
/// if (!script.HasErrors)
///     foreach (var match in script.Probes[0].Matches)
///         Console.WriteLine($"{match.RuleName}: {string.Join(", ", match.StaticVariables)}");
/// </code></example>
public static class Checker
{
    /// <summary>The stack the checker runs on: enough for the deepest expression the parser builds.</summary>
    private const int StackSize = 64 * 1024 * 1024;

    /// <summary>Parses and checks a script.</summary>
    public static (CheckedScript Script, IReadOnlyList<Diagnostic> Diagnostics) Check(SourceText source, CheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var (syntax, parseDiagnostics) = Parser.Parse(source);
        return Check(syntax, parseDiagnostics, options);
    }

    /// <summary>Checks a script already parsed (<paramref name="parseDiagnostics"/> are kept in the result; errors among them stop checking).</summary>
    public static (CheckedScript Script, IReadOnlyList<Diagnostic> Diagnostics) Check(ScriptSyntax syntax, IReadOnlyList<Diagnostic> parseDiagnostics, CheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        ArgumentNullException.ThrowIfNull(parseDiagnostics);
        options ??= CheckOptions.Default;
        CheckedScript? result = null;
        Exception? failure = null;
        // Recursive descent over expressions: run on a thread with a generous stack so that any tree the
        // parser accepts (up to Parser.MaxExpressionDepth) is checked; a guard reports anything deeper.
        var thread = new Thread(() =>
        {
            try
            {
                result = new ScriptChecker(syntax, options).Run(parseDiagnostics);
            }
            catch (Exception e)
            {
                failure = e;
            }
        }, StackSize);
        thread.Start();
        thread.Join();
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        return (result!, result!.Diagnostics);
    }
}
