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

/// <summary>Whose code a <see cref="TrapReport"/> points into.</summary>
public enum TrapOrigin
{
    /// <summary>The application as given: function index and pc are its own.</summary>
    Application,
    /// <summary>A function of the application, instrumented: the index is the application's, the pc the instrumented body's.</summary>
    InstrumentedApplication,
    /// <summary>A function the instrumentation added (a probe helper, the core library, the exit function).</summary>
    Instrumentation,
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
    /// <summary>Whose code the location is in (see <see cref="InApplication"/>).</summary>
    public TrapOrigin Origin { get; init; }

    /// <summary><c>NAME (fid N, pc P)</c> (with the origin when it is not the plain application), or null without a frame.</summary>
    public string? Location => FunctionIndex is not { } fid ? null : Origin switch
    {
        TrapOrigin.InstrumentedApplication => $"{FunctionName} (fid {fid}, pc {PcText} of the instrumented body)",
        TrapOrigin.Instrumentation => $"{FunctionName} (code added by the instrumentation, pc {PcText})",
        _ => $"{FunctionName} (fid {fid}, pc {PcText})",
    };

    private string PcText => Pc?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?";

    /// <summary><c>trap in NAME (fid N, pc P): reason</c>, or <c>trap: reason</c> without a frame.</summary>
    public override string ToString() => Location is { } location ? $"trap in {location}: {Reason}" : $"trap: {Reason}";

    /// <summary>
    /// This trap, located in <paramref name="instrumented"/>, in the terms of the application it was made from by
    /// adding function imports after the application's <paramref name="importedFunctions"/> and functions after its
    /// <paramref name="definedFunctions"/> (as the rewriter does): an application function gets its own index back; its
    /// pc stays the instrumented body's, since injected code moves the original's instructions; a function the
    /// instrumentation added keeps its name.
    /// </summary>
    public TrapReport InApplication(int importedFunctions, int definedFunctions, Whamm.Wasm.Model.Module instrumented)
    {
        ArgumentNullException.ThrowIfNull(instrumented);
        if (FunctionIndex is not { } fid) return this;
        var added = (uint)(instrumented.ImportedFunctionCount - importedFunctions);
        var own = fid >= (uint)importedFunctions + added && fid - added < (uint)(importedFunctions + definedFunctions);
        var unnamed = FunctionName == $"#{fid}"; // the report's convention for a function without a name
        return own
            ? this with { FunctionIndex = fid - added, FunctionName = unnamed ? $"#{fid - added}" : FunctionName, Origin = TrapOrigin.InstrumentedApplication }
            : this with { Origin = TrapOrigin.Instrumentation };
    }
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
