using System.CommandLine;
using Whamm.Instrumentation;
using Whamm.Language.Diagnostics;
using Whamm.Language.Semantics;
using Whamm.Language.Text;
using Whamm.Runtime;
using Whamm.Wasm.Writing;

namespace Whamm.Cli.Commands;

/// <summary>
/// <c>whamm instr --script s.mm --app app.wasm|app.wat -o out.wasm [--stats] [--no-getters] [--no-report]</c>:
/// compiles the script's probes into the application (bytecode rewriting). The output is validated by our
/// validator and by Wasmtime before it is written; the input is never overwritten. Exit 0 written, 1 user error (bad script or app, unsupported construct),
/// 2 internal error (the instrumented module failed validation; nothing written).
/// </summary>
public static class InstrCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var script = new Option<string>("--script", "-s") { Description = "The Whamm script (.mm)", Required = true };
        var app = new Option<string>("--app", "-a") { Description = "The application module (.wasm or .wat)", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "Where to write the instrumented module", Required = true };
        var stats = new Option<bool>("--stats") { Description = "Print per probe: sites matched, folded away, skipped, injected; and the time of each phase" };
        var noGetters = new Option<bool>("--no-getters") { Description = "Do not export get_NAME for the script globals" };
        var noReport = new Option<bool>("--no-report") { Description = "Do not print the report when the program exits" };
        var command = new Command("instr", "Compile a Whamm script's probes into an application module (bytecode rewriting)")
        {
            script, app, output, stats, noGetters, noReport,
        };
        command.SetAction(parse => Run(parse.GetValue(script)!, parse.GetValue(app)!, parse.GetValue(output)!,
            parse.GetValue(stats), new InstrumentOptions { Getters = !parse.GetValue(noGetters), Report = !parse.GetValue(noReport) }));
        return command;
    }

    private static int Run(string scriptPath, string appPath, string output, bool stats, InstrumentOptions options)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var phases = new List<(string, TimeSpan)>();
        void Phase(string name)
        {
            phases.Add((name, clock.Elapsed));
            clock.Restart();
        }
        if (Path.GetFullPath(output) == Path.GetFullPath(appPath))
        {
            Console.Error.WriteLine($"{appPath}: error: the output would overwrite the input; name another with -o");
            return ExitCodes.UserError;
        }
        SourceText source;
        try
        {
            source = SourceText.ReadFile(scriptPath, scriptPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            Console.Error.WriteLine($"{scriptPath}: error: cannot read file: {e.Message}");
            return ExitCodes.UserError;
        }
        var (checkedScript, diagnostics) = Checker.Check(source);
        var colour = !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;
        if (diagnostics.Count > 0) Console.Error.Write(DiagnosticRenderer.Render(diagnostics, colour ? DiagnosticFormat.Colour : DiagnosticFormat.Plain));
        if (checkedScript.HasErrors) return ExitCodes.UserError;
        Phase("check script");
        if (ModuleInput.Load(appPath, out var error) is not { } loaded)
        {
            Console.Error.WriteLine(error);
            return ExitCodes.UserError;
        }
        Phase("read app");
        InstrumentResult result;
        try
        {
            result = Instrumenter.Instrument(loaded.Module, checkedScript, options);
        }
        catch (InstrumentationException e) when (!e.IsInternal)
        {
            var where = e.Span is { } span ? Where(source, span) : scriptPath;
            Console.Error.WriteLine($"{where}: error: {e.Message}");
            return ExitCodes.UserError;
        }
        catch (InstrumentationException e)
        {
            Console.Error.WriteLine($"{appPath}: {e.Message}");
            return ExitCodes.InternalError;
        }
        Phase("instrument");
        phases[^1] = ("instrument", phases[^1].Item2 - result.ValidationTime);
        phases.Add(("validate", result.ValidationTime));
        foreach (var w in result.Warnings) Console.Error.WriteLine($"{appPath}: warning: {w}");
        var bytes = ModuleWriter.Write(result.Module);
        Phase("encode");
        if (EngineCheck.Reject(bytes, loaded.Binary) is { } rejected)
        {
            Console.Error.WriteLine($"{appPath}: internal error: Wasmtime rejects the instrumented module: {rejected}; nothing written");
            return ExitCodes.InternalError;
        }
        Phase("Wasmtime validation");
        var writeError = ModuleInput.WriteAtomically(output, stream => stream.Write(bytes));
        if (writeError is not null)
        {
            Console.Error.WriteLine(writeError);
            return ExitCodes.UserError;
        }
        Phase("write");
        if (stats)
        {
            foreach (var s in result.Stats) Console.Out.WriteLine(s);
            foreach (var (name, time) in phases) Console.Out.WriteLine($"time {name}: {time.TotalMilliseconds:F0} ms");
        }
        return ExitCodes.Ok;
    }

    private static string Where(SourceText source, TextSpan span)
    {
        var line = source.GetLineIndex(span.Start);
        var column = span.Start - source.GetLineStart(line);
        return $"{source.Path}:{line + 1}:{column + 1}";
    }
}
