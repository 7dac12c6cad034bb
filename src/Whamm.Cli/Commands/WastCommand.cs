using System.CommandLine;
using Whamm.Runtime.Text;
using Whamm.Runtime.Wast;

namespace Whamm.Cli.Commands;

/// <summary>
/// <c>whamm wast FILE.wast…</c>: runs each script's plain commands and, for each <c>;; WHAMM --&gt; script</c> case
/// (docs/WAST.md), instruments the <c>;; @instrument</c> module with the script in memory and runs the case's commands
/// against it. Prints one line per failure (<c>FILE:LINE:COL: command: message</c>) and <c>N passed, N failed</c>.
/// Exit 0 when everything passed, 1 otherwise (also for an unreadable or malformed script).
/// </summary>
public static class WastCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("files")
        {
            Description = "The .wast scripts; `;; WHAMM --> <script>` cases instrument the module marked `;; @instrument`",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("wast", "Run .wast scripts, with Whamm test cases (;; WHAMM --> script) on the instrumented module; exit 0 when all pass, 1 otherwise")
        {
            files,
        };
        command.SetAction(parse => Run(parse.GetValue(files)!));
        return command;
    }

    private static int Run(FileInfo[] files)
    {
        int passed = 0, failed = 0;
        foreach (var file in files)
        {
            var path = file.ToString();
            WastRunResult result;
            try
            {
                var text = File.ReadAllText(path);
                result = new WastRunner().Run(WastScript.Parse(text, path), WastInstrumentation.For(path));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"{path}: error: cannot read file: {e.Message}");
                failed++;
                continue;
            }
            catch (TextParseException e)
            {
                Console.Error.WriteLine(e.Diagnostic.Render());
                failed++;
                continue;
            }
            foreach (var failure in result.Failures) Console.WriteLine(failure);
            passed += result.Passed;
            failed += result.Failures.Count;
        }
        Console.WriteLine($"{passed} passed, {failed} failed");
        return failed == 0 ? ExitCodes.Ok : ExitCodes.UserError;
    }
}
