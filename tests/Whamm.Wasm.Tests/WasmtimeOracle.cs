using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Whamm.Wasm.Opcodes;

namespace Whamm.Wasm.Tests;

/// <summary>
/// Wasmtime's own validator as a reference: an engine with every proposal the .NET binding can switch
/// on (Wasmtime 50.0.1), shared by all tests. Custom page sizes and legacy exceptions cannot be switched
/// on through the binding, so compare our validator under <see cref="Features"/>.
/// </summary>
public static partial class WasmtimeOracle
{
    private static readonly ConcurrentDictionary<Feature, Wasmtime.Engine?> Engines = new();

    /// <summary>What the default engine accepts, in our feature terms (Wasmtime minus custom page sizes).</summary>
    public const Feature Features = Feature.Wasmtime & ~Feature.CustomPageSizes;

    /// <summary>The shared engine with every proposal on.</summary>
    public static Wasmtime.Engine Engine => EngineFor(Features)!;

    /// <summary>Null when Wasmtime accepts <paramref name="bytes"/>, else its error message.</summary>
    public static string? Validate(byte[] bytes) => Wasmtime.Module.Validate(Engine, bytes);

    /// <summary>
    /// Wasmtime's verdict with only <paramref name="features"/> switched on, or <c>(false, null)</c> when
    /// the binding cannot express that set (e.g. legacy exceptions, custom page sizes, or switching off
    /// a proposal Wasmtime always enables).
    /// </summary>
    public static (bool Available, string? Error) Validate(byte[] bytes, Feature features)
    {
        var engine = EngineFor(features);
        return engine is null ? (false, null) : (true, Wasmtime.Module.Validate(engine, bytes));
    }

    /// <summary>The file offset Wasmtime names in an error message ("… (at offset 0x1a)"), or -1.</summary>
    public static long OffsetOf(string message)
    {
        var m = OffsetPattern().Match(message);
        return m.Success ? long.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture) : -1;
    }

    [GeneratedRegex(@"at offset 0x([0-9a-fA-F]+)")]
    private static partial Regex OffsetPattern();

    private static Wasmtime.Engine? EngineFor(Feature features) => Engines.GetOrAdd(features, Create);

    private static Wasmtime.Engine? Create(Feature f)
    {
        // Proposals Wasmtime 50 always enables (or cannot enable through the .NET binding).
        const Feature alwaysOn = Feature.SignExtension | Feature.SaturatingFloatToInt | Feature.MutableGlobal | Feature.ExtendedConst;
        if ((f & alwaysOn) != alwaysOn || (f & (Feature.LegacyExceptions | Feature.CustomPageSizes)) != 0) return null;
        bool On(Feature x) => (f & x) == x;
        try
        {
            var config = new Wasmtime.Config()
                .WithWasmThreads(On(Feature.Threads))
                .WithReferenceTypes(On(Feature.ReferenceTypes))
                .WithSIMD(On(Feature.Simd))
                .WithRelaxedSIMD(On(Feature.RelaxedSimd), false)
                .WithBulkMemory(On(Feature.BulkMemory))
                .WithMultiValue(On(Feature.MultiValue))
                .WithMultiMemory(On(Feature.MultiMemory))
                .WithMemory64(On(Feature.Memory64))
                .WithGc(On(Feature.Gc))
                .WithFunctionReferences(On(Feature.FunctionReferences))
                .WithTailCalls(On(Feature.TailCall))
                .WithExceptions(On(Feature.Exceptions))
                .WithWideArithmetic(On(Feature.WideArithmetic));
            return new Wasmtime.Engine(config);
        }
        catch (Exception)
        {
            return null; // a combination Wasmtime refuses to configure
        }
    }
}
