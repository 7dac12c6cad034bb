using System.CommandLine;
using Whamm.Instrumentation;
using Whamm.Language.Diagnostics;
using Whamm.Language.Semantics;
using Whamm.Language.Text;
using Whamm.Runtime;
using Whamm.Wasm.Writing;

namespace Whamm.Cli.Commands;

/// <summary>
/// <c>whamm instr --script s.mm --app app.wasm|app.wat -o out.wasm [--stats] [--metrics] [--no-getters] [--no-report] [--no-body] [--no-pred]</c>:
/// compiles the script's probes into the application (bytecode rewriting). The output is validated by our
/// validator and by Wasmtime before it is written; the input is never overwritten. A progress bar shows on stderr for
/// applications over a few megabytes when stderr is a terminal. Exit 0 written, 1 user error (bad script or app, unsupported construct),
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
        var noBody = new Option<bool>("--no-body") { Description = "Evaluation knob: omit probe bodies (operands are still saved, predicates still tested)" };
        var noPred = new Option<bool>("--no-pred") { Description = "Evaluation knob: omit run-time predicate tests (bodies run wherever the probe matched)" };
        var metrics = new Option<bool>("--metrics", "-m") { Description = "Print the time of each phase as `NAME\t: DURATION` lines" };
        var command = new Command("instr", "Compile a Whamm script's probes into an application module (bytecode rewriting)")
        {
            script, app, output, stats, metrics, noGetters, noReport, noBody, noPred,
        };
        command.SetAction(parse => Run(parse.GetValue(script)!, parse.GetValue(app)!, parse.GetValue(output)!,
            parse.GetValue(stats), parse.GetValue(metrics), new InstrumentOptions
            {
                Getters = !parse.GetValue(noGetters),
                Report = !parse.GetValue(noReport),
                Bodies = !parse.GetValue(noBody),
                Predicates = !parse.GetValue(noPred),
            }));
        return command;
    }

    private static int Run(string scriptPath, string appPath, string output, bool stats, bool metrics, InstrumentOptions options)
    {
        using var clock = new PhaseClock(PhaseClock.WantsProgress(appPath));
        clock.Start("check script");
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
        clock.Start("read app");
        if (ModuleInput.Load(appPath, out var error) is not { } loaded)
        {
            Console.Error.WriteLine(error);
            return ExitCodes.UserError;
        }
        clock.Start("instrument");
        InstrumentResult result;
        try
        {
            result = Instrumenter.Instrument(loaded.Module, checkedScript, options with { Progress = clock });
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
        clock.Start("encode");
        clock.Split("validate", result.ValidationTime);
        foreach (var w in result.Warnings) Console.Error.WriteLine($"{appPath}: warning: {w}");
        var bytes = ModuleWriter.Write(result.Module);
        clock.Start("Wasmtime validation");
        if (EngineCheck.Reject(bytes, loaded.Binary) is { } rejected)
        {
            Console.Error.WriteLine($"{appPath}: internal error: Wasmtime rejects the instrumented module: {rejected}; nothing written");
            return ExitCodes.InternalError;
        }
        clock.Start("write");
        var writeError = ModuleInput.WriteAtomically(output, stream => stream.Write(bytes));
        if (writeError is not null)
        {
            Console.Error.WriteLine(writeError);
            return ExitCodes.UserError;
        }
        clock.Stop();
        if (stats)
        {
            foreach (var s in result.Stats) Console.Out.WriteLine(s);
            foreach (var (name, time) in clock.Phases) Console.Out.WriteLine($"time {name}: {time.TotalMilliseconds:F0} ms");
        }
        if (metrics)
        {
            foreach (var line in clock.MetricsLines()) Console.Out.WriteLine(line);
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
