namespace Whamm.Runtime.Hosting;

/// <summary>Which limit of <see cref="RunOptions"/> stopped the program.</summary>
public enum RunLimit
{
    /// <summary><see cref="RunOptions.Fuel"/> ran out.</summary>
    Fuel,
    /// <summary>A memory could not grow past <see cref="RunOptions.MaxMemoryBytes"/>.</summary>
    Memory,
    /// <summary><see cref="RunOptions.Timeout"/> elapsed.</summary>
    Timeout,
}

/// <summary>
/// Where and why the program trapped: the innermost WebAssembly frame, mapped back to the module.
/// <see cref="Pc"/> follows the Wizard convention: the byte offset of the trapping instruction from
/// the start of the function body, local declarations included.
/// </summary>
/// <param name="FunctionIndex">The function's index in the function index space (imports first), or null when no wasm frame was found.</param>
/// <param name="FunctionName">Its name from the name section, else <c>#fid</c>.</param>
/// <param name="Pc">The instruction's offset in the body, or null when unknown.</param>
/// <param name="Reason">Wasmtime's reason, e.g. <c>wasm trap: wasm `unreachable` instruction executed</c>.</param>
/// <param name="Code">Wasmtime's trap code, when it gave one.</param>
public sealed record TrapReport(uint? FunctionIndex, string? FunctionName, long? Pc, string Reason, Wasmtime.TrapCode? Code)
{
    /// <summary><c>trap in NAME (fid N, pc P): reason</c>, or <c>trap: reason</c> without a frame.</summary>
    public override string ToString() =>
        FunctionIndex is { } fid ? $"trap in {FunctionName} (fid {fid}, pc {Pc?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}): {Reason}" : $"trap: {Reason}";
}

/// <summary>How a run ended.</summary>
/// <param name="ExitCode">The program's exit code: <c>proc_exit(n)</c>'s n, <c>main</c>'s result, 0 on a normal return; 0 and meaningless on a trap or limit.</param>
/// <param name="Trap">The trap, when the program trapped (including the traps that enforce the limits).</param>
/// <param name="LimitHit">The limit that stopped the program, if one did.</param>
public sealed record RunResult(int ExitCode, TrapReport? Trap, RunLimit? LimitHit)
{
    /// <summary>True when the program finished by itself (normally or with <c>proc_exit</c>), whatever its code.</summary>
    public bool Completed => Trap is null && LimitHit is null;

    /// <summary>When <see cref="RunOptions.FlushExport"/> was called after a trap and trapped itself: that trap.</summary>
    public TrapReport? FlushTrap { get; init; }
}
