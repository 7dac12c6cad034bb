using System.CommandLine;
using Whamm.Instrumentation;
using Whamm.Language.Semantics;
using Whamm.Language.Text;
using Whamm.Wasm.Writing;

namespace Whamm.Cli.Commands;

/// <summary>
/// <c>whamm instr --script s.mm --app app.wasm|app.wat -o out.wasm [--stats] [--metrics] [--no-getters] [--no-report]
/// [--no-body] [--no-pred] [--no-opt] [--user-libs NAME[(MODULE)]=lib.wasm,…] [--link-strategy default|merged|imported]</c>:
/// compiles the script's probes into the application (bytecode rewriting). Imported user libraries must be preloaded by
/// the host under their module names (<c>whamm run --user-libs</c> does); <c>@static</c> calls run on Wasmtime while
/// instrumenting. The output is encoded into a temporary file beside the destination and, the application and the model
/// let go, read back and validated by Wasmtime (and by our validator when Wasmtime rejects it) before it is moved into
/// place; the input is never overwritten. A progress bar shows on stderr for applications over a few megabytes when
/// stderr is a terminal.
/// Exit 0 written, 1 user error (bad script or app, unsupported construct), 2 internal error (the instrumented module
/// failed validation; nothing written).
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
        var metrics = new Option<bool>("--metrics", "-m") { Description = "Print the time of each phase as `NAME\t: DURATION` lines" };
        var noGetters = new Option<bool>("--no-getters") { Description = "Do not export get_NAME for the script globals" };
        var noReport = new Option<bool>("--no-report") { Description = "Do not print the report when the program exits" };
        var noBody = new Option<bool>("--no-body") { Description = "Evaluation knob: omit probe bodies (operands are still saved, predicates still tested)" };
        var noPred = new Option<bool>("--no-pred") { Description = "Evaluation knob: omit run-time predicate tests (bodies run wherever the probe matched)" };
        var noOpt = new Option<bool>("--no-opt") { Description = "Emit every probe at every site as written (no counter merging or sharing); the report is the same" };
        var userLibs = new Option<string[]>("--user-libs", "-u")
        {
            Description = "Libraries the script may `use`: NAME=PATH or NAME(IMPORT_MODULE)=PATH, comma-separated or repeated (.wasm or .wat)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var linkStrategy = new Option<string>("--link-strategy", "-l")
        {
            Description = "default: the core library linked in, user libraries imported; merged: user libraries linked in too; imported: the core library imported from whamm_core too",
            DefaultValueFactory = _ => "default",
        };
        linkStrategy.AcceptOnlyFromAmong("default", "merged", "imported");
        var command = new Command("instr", "Compile a Whamm script's probes into an application module (bytecode rewriting)")
        {
            script, app, output, stats, metrics, noGetters, noReport, noBody, noPred, noOpt, userLibs, linkStrategy,
        };
        command.SetAction(parse => Run(parse.GetValue(script)!, parse.GetValue(app)!, parse.GetValue(output)!,
            parse.GetValue(stats), parse.GetValue(metrics), parse.GetValue(userLibs) ?? [], new InstrumentOptions
            {
                Getters = !parse.GetValue(noGetters),
                Report = !parse.GetValue(noReport),
                Bodies = !parse.GetValue(noBody),
                Predicates = !parse.GetValue(noPred),
                Optimize = !parse.GetValue(noOpt),
                LinkStrategy = Enum.Parse<LinkStrategy>(parse.GetValue(linkStrategy)!, ignoreCase: true),
            }));
        return command;
    }

    private static int Run(string scriptPath, string appPath, string outputPath, bool stats, bool metrics, string[] userLibs, InstrumentOptions options)
    {
        using var clock = new PhaseClock(PhaseClock.WantsProgress(appPath));
        clock.Start("check script");
        if (Path.GetFullPath(outputPath) == Path.GetFullPath(appPath))
        {
            Console.Error.WriteLine($"{appPath}: error: the output would overwrite the input; name another with -o");
            return ExitCodes.UserError;
        }
        if (UserLibraries.Parse(userLibs, out var libError) is not { } specs || UserLibraries.Read(specs, out libError) is not { } libraries)
        {
            Console.Error.WriteLine(libError);
            return ExitCodes.UserError;
        }
        if (ScriptInput.Check(scriptPath, ScriptInput.CheckOptionsFor(libraries)) is not var (source, checkedScript)) return ExitCodes.UserError;
        using var pending = new PendingOutput(outputPath);
        if (Encode(appPath, source, checkedScript, libraries, options, clock, pending, out var exitCode) is not var (check, probeStats)) return exitCode;
        clock.Start("validate");
        // The model and the application's bytes are garbage now: their memory goes back to the system before the output is
        // read back for Wasmtime to check (esbuild's sparse rewrite held the input, the model and the output at once: 59 MB).
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        if (pending.Read(out var bytes) is { } readError)
        {
            Console.Error.WriteLine(readError);
            return ExitCodes.UserError;
        }
        if (!ScriptInput.OutputValid(bytes, check, appPath, () => ModuleInput.Load(appPath, out _), "nothing written", out var invalid)) return invalid;
        clock.Start("write");
        if (pending.Commit() is { } writeError)
        {
            Console.Error.WriteLine(writeError);
            return ExitCodes.UserError;
        }
        clock.Stop();
        if (stats)
        {
            foreach (var s in probeStats) Console.Out.WriteLine(s);
            foreach (var (name, time) in clock.Phases) Console.Out.WriteLine($"time {name}: {time.TotalMilliseconds:F0} ms");
        }
        if (metrics)
        {
            foreach (var line in clock.MetricsLines()) Console.Out.WriteLine(line);
        }
        return ExitCodes.Ok;
    }

    /// <summary>
    /// The application read, instrumented and encoded into <paramref name="pending"/>'s temporary file, or null with
    /// <paramref name="exitCode"/> (the error printed). Nothing returned refers to the model or the application's bytes.
    /// </summary>
    private static (OutputCheck Check, IReadOnlyList<ProbeStats> Stats)? Encode(string appPath, SourceText source, CheckedScript script,
        IReadOnlyList<LoadedLibrary> libraries, InstrumentOptions options, PhaseClock clock, PendingOutput pending, out int exitCode)
    {
        clock.Start("read app");
        if (ModuleInput.Load(appPath, out var error) is not { } loaded)
        {
            Console.Error.WriteLine(error);
            exitCode = ExitCodes.UserError;
            return null;
        }
        clock.Start("instrument");
        if (ScriptInput.Instrument(loaded, source, script, libraries, options with { Progress = clock }, out exitCode) is not { } result) return null;
        clock.Start("encode");
        if (pending.Write(stream => ModuleWriter.Write(result.Module, stream)) is { } writeError)
        {
            Console.Error.WriteLine(writeError);
            exitCode = ExitCodes.UserError;
            return null;
        }
        return (result.Check, result.Stats);
    }
}
