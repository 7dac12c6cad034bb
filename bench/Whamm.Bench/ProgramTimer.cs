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
    private readonly bool _cpu;

    /// <summary>
    /// Prepares the directory for <paramref name="program"/>, copying every file of <paramref name="inputsDir"/>;
    /// <paramref name="budget"/> bounds the timed runs of one variant; <paramref name="cpu"/> times the thread's CPU
    /// time instead of wall time (<see cref="ThreadClock"/>).
    /// </summary>
    public ProgramTimer(BenchProgram program, string inputsDir, TimeSpan budget, bool cpu)
    {
        _program = program;
        _budget = budget;
        _cpu = cpu;
        foreach (var input in Directory.GetFiles(inputsDir)) File.Copy(input, Path.Combine(_dir, Path.GetFileName(input)));
    }

    /// <summary>
    /// The best of <paramref name="runs"/> timed runs of <paramref name="binary"/> (fewer if over the budget) in
    /// milliseconds, and its exit status (the same on every run, else an error).
    /// </summary>
    public (double Ms, int Exit) Time(byte[] binary, int runs)
    {
        using var module = Wasmtime.Module.FromBytes(WasmtimeEngines.Shared, _program.Name, binary);
        var (best, exit) = RunOnce(module);
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

    /// <summary>One instantiate + <c>_start</c>: milliseconds and exit status.</summary>
    private (double Ms, int Exit) RunOnce(Wasmtime.Module module)
    {
        using var store = new Wasmtime.Store(WasmtimeEngines.Shared);
        using var linker = new Wasmtime.Linker(WasmtimeEngines.Shared);
        linker.DefineWasi();
        store.SetWasiConfiguration(new Wasmtime.WasiConfiguration()
            .WithArgs(_program.Argv)
            .WithPreopenedDirectory(_dir, "/", mutable: true));
        var start = ThreadClock.NowMs(_cpu);
        try
        {
            linker.Instantiate(store, module).GetAction("_start")!();
            return (ThreadClock.NowMs(_cpu) - start, 0);
        }
        catch (Wasmtime.WasmtimeException e) when (e.ExitCode is { } code)
        {
            return (ThreadClock.NowMs(_cpu) - start, code);
        }
    }

    /// <summary>Deletes the program's directory.</summary>
    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
