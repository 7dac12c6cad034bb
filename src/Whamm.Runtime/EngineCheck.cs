namespace Whamm.Runtime;

/// <summary>
/// Wasmtime's verdict on a module we produced (DECISIONS 16: every output is validated by the engine too
/// before it is written or run). An application using a proposal the .NET binding cannot switch on (custom
/// page sizes, legacy exceptions) is rejected before and after instrumentation alike; that is not our error,
/// so the original is checked before blaming the output.
/// </summary>
public static class EngineCheck
{
    /// <summary>Wasmtime's error for <paramref name="output"/>, or null when it accepts it or also rejects <paramref name="input"/>.</summary>
    public static string? Reject(ReadOnlySpan<byte> output, ReadOnlySpan<byte> input)
    {
        var error = Wasmtime.Module.Validate(WasmtimeEngines.Shared, output);
        return error is null || Wasmtime.Module.Validate(WasmtimeEngines.Shared, input) is not null ? null : error;
    }
}
