using System.Globalization;
using System.Text;
using Whamm.Instrumentation.Core;
using Whamm.Language.Semantics;
using Whamm.Language.Text;
using Whamm.Runtime.Hosting;
using Whamm.Wasm.Reading;
using Whamm.Wasm.Validation;
using Whamm.Wasm.Writing;

namespace Whamm.Instrumentation.Tests;

/// <summary>
/// Runs every directory under <c>scenarios/</c>: <c>app.wat</c> instrumented with <c>script.mm</c>, validated (ours and
/// Wasmtime), its exported <c>_start</c> or <c>main</c> called under WASI, then compared with <c>expected.txt</c>:
/// each getter (<c>name = value</c> lines, in global order), the exit code when the app calls <c>proc_exit</c>,
/// what the instrumented program printed (the report) after <c>stdout:</c>, then per probe the site counts; or
/// <c>error: …</c> when the rewriter must refuse the script. Adding a scenario needs no C# edit; <c>WHAMM_BLESS=1</c> rewrites
/// the expectations from the actual values.
/// </summary>
public sealed class ScenarioTests
{
    private static readonly Wasmtime.Engine Engine = new(new Wasmtime.Config().WithMultiMemory(true));

    public static string ScenarioDir => Path.Combine(AppContext.BaseDirectory, "scenarios");

    public static IEnumerable<object[]> Names() =>
        Directory.GetDirectories(ScenarioDir).Select(Path.GetFileName).Order(StringComparer.Ordinal).Select(n => new object[] { n! });

    [Fact]
    public void ThereAreEnoughScenarios() => Assert.True(Names().Count() >= 80, $"only {Names().Count()} scenarios in {ScenarioDir}");

    [Theory]
    [MemberData(nameof(Names))]
    public void Scenario(string name)
    {
        var dir = Path.Combine(ScenarioDir, name);
        var actual = Run(dir);
        var expectedPath = Path.Combine(dir, "expected.txt");
        if (Environment.GetEnvironmentVariable("WHAMM_BLESS") == "1")
        {
            var source = Path.Combine(FindSourceDir(), "scenarios", name, "expected.txt");
            File.WriteAllText(source, actual);
            return;
        }
        Assert.Equal(File.ReadAllText(expectedPath).ReplaceLineEndings("\n").TrimEnd(), actual.TrimEnd());
    }

    /// <summary>
    /// Exactness of the optimisations (issue #9): with <c>--no-opt</c> every probe is emitted at every site as written,
    /// and the getters, exit code, printed report and site counts must be the very same expectations.
    /// </summary>
    [Theory]
    [MemberData(nameof(Names))]
    public void ScenarioWithoutOptimisations(string name)
    {
        var dir = Path.Combine(ScenarioDir, name);
        Assert.Equal(File.ReadAllText(Path.Combine(dir, "expected.txt")).ReplaceLineEndings("\n").TrimEnd(), Run(dir, optimize: false).TrimEnd());
    }

    private static string Run(string dir, bool optimize = true)
    {
        var wasm = Wasmtime.Module.ConvertText(File.ReadAllText(Path.Combine(dir, "app.wat"))).ToArray();
        var libraries = Libraries(dir);
        var userLibs = libraries.ToDictionary(l => l.Name, l => LibrarySignatures.FromWasm(l.Binary));
        var (script, diagnostics) = Checker.Check(SourceText.From(File.ReadAllText(Path.Combine(dir, "script.mm")), "script.mm"), new CheckOptions { UserLibs = userLibs });
        Assert.False(script.HasErrors, string.Join("\n", diagnostics));
        var options = Options(dir) with { Libraries = libraries, Optimize = optimize };
        InstrumentResult result;
        try
        {
            using var host = new StaticCallHost(libraries.ToDictionary(l => l.Name, l => l.Binary));
            result = Instrumenter.Instrument(ModuleReader.Read(wasm), script, options with { StaticCalls = host.Call });
        }
        catch (InstrumentationException e) when (!e.IsInternal)
        {
            // Expected failures are scenarios too: expected.txt holds the message and where it points.
            return $"error: {e.Message}" + (e.Span is { } span ? $" at {span.Start}..{span.End}\n" : "\n");
        }
        var bytes = result.ToBytes();
        ModuleValidator.Validate(ModuleReader.Read(bytes));
        var sb = new StringBuilder();
        var stdout = Path.GetTempFileName();
        try
        {
            using var module = Wasmtime.Module.FromBytes(Engine, "app", bytes);
            using var store = new Wasmtime.Store(Engine);
            using var linker = new Wasmtime.Linker(Engine);
            linker.DefineWasi();
            store.SetWasiConfiguration(new Wasmtime.WasiConfiguration().WithStandardOutput(stdout));
            // Imported libraries are separate instances in the same store (their output goes to the same stdout).
            var imported = options.LinkStrategy == LinkStrategy.Merged ? [] : libraries.Select(l => (l.Name, l.Binary)).ToList();
            if (options.LinkStrategy == LinkStrategy.Imported) imported.Add((LibrarySignatures.CoreLibraryName, CoreLibrary.Bytes.ToArray()));
            foreach (var (name, binary) in imported)
            {
                using var library = Wasmtime.Module.FromBytes(Engine, name, binary);
                linker.DefineInstance(store, name, linker.Instantiate(store, library));
            }
            var instance = linker.Instantiate(store, module);
            var entry = instance.GetAction("_start") ?? instance.GetAction("main") ?? throw new InvalidOperationException("app exports no _start or main () -> ()");
            try
            {
                entry();
            }
            catch (Wasmtime.WasmtimeException e) when (e.ExitCode is { } code)
            {
                sb.Append(CultureInfo.InvariantCulture, $"exit {code}\n");
            }
            foreach (var g in script.Globals.Where(g => g.Type.WasmTypes.Count == 1 && !g.Type.IsMap))
            {
                var getter = instance.GetFunction("get_" + g.Name)!;
                var value = getter.Invoke();
                sb.Append(g.Name).Append(" = ").Append(Format(g.Type, value)).Append('\n');
            }
            var printed = File.ReadAllText(stdout);
            if (printed.Length > 0) sb.Append("stdout:\n").Append(printed.TrimEnd('\n')).Append('\n');
        }
        finally
        {
            File.Delete(stdout);
        }
        foreach (var s in result.Stats)
            sb.Append(CultureInfo.InvariantCulture, $"# probe {s.Probe.Index}: matched {s.SitesMatched}, folded away {s.SitesFoldedAway}, skipped {s.SitesSkipped}, injected {s.SitesInjected}\n");
        return sb.ToString();
    }

