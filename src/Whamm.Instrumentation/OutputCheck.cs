using Whamm.Instrumentation.Passes;
using Whamm.Wasm.Binary;
using Whamm.Wasm.Editing;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Model;
using Whamm.Wasm.Reading;

namespace Whamm.Instrumentation;

/// <summary>
/// Our validator's check of an instrumented module's bytes (<see cref="InstrumentResult.Check"/>). It holds the sites
/// where probes were injected, to name them, and nothing of the model: a caller that keeps only the bytes and this lets
/// the model and the application go before the output is checked (esbuild's sparse rewrite peaked at 59 MB holding
/// both while Wasmtime validated its output; 4× the module is 53).
/// </summary>
public sealed class OutputCheck
{
    private readonly Dictionary<uint, ProbeInjection.InjectedSites> injected;
    private readonly Feature features;

    internal OutputCheck(Dictionary<uint, ProbeInjection.InjectedSites> injected, Feature features)
    {
        this.injected = injected;
        this.features = features;
    }

    /// <summary>
    /// Validates <paramref name="bytes"/>, every function; an invalid or malformed module throws an internal
    /// <see cref="InstrumentationException"/> naming the function, the offset and the probes injected there.
    /// </summary>
    public void Validate(ReadOnlyMemory<byte> bytes)
    {
        Module module;
        try
        {
            module = ModuleReader.Read(bytes);
        }
        catch (WasmException e)
        {
            throw new InstrumentationException($"internal error: the instrumented module is malformed: {e.Message}", isInternal: true, inner: e);
        }
        Run(new ModuleEditor(module, features).ValidateAll, injected);
    }

    /// <summary>Runs <paramref name="validate"/>, turning its error into ours, with the probes injected where it failed.</summary>
    internal static void Run(Action validate, Dictionary<uint, ProbeInjection.InjectedSites> injected)
    {
        try
        {
            validate();
        }
        catch (EditValidationException e)
        {
            var culprits = e.FunctionIndex is { } f && injected.TryGetValue(f, out var list)
                ? "; injected there: " + string.Join(", ", list)
                : "";
            throw new InstrumentationException(
                $"internal error: the instrumented module is invalid in function {e.FunctionIndex}{(e.FunctionName is null ? "" : $" ({e.FunctionName})")}"
                + $" at offset {e.BodyOffset}: {e.Error.Reason}{culprits}", isInternal: true, inner: e);
        }
    }
}
