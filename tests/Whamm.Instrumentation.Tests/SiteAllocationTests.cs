using Whamm.Language.Semantics;
using Whamm.Language.Text;
using Whamm.Wasm.Reading;

namespace Whamm.Instrumentation.Tests;

/// <summary>
/// The walk allocates no object per site (issue #9: nothing per instruction on the hot path): what a site of a sparse
/// counter adds to the rewrite's allocations is its share of the arrays that hold its edit and its new code. Measured
/// on this thread (one walker, a body too small for the parallel commit) as the difference between an application of
/// 30,000 call sites and one of 10,000, so that what every rewrite allocates once cancels out.
/// </summary>
public sealed class SiteAllocationTests
{
    /// <summary>The arrays' share is about 80 bytes a site; the site, its bindings and its folded probe as objects were 550 more.</summary>
    private const double MostPerSite = 200;

    private static long Allocated(CheckedScript script, int calls)
    {
        var wat = $$"""(module (func $f) (func (export "_start") {{string.Concat(Enumerable.Repeat("call $f ", calls))}}))""";
        var app = ModuleReader.Read(Wasmtime.Module.ConvertText(wat).ToArray());
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = Instrumenter.Instrument(app, script, new InstrumentOptions { Threads = 1 });
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(calls, result.Stats.Single().SitesInjected);
        return allocated;
    }

    [Fact]
    public void ASiteOfASparseCounterAllocatesNoObjectOfItsOwn()
    {
        var (script, diagnostics) = Checker.Check(SourceText.From("var calls: u64; wasm:opcode:call:before { calls++; }", "t.mm"));
        Assert.False(script.HasErrors, string.Join("\n", diagnostics));
        Allocated(script, 1_000); // compiles the walk's code first
        var perSite = (Allocated(script, 30_000) - Allocated(script, 10_000)) / 20_000.0;
        Assert.True(perSite < MostPerSite, $"{perSite:F0} bytes a site");
    }
}