    /// <summary>The optional <c>options</c> file: command-line flags of <c>whamm instr</c>, one per line.</summary>
    private static InstrumentOptions Options(string dir)
    {
        var path = Path.Combine(dir, "options");
        var flags = File.Exists(path) ? File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0).ToHashSet() : [];
        var strategies = new Dictionary<string, LinkStrategy> { ["--link-strategy merged"] = LinkStrategy.Merged, ["--link-strategy imported"] = LinkStrategy.Imported };
        foreach (var f in flags.Except(["--no-report", "--no-getters", .. strategies.Keys])) throw new InvalidOperationException($"unknown flag {f} in {path}");
        return new InstrumentOptions
        {
            Report = !flags.Contains("--no-report"),
            Getters = !flags.Contains("--no-getters"),
            LinkStrategy = strategies.FirstOrDefault(s => flags.Contains(s.Key)).Value,
        };
    }

    /// <summary>The optional <c>libs/NAME.wat</c> files: user libraries the script may <c>use</c> as NAME (also the import module).</summary>
    private static List<InstrumentLibrary> Libraries(string dir)
    {
        var libs = Path.Combine(dir, "libs");
        if (!Directory.Exists(libs)) return [];
        return Directory.GetFiles(libs, "*.wat").Order(StringComparer.Ordinal)
            .Select(f => new InstrumentLibrary(Path.GetFileNameWithoutExtension(f), Wasmtime.Module.ConvertText(File.ReadAllText(f)).ToArray()))
            .ToList();
    }

    private static string Format(WhammType t, object? v) => t.Kind switch
    {
        WhammTypeKind.Bool => (int)v! != 0 ? "true" : "false",
        WhammTypeKind.U8 or WhammTypeKind.U16 or WhammTypeKind.U32 => ((uint)(int)v!).ToString(CultureInfo.InvariantCulture),
        WhammTypeKind.U64 => ((ulong)(long)v!).ToString(CultureInfo.InvariantCulture),
        WhammTypeKind.F32 => ((float)v!).ToString("R", CultureInfo.InvariantCulture),
        WhammTypeKind.F64 => ((double)v!).ToString("R", CultureInfo.InvariantCulture),
        _ => Convert.ToString(v, CultureInfo.InvariantCulture)!,
    };

    [Fact]
    public void NoGettersExportsNothing()
    {
        var dir = Path.Combine(ScenarioDir, "before-count-calls");
        var wasm = Wasmtime.Module.ConvertText(File.ReadAllText(Path.Combine(dir, "app.wat"))).ToArray();
        var (script, _) = Checker.Check(SourceText.From(File.ReadAllText(Path.Combine(dir, "script.mm")), "script.mm"));
        var exportsBefore = ModuleReader.Read(wasm).Exports.Count;
        var result = Instrumenter.Instrument(ModuleReader.Read(wasm), script, new InstrumentOptions { Getters = false });
        Assert.Equal(exportsBefore, result.Module.Exports.Count);
        Assert.DoesNotContain(result.Module.Exports, e => e.Name.StartsWith("get_", StringComparison.Ordinal));
        ModuleValidator.Validate(ModuleReader.Read(result.ToBytes()));
    }

    [Fact]
    public void ScriptWithErrorsIsRejected()
    {
        var (script, _) = Checker.Check(SourceText.From("var x: u32; wasm:opcode:call:before { x = nope; }", "bad.mm"));
        Assert.True(script.HasErrors);
        var module = ModuleReader.Read(Wasmtime.Module.ConvertText("(module)").ToArray());
        Assert.Throws<ArgumentException>(() => Instrumenter.Instrument(module, script));
    }

    private static string FindSourceDir([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
