using System.Globalization;
using Whamm.Instrumentation;
using Whamm.Language.Semantics;
using Whamm.Language.Text;
using Whamm.Wasm.Reading;

namespace Whamm.Bench;

/// <summary>
/// <c>overhead [--runs N] [--rounds R] [--budget SECONDS] [--clock cpu|wall|fuel] [--opt on|off|both] [--no-report] [--inputs DIR] --monitor NAME=script.mm[@TARGET] ... [--prebuilt NAME=DIR] ... [--programs TABLE] [PROGRAM.wasm ...]</c>:
/// the run-time cost of instrumentation. Each program (from <c>TABLE</c>, see <see cref="BenchProgram.ReadTable"/>,
/// and/or paths run without arguments) is instrumented with each monitor; every variant (the original first) is timed by
/// <see cref="ProgramTimer"/> (compilation excluded, min of N runs, fewer when N would take longer than the budget,
/// default 20 s; the thread's CPU time by default on Linux, see <see cref="ThreadClock"/>; or the operators run, see
/// <see cref="BenchClock.Fuel"/>). Prints one row per program (base ms or fuel, then each
/// monitor's slowdown), the geometric mean of the slowdowns per monitor, its target and whether it is met. A variant
/// whose exit status differs from the original's is an error: a monitor must not change what the program does.
/// <c>--opt off</c> instruments with <see cref="InstrumentOptions.Optimize"/> false (the CLI's <c>--no-opt</c>);
/// <c>both</c> gives each monitor a column of each. <c>--no-report</c> leaves the report out of every variant
/// (<see cref="InstrumentOptions.Report"/>): what counting costs, apart from printing. <c>--prebuilt NAME=DIR</c> is a
/// column of modules instrumented beforehand, <c>DIR/PROGRAM.wasm</c> ("-" where there is none): two builds of whamm
/// side by side (bench/ab.sh). <c>--rounds R</c> times a program's variants in turn R times (the original, each
/// variant, again), each keeping its best: a slow spell of a shared machine then falls on all of them, not on one.
/// </summary>
public static class OverheadCommand
{
    private const string Usage =
        "usage: Whamm.Bench overhead [--runs N] [--rounds R] [--budget SECONDS] [--clock cpu|wall|fuel] [--opt on|off|both] [--no-report] [--inputs DIR] --monitor NAME=script.mm[@TARGET] ... [--prebuilt NAME=DIR] ... [--programs TABLE] [PROGRAM.wasm ...]";

    /// <summary>One column of the table: a monitor compiled one way, or modules instrumented beforehand (<see cref="Prebuilt"/>).</summary>
    private sealed record Variant(string Name, CheckedScript? Script, bool Optimize, bool Report, double? Target, string? Prebuilt = null)
    {
        public string Monitor => Name.Split('/')[0];

        /// <summary>The module of this column for <paramref name="program"/>; null where it has none.</summary>
        public byte[]? Module(BenchProgram program, byte[] original)
        {
            if (Prebuilt is { } dir)
            {
                var path = Path.Combine(dir, program.Name + ".wasm");
                return File.Exists(path) ? File.ReadAllBytes(path) : null;
            }
            if (program.Skip.Contains(Monitor)) return null;
            var options = new InstrumentOptions { Optimize = Optimize, Report = Report };
            return Instrumenter.Instrument(ModuleReader.Read(original), Script!, options).ToBytes();
        }
    }

    /// <summary>Runs the command; returns the process exit code (1 with a message on stderr for a bad input).</summary>
    public static int Run(IReadOnlyList<string> args)
    {
        try
        {
            return Parse(args);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException or InstrumentationException)
        {
            Console.Error.WriteLine($"overhead: {e.Message}");
            return 1;
        }
    }

