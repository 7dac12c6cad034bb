using Whamm.Runtime;

namespace Whamm.Bench;

/// <summary>
/// Times a WASI program on Wasmtime the way the overhead benchmark does: compiled once (not timed), run once untimed
/// (page faults, lazy initialisation), then the best of N runs of instantiate + <c>_start</c>; fewer when the untimed
/// run shows that N would take longer than the time budget (none: that run is the time), so that a monitor costing
/// 100× does not hold the table up for an hour while its digits do not matter; more for a variant of a few
/// milliseconds (<see cref="ShortRuns"/>). Each run has the
/// program's argv, an empty environment, stdout and stderr discarded, and a directory preopened as <c>/</c> holding a
/// copy of <c>tests/corpus/wasi-inputs</c> (the corpus convention for the npm programs; files they write stay there).
/// </summary>
public sealed class ProgramTimer : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("whamm-overhead-").FullName;
    private readonly BenchProgram _program;

    /// <summary>
    /// A short variant runs more often than asked, up to this many times within <see cref="ShortBudgetMs"/>: the best of
    /// five runs of a 0.15 ms program mostly measured the scheduler (its slowdown varied from 17x to 24x between runs).
    /// </summary>
    public const int ShortRuns = 200;
    public const double ShortBudgetMs = 300;

    private readonly TimeSpan _budget;
    private readonly BenchClock _clock;

    /// <summary>Wasmtime's fuel counts the operators a program runs (about one unit each; <c>nop</c>, <c>drop</c> and block markers are free).</summary>
    private static readonly Lazy<Wasmtime.Engine> FuelEngine = new(() => new Wasmtime.Engine(WasmtimeEngines.AllProposals().WithFuelConsumption(true)));
    private const ulong FuelTank = ulong.MaxValue / 2;

    private Wasmtime.Engine Engine => _clock == BenchClock.Fuel ? FuelEngine.Value : WasmtimeEngines.Shared;

    /// <summary>
    /// Prepares the directory for <paramref name="program"/>, copying every file of <paramref name="inputsDir"/>;
    /// <paramref name="budget"/> bounds the timed runs of one variant; <paramref name="clock"/> says what is measured.
    /// </summary>
    public ProgramTimer(BenchProgram program, string inputsDir, TimeSpan budget, BenchClock clock)
    {
        _program = program;
        _budget = budget;
        _clock = clock;
        foreach (var input in Directory.GetFiles(inputsDir)) File.Copy(input, Path.Combine(_dir, Path.GetFileName(input)));
    }

    /// <summary>Compiles <paramref name="binary"/> for <see cref="Time"/> (not timed).</summary>
    public Wasmtime.Module Compile(byte[] binary) => Wasmtime.Module.FromBytes(Engine, _program.Name, binary);

    /// <summary>
    /// The best of <paramref name="runs"/> timed runs of <paramref name="module"/> (<see cref="Compile"/>; fewer if over
    /// the budget) in milliseconds, and its exit status (the same on every run, else an error); with
    /// <see cref="BenchClock.Fuel"/>, the fuel of one run (it is the same on every run).
    /// </summary>
    public (double Ms, int Exit) Time(Wasmtime.Module module, int runs)
    {
        var fuel = _clock == BenchClock.Fuel;
        var (best, exit) = RunOnce(module);
        if (fuel) return (best, exit);
        var timed = Math.Max(Math.Min(runs, (int)(_budget.TotalMilliseconds / best)), Math.Min(ShortRuns, (int)(ShortBudgetMs / best)));
        if (timed > 0) best = double.MaxValue;
        for (var r = 0; r < timed; r++)
        {
            var (ms, again) = RunOnce(module);
            if (again != exit) throw new InvalidOperationException($"{_program.Name} exited {exit}, then {again}");
            best = Math.Min(best, ms);
        }
        return (best, exit);
    }

    /// <summary>One instantiate + <c>_start</c>: milliseconds (or fuel) and exit status.</summary>
    private (double Ms, int Exit) RunOnce(Wasmtime.Module module)
    {
        using var store = new Wasmtime.Store(Engine);
        using var linker = new Wasmtime.Linker(Engine);
        linker.DefineWasi();
        store.SetWasiConfiguration(new Wasmtime.WasiConfiguration()
            .WithArgs(_program.Argv)
            .WithPreopenedDirectory(_dir, "/", mutable: true));
        var cpu = _clock == BenchClock.Cpu;
        if (_clock == BenchClock.Fuel) store.Fuel = FuelTank;
        var start = ThreadClock.NowMs(cpu);
        double Spent() => _clock == BenchClock.Fuel ? FuelTank - store.Fuel : ThreadClock.NowMs(cpu) - start;
        try
        {
            linker.Instantiate(store, module).GetAction("_start")!();
            return (Spent(), 0);
        }
        catch (Wasmtime.WasmtimeException e) when (e.ExitCode is { } code)
        {
            return (Spent(), code);
        }
    }

    /// <summary>Deletes the program's directory.</summary>
    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
