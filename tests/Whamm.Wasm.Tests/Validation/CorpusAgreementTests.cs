using Whamm.Wasm.Binary;
using Whamm.Wasm.Reading;
using Whamm.Wasm.Tests.Corpus;
using Whamm.Wasm.Validation;

namespace Whamm.Wasm.Tests.Validation;

/// <summary>
/// Our validator against Wasmtime's on the corpus (.corpus/, built by scripts/corpus/build-all.sh):
/// every module, and a deterministic sample of corrupted variants of the random (GC/SIMD-heavy) ones.
/// </summary>
public class CorpusAgreementTests
{
    /// <summary>Our verdict: null when valid, else the message (reader and validator errors alike).</summary>
    internal static string? Ours(byte[] bytes)
    {
        try
        {
            var module = ModuleReader.Read(bytes);
            return ModuleValidator.TryValidate(module, WasmtimeOracle.Features)?.Message;
        }
        catch (WasmException e)
        {
            return e.Message;
        }
    }

    public static IEnumerable<object[]> Modules() => CorpusFiles.AllNames();

    [Theory]
    [MemberData(nameof(Modules))]
    public void VerdictMatchesWasmtime(string name)
    {
        var bytes = CorpusFiles.Get(name).ReadBytes();
        var theirs = WasmtimeOracle.Validate(bytes);
        var ours = Ours(bytes);
        Assert.True((theirs is null) == (ours is null), $"{name}: Wasmtime says {theirs ?? "valid"}, we say {ours ?? "valid"}");
    }

    [Fact]
    public void RandomModulesExist() => Assert.NotEmpty(CorpusFiles.Random());

    public static IEnumerable<object[]> MutationBatches() => Enumerable.Range(0, 4).Select(i => new object[] { i });

    /// <summary>10 mutants of every random module per batch (about 2,000 per batch), all judged like Wasmtime judges them.</summary>
    [Theory]
    [MemberData(nameof(MutationBatches))]
    public void MutantVerdictsMatchWasmtime(int batch)
    {
        var disagreements = new List<string>();
        var count = 0;
        foreach (var module in CorpusFiles.Random())
        {
            var original = module.ReadBytes();
            for (var i = 0; i < 10; i++)
            {
                var (bytes, description) = Mutator.Mutate(original, 0x5EED + batch, i);
                var theirs = WasmtimeOracle.Validate(bytes);
                var ours = Ours(bytes);
                count++;
                if ((theirs is null) != (ours is null))
                    disagreements.Add($"{module.Name} #{i} ({description}): Wasmtime: {theirs ?? "valid"}; ours: {ours ?? "valid"}");
            }
        }
        Assert.True(disagreements.Count == 0, $"{disagreements.Count} of {count} disagree:\n" + string.Join("\n", disagreements.Take(20)));
    }

    /// <summary>
    /// Mutants of the C programs and the small npm modules (every producer but the multi-MB ones):
    /// 2,000 by default, so CI judges 10,000 mutants with the random batches above;
    /// <c>WHAMM_MUTANTS=100000</c> runs a long campaign (docs/TESTING.md).
    /// </summary>
    [Fact]
    public void MutantsOfCompiledProgramsMatchWasmtime()
    {
        var total = int.TryParse(Environment.GetEnvironmentVariable("WHAMM_MUTANTS"), out var n) ? n : 2000;
        var bases = CorpusFiles.C().Concat(CorpusFiles.Npm())
            .Select(m => (m.Name, Bytes: m.ReadBytes()))
            .Where(m => m.Bytes.Length < 1_000_000)
            .ToArray();
        var disagreements = new List<string>();
        for (var i = 0; i < total; i++)
        {
            var (name, original) = bases[i % bases.Length];
            var (bytes, description) = Mutator.Mutate(original, 20261127, i);
            var theirs = WasmtimeOracle.Validate(bytes);
            var ours = Ours(bytes);
            if ((theirs is null) != (ours is null))
                disagreements.Add($"{name} #{i} ({description}): Wasmtime: {theirs ?? "valid"}; ours: {ours ?? "valid"}");
        }
        Assert.True(disagreements.Count == 0, $"{disagreements.Count} of {total} disagree:\n" + string.Join("\n", disagreements.Take(20)));
    }
}
