using System.Diagnostics;
using System.Runtime.CompilerServices;
using Whamm.Instrumentation.Tests.Core;
using Whamm.Language.Semantics;
using Whamm.Language.Text;
using Whamm.Wasm.Reading;
using Whamm.Wasm.Tests.Corpus;
using Whamm.Wasm.Validation;

namespace Whamm.Instrumentation.Tests;

/// <summary>
/// A user library written in C (<c>libs/cache/cache.c</c>, built here with clang-14): a 16 KiB 4-way LRU cache
/// simulator called by a memory-access monitor on a C program of the corpus. The monitor also sends every address
/// to a host function, and the hits the library counted must equal those of an independent simulation of that
/// trace in C#; the program must print what it printed before. Imported and merged, the counts agree.
/// </summary>
public sealed class CacheSimulatorTests
{
    private static readonly Wasmtime.Engine Engine = new(new Wasmtime.Config().WithMultiMemory(true));

    private const string Script = """
        use cache;
        use trace;
        var hits: u32;
        var accesses: u32;
        fn touch(addr: u32) {
            hits = hits + (cache.access(addr as i32) as u32);
            trace.record(addr as i32);
            accesses++;
        }
        wasm:opcode:*load*:before { touch(effective_addr); }
        wasm:opcode:*store*:before { touch(effective_addr); }
        """;

    /// <summary>The trace library's signature; at run time the test's host function stands in for it.</summary>
    private const string TraceStub = "(module (func (export \"record\") (param i32)))";

    [Fact]
    public void HitsMatchAnIndependentSimulation()
    {
        if (!CoreModuleTests.OnPath("clang-14") || !CoreModuleTests.OnPath("wasm-ld-14")) return;
        var cache = Build();
        var imported = Run(cache, LinkStrategy.Default);
        Assert.True(imported.Accesses > 10_000, $"only {imported.Accesses} accesses");
        Assert.Equal(imported.Trace.Count, (int)imported.Accesses);
        Assert.Equal(LruHits(imported.Trace), imported.Hits);
        Assert.InRange(imported.Hits, 1u, imported.Accesses - 1); // both hits and misses happen: the comparison means something
        Assert.Equal(imported.Accesses - imported.Hits, imported.LibraryMisses);

        // Merged, the trace stub is linked in too (no trace): the library's code now runs inside the program.
        var merged = Run(cache, LinkStrategy.Merged);
        Assert.Empty(merged.Trace);
        Assert.Equal((imported.Hits, imported.Accesses), (merged.Hits, merged.Accesses));
    }

    private sealed record Outcome(uint Hits, uint Accesses, List<int> Trace, uint? LibraryMisses);

    /// <summary>Instruments matmul, runs it (checking it prints what it did before) and reads the counts.</summary>
    private static Outcome Run(byte[] cache, LinkStrategy strategy)
    {
        var libraries = new List<InstrumentLibrary> { new("cache", cache), new("trace", Wasmtime.Module.ConvertText(TraceStub).ToArray()) };
        var (script, diagnostics) = Checker.Check(SourceText.From(Script, "cache.mm"),
            new CheckOptions { UserLibs = libraries.ToDictionary(l => l.Name, l => LibrarySignatures.FromWasm(l.Binary)) });
        Assert.False(script.HasErrors, string.Join("\n", diagnostics));
        var corpus = CorpusFiles.Get("c/matmul");
        var result = Instrumenter.Instrument(ModuleReader.Read(corpus.ReadBytes()), script,
            new InstrumentOptions { Libraries = libraries, LinkStrategy = strategy });
        var bytes = result.ToBytes();
        ModuleValidator.Validate(ModuleReader.Read(bytes));

        var trace = new List<int>();
        Wasmtime.Instance? library = null;
        Outcome? outcome = null;
        using var app = Wasmtime.Module.FromBytes(Engine, corpus.ShortName, bytes);
        using var cacheModule = Wasmtime.Module.FromBytes(Engine, "cache", cache);
        var run = WasiCommand.Run(Engine, app, c => c.WithArgs(corpus.ShortName),
            define: (linker, store) =>
            {
                linker.DefineFunction("trace", "record", (int address) => trace.Add(address));
                if (strategy == LinkStrategy.Merged) return;
                library = linker.Instantiate(store, cacheModule);
                linker.DefineInstance(store, "cache", library);
            },
            after: instance => outcome = new Outcome(Get(instance, "get_hits"), Get(instance, "get_accesses"), trace, library is null ? null : Get(library, "misses")));
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(CorpusFiles.ExpectedStdout(corpus), run.Stdout);
        return outcome!;
    }

    private static uint Get(Wasmtime.Instance instance, string function) => (uint)(int)instance.GetFunction(function)!.Invoke()!;

    /// <summary>The hits of a 64-set, 4-way, 64-byte-line LRU cache on <paramref name="addresses"/>.</summary>
    private static uint LruHits(IEnumerable<int> addresses)
    {
        const int sets = 64, ways = 4, lineBits = 6;
        var lru = Enumerable.Range(0, sets).Select(_ => new LinkedList<uint>()).ToArray(); // most recent first
        var hits = 0u;
        foreach (var address in addresses)
        {
            var line = (uint)address >> lineBits;
            var set = lru[line % sets];
            var tag = line / sets;
            if (set.Find(tag) is { } node)
            {
                hits++;
                set.Remove(node);
            }
            else if (set.Count == ways)
            {
                set.RemoveLast();
            }
            set.AddFirst(tag);
        }
        return hits;
    }

    private static byte[] Build()
    {
        var dir = Directory.CreateTempSubdirectory("whamm-cache-lib");
        try
        {
            var output = Path.Combine(dir.FullName, "cache.wasm");
            var start = new ProcessStartInfo("sh", [Path.Combine(SourceDir(), "libs", "cache", "build.sh"), output]) { RedirectStandardError = true };
            using var build = Process.Start(start)!;
            var errors = build.StandardError.ReadToEnd();
            build.WaitForExit();
            Assert.True(build.ExitCode == 0, errors);
            return File.ReadAllBytes(output);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static string SourceDir([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
