using System.Diagnostics;
using System.Globalization;
using Whamm.Instrumentation;
using Whamm.Language.Semantics;
using Whamm.Language.Text;
using Whamm.Runtime;
using Whamm.Wasm.Reading;

namespace Whamm.Bench;

/// <summary>
/// <c>overhead [--runs N] --monitor NAME=script.mm ... PROGRAM.wasm ...</c>: the run-time cost of instrumentation.
/// Each program is instrumented with each monitor; every variant (the original first) is compiled once, then
/// timed as instantiate + <c>_start</c> (compilation excluded, stdout discarded), min of N runs. Prints one row per
/// program with each monitor's slowdown, then the geometric mean of the slowdowns. A variant whose exit status
/// differs from the original's is an error: a monitor must not change what the program does.
/// </summary>
public static class OverheadCommand
{
    /// <summary>Runs the command; returns the process exit code.</summary>
    public static int Run(IReadOnlyList<string> args)
    {
        var runs = 5;
        var monitors = new List<(string Name, CheckedScript Script)>();
        var programs = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--runs" when i + 1 < args.Count && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0:
                    runs = n;
                    i++;
                    break;
                case "--monitor" when i + 1 < args.Count && args[i + 1].Split('=', 2) is [var name, var path]:
                    monitors.Add((name, Check(path)));
                    i++;
                    break;
                default:
                    programs.Add(args[i]);
                    break;
            }
        }
        if (monitors.Count == 0 || programs.Count == 0)
        {
            Console.Error.WriteLine("usage: Whamm.Bench overhead [--runs N] --monitor NAME=script.mm ... PROGRAM.wasm ...");
            return 1;
        }

        Console.WriteLine($"{"program",-12} {"base ms",9}" + string.Concat(monitors.Select(m => $" {m.Name + " ms",14} {"x",6}")));
        var slowdowns = monitors.Select(_ => new List<double>()).ToArray();
        foreach (var path in programs)
        {
            var original = File.ReadAllBytes(path);
            var (baseMs, baseExit) = Time(original, runs);
            var row = $"{Path.GetFileNameWithoutExtension(path),-12} {baseMs,9:F2}";
            for (var m = 0; m < monitors.Count; m++)
            {
                var instrumented = Instrumenter.Instrument(ModuleReader.Read(original), monitors[m].Script).ToBytes();
                var (ms, exit) = Time(instrumented, runs);
                if (exit != baseExit) throw new InvalidOperationException($"{path} with {monitors[m].Name}: exit {exit}, the original exits {baseExit}");
                slowdowns[m].Add(ms / baseMs);
                row += $" {ms,14:F2} {ms / baseMs,5:F2}x";
            }
            Console.WriteLine(row);
        }
        Console.WriteLine($"{"geomean",-12} {"",9}" + string.Concat(slowdowns.Select(s => $" {"",14} {Math.Exp(s.Average(Math.Log)),5:F2}x")));
        Console.WriteLine($"(min of {runs} run(s) of instantiate + _start, compilation excluded; {Environment.ProcessorCount} cores)");
        return 0;
    }

    private static CheckedScript Check(string path)
    {
        var (script, diagnostics) = Checker.Check(SourceText.ReadFile(path, path));
        if (script.HasErrors) throw new InvalidOperationException($"{path}: {string.Join("\n", diagnostics)}");
        return script;
    }

    /// <summary>
    /// Compiles once, runs once untimed (the first run pays for page faults and lazy initialisation), then the best
    /// of <paramref name="runs"/> instantiate + <c>_start</c> times and the exit status.
    /// </summary>
    private static (double Ms, int Exit) Time(byte[] binary, int runs)
    {
        var engine = WasmtimeEngines.Shared;
        using var module = Wasmtime.Module.FromBytes(engine, "app", binary);
        var best = double.MaxValue;
        var exit = 0;
        for (var r = -1; r < runs; r++)
        {
            using var store = new Wasmtime.Store(engine);
            using var linker = new Wasmtime.Linker(engine);
            linker.DefineWasi();
            store.SetWasiConfiguration(new Wasmtime.WasiConfiguration().WithArgs("app"));
            var clock = Stopwatch.StartNew();
            try
            {
                linker.Instantiate(store, module).GetAction("_start")!();
                exit = 0;
            }
            catch (Wasmtime.WasmtimeException e) when (e.ExitCode is { } code)
            {
                exit = code;
            }
            if (r >= 0) best = Math.Min(best, clock.Elapsed.TotalMilliseconds);
        }
        return (best, exit);
    }
}
