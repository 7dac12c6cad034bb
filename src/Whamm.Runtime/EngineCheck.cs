namespace Whamm.Runtime;

/// <summary>Wasmtime's verdict on a module we produced.</summary>
public enum EngineVerdict
{
    /// <summary>Valid.</summary>
    Accepted,
    /// <summary>Invalid, while the input was accepted: our error.</summary>
    Rejected,
    /// <summary>The input is rejected too: a proposal the .NET binding cannot switch on, or an invalid input.</summary>
    CannotTell,
}

/// <summary>
/// Wasmtime's verdict on a module we produced (DECISIONS 16: every output is validated before it is written or run).
/// An application using a proposal the .NET binding cannot switch on (custom page sizes, legacy exceptions) is rejected
/// before and after instrumentation alike; that is not our error, so the original is checked before blaming the output.
/// </summary>
public static class EngineCheck
{
    /// <summary>
    /// Whether Wasmtime accepts <paramref name="output"/>, and its error when it does not. <paramref name="input"/> gives the
    /// original's bytes, asked for only then; without them (null) it cannot tell.
    /// </summary>
    public static (EngineVerdict Verdict, string? Error) Check(ReadOnlySpan<byte> output, Func<byte[]?> input)
    {
        var error = Wasmtime.Module.Validate(WasmtimeEngines.Shared, output);
        if (error is null) return (EngineVerdict.Accepted, null);
        return (input() is { } original && Wasmtime.Module.Validate(WasmtimeEngines.Shared, original) is null ? EngineVerdict.Rejected : EngineVerdict.CannotTell, error);
    }
}
