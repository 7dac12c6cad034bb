using System.CommandLine;
using Whamm.Language.Diagnostics;
using Whamm.Language.Semantics;
using Whamm.Language.Text;

namespace Whamm.Cli.Commands;

/// <summary>
/// <c>whamm check SCRIPT [--user-libs NAME=lib.wasm,…] [--format text|json]</c>: parses and type-checks a
/// monitor script. Diagnostics go to stderr (rustc-style; coloured only on a terminal) or, with
/// <c>--format json</c>, to stdout as a JSON array. Exit 0 when there is no error (warnings allowed),
/// 1 on errors or unreadable input.
/// </summary>
public static class CheckCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var script = new Argument<string>("script") { Description = "The Whamm script (.mm) to check" };
        var userLibs = new Option<string[]>("--user-libs", "-u")
        {
            Description = "Libraries the script may `use`: NAME=PATH or NAME(IMPORT_MODULE)=PATH, comma-separated or repeated (.wasm or .wat)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string>("--format")
        {
            Description = "How to report diagnostics: text (stderr) or json (stdout)",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("check", "Parse and type-check a Whamm script; exit 0 when it has no errors (warnings are printed), 1 otherwise")
        {
            script, userLibs, format,
        };
        command.SetAction(parse => Run(parse.GetValue(script)!, parse.GetValue(userLibs) ?? [], parse.GetValue(format) == "json"));
        return command;
    }

    private static int Run(string path, string[] userLibs, bool json)
    {
        if (UserLibraries.Parse(userLibs, out var error) is not { } specs
            || UserLibraries.Load(specs, out error) is not { } libraries)
        {
            Console.Error.WriteLine(error);
            return ExitCodes.UserError;
        }

        SourceText source;
        try
        {
            source = SourceText.ReadFile(path, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            Console.Error.WriteLine($"{path}: error: cannot read file: {e.Message}");
            return ExitCodes.UserError;
        }

        var (_, diagnostics) = Checker.Check(source, new CheckOptions { UserLibs = libraries });
        var errors = diagnostics.Count(d => d.IsError);
        var warnings = diagnostics.Count - errors;
        if (json)
        {
            Console.Out.Write(DiagnosticRenderer.Render(diagnostics, DiagnosticFormat.Json));
        }
        else
        {
            var colour = !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;
            Console.Error.Write(DiagnosticRenderer.Render(diagnostics, colour ? DiagnosticFormat.Colour : DiagnosticFormat.Plain));
            var summary = Summary(errors, warnings);
            if (errors > 0) Console.Error.WriteLine($"{path}: {summary}");
            else Console.Out.WriteLine(warnings > 0 ? $"{path}: ok ({summary})" : $"{path}: ok");
        }
        return errors > 0 ? ExitCodes.UserError : ExitCodes.Ok;
    }

    private static string Summary(int errors, int warnings)
    {
        var parts = new List<string>();
        if (errors > 0) parts.Add(errors == 1 ? "1 error" : $"{errors} errors");
        if (warnings > 0) parts.Add(warnings == 1 ? "1 warning" : $"{warnings} warnings");
        return string.Join(", ", parts);
    }
}
