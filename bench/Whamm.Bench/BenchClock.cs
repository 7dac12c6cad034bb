namespace Whamm.Bench;

/// <summary>What <see cref="ProgramTimer"/> measures.</summary>
public enum BenchClock
{
    /// <summary>Wall time.</summary>
    Wall,
    /// <summary>The CPU time of the thread that runs the program (<see cref="ThreadClock"/>).</summary>
    Cpu,
    /// <summary>
    /// The Wasm operators run, as Wasmtime's fuel counts them: the same on every run and on any machine, so a change in
    /// what instrumentation executes shows when the clocks of a shared machine vary more than it (not what each costs:
    /// a memory update and a local one may count alike).
    /// </summary>
    Fuel,
}