    private static int Parse(IReadOnlyList<string> args)
    {
        var runs = 5;
        var rounds = 1;
        var budget = TimeSpan.FromSeconds(20);
        var clock = ThreadClock.Available ? BenchClock.Cpu : BenchClock.Wall;
        var optimize = new[] { true };
        var report = true;
        var inputs = Path.Combine("tests", "corpus", "wasi-inputs");
        var monitors = new List<(string Name, CheckedScript Script, double? Target)>();
        var prebuilt = new List<Variant>();
        var programs = new List<BenchProgram>();
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--runs" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n > 0:
                    runs = n;
                    break;
                case "--rounds" when int.TryParse(value, CultureInfo.InvariantCulture, out var r) && r > 0:
                    rounds = r;
                    break;
                case "--opt" when value is "on" or "off" or "both":
                    optimize = value switch { "on" => [true], "off" => [false], _ => [true, false] };
                    break;
                case "--budget" when double.TryParse(value, CultureInfo.InvariantCulture, out var seconds) && seconds > 0:
                    budget = TimeSpan.FromSeconds(seconds);
                    break;
                case "--clock" when value is "cpu" or "wall" or "fuel":
                    clock = value switch { "cpu" => BenchClock.Cpu, "wall" => BenchClock.Wall, _ => BenchClock.Fuel };
                    break;
                case "--inputs" when value is not null:
                    inputs = value;
                    break;
                case "--monitor" when value?.Split('=', 2) is [var name, var spec]:
                    var at = spec.LastIndexOf('@');
                    monitors.Add(at < 0
                        ? (name, Check(spec), null)
                        : (name, Check(spec[..at]), double.Parse(spec[(at + 1)..], CultureInfo.InvariantCulture)));
                    break;
                case "--prebuilt" when value?.Split('=', 2) is [var column, var dir] && Directory.Exists(dir):
                    prebuilt.Add(new Variant(column, null, true, true, null, dir));
                    break;
                case "--programs" when value is not null:
                    programs.AddRange(BenchProgram.ReadTable(value));
                    break;
                case "--no-report":
                    report = false;
                    continue;
                case var path when !path.StartsWith("--", StringComparison.Ordinal):
                    programs.Add(BenchProgram.Of(path));
                    continue;
                default:
                    Console.Error.WriteLine(Usage);
                    return 1;
            }
            i++;
        }
        if (programs.Count == 0)
        {
            Console.Error.WriteLine(Usage);
            return 1;
        }
        var variants = monitors.SelectMany(m => optimize.Select(opt =>
            new Variant(opt || optimize.Length == 1 ? m.Name : m.Name + "/no-opt", m.Script, opt, report, m.Target))).Concat(prebuilt).ToList();
        return Measure(programs, variants, runs, rounds, budget, clock, inputs);
    }

    private static int Measure(List<BenchProgram> programs, List<Variant> variants, int runs, int rounds, TimeSpan budget, BenchClock clock, string inputs)
    {
        var width = Math.Max(8, variants.Select(v => v.Name.Length).DefaultIfEmpty(0).Max() + 1);
        string Cell(string text) => text.PadLeft(width);
        var fuel = clock == BenchClock.Fuel;
        Console.WriteLine($"{"program",-12} {(fuel ? "base Mfuel" : "base ms"),10}" + string.Concat(variants.Select(v => Cell(v.Name))));
        var slowdowns = variants.Select(_ => new List<double>()).ToArray();
        foreach (var program in programs)
        {
            var original = File.ReadAllBytes(program.Path);
            using var timer = new ProgramTimer(program, inputs, budget, clock);
            var binaries = variants.Select(v => v.Module(program, original)).ToArray();
            if (variants.Count > 0 && binaries.All(b => b is null)) continue; // no column for it (bench/ab.sh: yosys)
            // [0]: the original; then the variants, null where a column has no module for the program.
            var modules = binaries.Select(b => b is null ? null : timer.Compile(b)).Prepend(timer.Compile(original)).ToArray();
            var best = new double[modules.Length];
            Array.Fill(best, double.MaxValue);
            var baseExit = 0;
            for (var round = 0; round < rounds; round++)
            {
                for (var m = 0; m < modules.Length; m++)
                {
                    if (modules[m] is not { } module) continue;
                    var (ms, exit) = timer.Time(module, runs);
                    if (m == 0) baseExit = exit;
                    else if (exit != baseExit)
                    {
                        Console.Error.WriteLine($"overhead: {program.Name} with {variants[m - 1].Name} exits {exit}, the original exits {baseExit}");
                        return 1;
                    }
                    best[m] = Math.Min(best[m], ms);
                }
            }
            foreach (var module in modules) module?.Dispose();
            var row = $"{program.Name,-12} {(fuel ? best[0] / 1e6 : best[0]),10:F2}";
            for (var v = 0; v < variants.Count; v++)
            {
                if (modules[v + 1] is null)
                {
                    row += Cell("-");
                    continue;
                }
                slowdowns[v].Add(best[v + 1] / best[0]);
                row += Cell($"{best[v + 1] / best[0]:F2}x");
            }
            Console.WriteLine(row);
        }
        if (variants.Count > 0)
        {
            var means = slowdowns.Select(s => s.Count == 0 ? double.NaN : Math.Exp(s.Average(Math.Log))).ToArray();
            Console.WriteLine($"{"geomean",-12} {"",10}" + string.Concat(means.Select(m => Cell($"{m:F2}x"))));
            Console.WriteLine($"{"target",-12} {"",10}" + string.Concat(variants.Select(v => Cell(v.Target is { } t ? $"{t:F2}x" : "-"))));
            Console.WriteLine($"{"met",-12} {"",10}" + string.Concat(variants.Select((v, i) => Cell(v.Target is { } t ? (means[i] <= t ? "yes" : "no") : "-"))));
        }
        Console.WriteLine(fuel
            ? "(Wasm operators run by instantiate + _start, as Wasmtime's fuel counts them; ratio = instrumented / base)"
            : $"(min of {runs} run(s){(rounds > 1 ? $" in each of {rounds} rounds" : "")} of instantiate + _start, {(clock == BenchClock.Cpu ? "thread CPU time" : "wall time")}, fewer past {budget.TotalSeconds:F0} s a variant, up to {ProgramTimer.ShortRuns} within {ProgramTimer.ShortBudgetMs:F0} ms for a short one; compilation excluded; slowdown = instrumented / base; " +
            $"{Environment.ProcessorCount} cores, load average {LoadAverage()})");
        return 0;
    }

    private static CheckedScript Check(string path)
    {
        var (script, diagnostics) = Checker.Check(SourceText.ReadFile(path, path));
        if (script.HasErrors) throw new InvalidOperationException($"{path}: {string.Join("\n", diagnostics)}");
        return script;
    }

    /// <summary>The 1-minute load average (Linux), so a table says how busy the machine was; "?" elsewhere.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
