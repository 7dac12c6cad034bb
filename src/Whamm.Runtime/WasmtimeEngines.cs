using Wasmtime;

namespace Whamm.Runtime;

/// <summary>Wasmtime engines configured the way the project runs modules.</summary>
public static class WasmtimeEngines
{
    private static readonly Lazy<Engine> AllProposalsEngine = new(() => new Engine(AllProposals()));

    /// <summary>
    /// A configuration with every proposal the .NET binding can switch on: reference types, SIMD and
    /// relaxed SIMD (deterministic), bulk memory, multi-value, multi-memory, memory64, tail calls,
    /// function references, GC, threads, exceptions and wide arithmetic. (Custom page sizes has no
    /// switch in the binding and stays off; extended constant expressions are on by default.)
    /// With <c>WHAMM_PERFMAP</c> set, compiled code is listed in <c>/tmp/perf-PID.map</c> so that Linux <c>perf</c>
    /// names the module's functions; <c>WHAMM_PERFMAP=jitdump</c> writes <c>jit-PID.dump</c> with the machine code too,
    /// for <c>perf inject --jit</c> and <c>perf annotate</c> (docs/PERFORMANCE.md, <i>Profiling</i>).
    /// </summary>
    public static Config AllProposals() => new Config()
        .WithProfilingStrategy(Environment.GetEnvironmentVariable("WHAMM_PERFMAP") switch
        {
            null => ProfilingStrategy.None,
            "jitdump" => ProfilingStrategy.JitDump,
            _ => ProfilingStrategy.PerfMap,
        })
        .WithReferenceTypes(true)
        .WithSIMD(true)
        .WithRelaxedSIMD(true, true)
        .WithBulkMemory(true)
        .WithMultiValue(true)
        .WithMultiMemory(true)
        .WithMemory64(true)
        .WithTailCalls(true)
        .WithFunctionReferences(true)
        .WithGc(true)
        .WithWasmThreads(true)
        .WithExceptions(true)
        .WithWideArithmetic(true);

    /// <summary>A shared engine with <see cref="AllProposals"/> (engines are thread-safe and costly to create).</summary>
    public static Engine Shared => AllProposalsEngine.Value;
}
