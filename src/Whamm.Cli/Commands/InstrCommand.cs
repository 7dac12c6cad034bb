using System.CommandLine;
using Whamm.Instrumentation;
using Whamm.Language.Semantics;
using Whamm.Runtime;
using Whamm.Runtime.Hosting;
using Whamm.Wasm.Writing;

namespace Whamm.Cli.Commands;

/// <summary>
/// <c>whamm instr --script s.mm --app app.wasm|app.wat -o out.wasm [--stats] [--no-getters] [--no-report]
/// [--user-libs NAME[(MODULE)]=lib.wasm,…] [--link-strategy default|merged|imported]</c>: compiles the script's probes
/// into the application (bytecode rewriting). Imported user libraries must be preloaded by the host under their
/// module names (<c>whamm run --user-libs</c> does); <c>@static</c> calls run on Wasmtime while instrumenting. The output is validated by our
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
            script, app, output, stats, noGetters, noReport, userLibs, linkStrategy,
        };
        command.SetAction(parse => Run(parse.GetValue(script)!, parse.GetValue(app)!, parse.GetValue(output)!,
            parse.GetValue(stats), parse.GetValue(userLibs) ?? [], new InstrumentOptions
            {
                Getters = !parse.GetValue(noGetters),
                Report = !parse.GetValue(noReport),
                LinkStrategy = Enum.Parse<LinkStrategy>(parse.GetValue(linkStrategy)!, ignoreCase: true),
            }));
        return command;
    }

    private static int Run(string scriptPath, string appPath, string output, bool stats, string[] userLibs, InstrumentOptions options)
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
        if (UserLibraries.Parse(userLibs, out var libError) is not { } specs || UserLibraries.Read(specs, out libError) is not { } libraries)
        {
            Console.Error.WriteLine(libError);
            return ExitCodes.UserError;
        }
        var checkOptions = new CheckOptions { UserLibs = libraries.ToDictionary(l => l.Spec.Name, l => l.Signatures, StringComparer.Ordinal) };
        if (ScriptInput.Check(scriptPath, checkOptions) is not var (source, checkedScript)) return ExitCodes.UserError;
        Phase("check script");
        if (ModuleInput.Load(appPath, out var error) is not { } loaded)
        {
            Console.Error.WriteLine(error);
            return ExitCodes.UserError;
        }
        Phase("read app");
        InstrumentResult? result;
        // @static calls run on Wasmtime: one instance per library for the whole run.
        using (var host = new StaticCallHost(libraries.ToDictionary(l => l.Spec.Name, l => l.Binary, StringComparer.Ordinal)))
        {
            result = ScriptInput.Instrument(loaded, source, checkedScript, options with
            {
                Libraries = [.. libraries.Select(l => new InstrumentLibrary(l.Spec.Name, l.Binary, l.Spec.ImportModule))],
                StaticCalls = host.Call,
            }, out var failed);
            if (result is null) return failed;
        }
        Phase("instrument");
        phases[^1] = ("instrument", phases[^1].Item2 - result.ValidationTime);
        phases.Add(("validate", result.ValidationTime));
        var bytes = ModuleWriter.Write(result.Module);
        Phase("encode");
        if (!ScriptInput.EngineAccepts(bytes, loaded, "nothing written")) return ExitCodes.InternalError;
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
}
