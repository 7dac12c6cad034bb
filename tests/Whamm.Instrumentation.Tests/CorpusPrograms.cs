using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Whamm.Language.Semantics;
using Whamm.Language.Text;
using Whamm.Runtime.Hosting;
using Whamm.Runtime.Reports;
using Whamm.Wasm.Model;
using Whamm.Wasm.Reading;
using Whamm.Wasm.Tests.Corpus;
using Whamm.Wasm.Validation;

namespace Whamm.Instrumentation.Tests;

/// <summary>
/// A runnable program of the corpus: a C program (argv = its name, reference output recorded in
/// <c>.corpus/c/NAME.expected</c> and <c>.exit</c>) or a WASI-runnable npm module (argv from the table, run in a
/// fresh directory preopened as <c>/</c> holding a copy of <c>tests/corpus/wasi-inputs/</c>).
/// </summary>
public sealed record CorpusProgram(CorpusModule Module, IReadOnlyList<string> Argv, Regex? StdoutMask)
{
    /// <summary>"c/matmul", "npm/yosys".</summary>
    public string Name => Module.Name;

    /// <summary>Every C program and every runnable npm module, C first.</summary>
    public static IReadOnlyList<CorpusProgram> All() =>
    [
        .. CorpusFiles.C().Select(m => new CorpusProgram(m, [m.ShortName], null)),
        .. CorpusFiles.NpmPackages().Where(p => p.WasiRunnable).Select(p => new CorpusProgram(
            p.Module, p.Argv(), p.StdoutMask is null ? null : new Regex(p.StdoutMask, RegexOptions.CultureInvariant))),
    ];

    /// <summary>One row per program, for [MemberData].</summary>
    public static IEnumerable<object[]> Names() => All().Select(p => new object[] { p.Name });

    /// <summary>Looks a program up by <see cref="Name"/>.</summary>
    public static CorpusProgram Get(string name) =>
        All().SingleOrDefault(p => p.Name == name) ?? throw new ArgumentException($"{name} is not a runnable corpus program", nameof(name));

    /// <summary>Stdout without the lines that vary from run to run (the table's <c>stdout_mask</c>).</summary>
    public string Masked(string stdout) =>
        StdoutMask is null ? stdout : string.Join('\n', stdout.Split('\n').Where(line => !StdoutMask.IsMatch(line)));
}

/// <summary>
/// What one run of a program produced: exit status, its stdout (masked), the files in its directory, the getters read
/// after the run, and the monitor's report (written through <see cref="HostInterface"/>, apart from stdout).
/// </summary>
public sealed record WasiOutcome(int ExitCode, string Stdout, IReadOnlyDictionary<string, string> FileHashes, IReadOnlyDictionary<string, ulong> Globals, Report Report);

/// <summary>
/// Runs corpus programs under Wasmtime's WASI with the table's conventions (empty environment, no stdin, a fresh
/// preopened directory). One engine without Cranelift optimisations: compiling the instrumented 20–30 MB programs
/// dominates these tests, and the optimiser does not change what a program computes.
/// </summary>
public static class WasiHarness
{
    /// <summary>The shared engine (every proposal the rewriter may emit is on by default in Wasmtime 50, multi-memory included).</summary>
    public static Wasmtime.Engine Engine { get; } = new(new Wasmtime.Config()
        .WithMultiMemory(true)
        .WithOptimizationLevel(Wasmtime.OptimizationLevel.None));

    /// <summary>Runs <c>_start</c> of <paramref name="bytes"/> under WASI (it may end with <c>proc_exit(0)</c>), then <paramref name="after"/> on the instance; what it printed.</summary>
    public static string RunStart(byte[] bytes, Action<Wasmtime.Instance>? after = null)
    {
        var stdout = Path.GetTempFileName();
        try
        {
            using var module = Wasmtime.Module.FromBytes(Engine, "app", bytes);
            using var store = new Wasmtime.Store(Engine);
            using var linker = new Wasmtime.Linker(Engine);
            linker.DefineWasi();
            store.SetWasiConfiguration(new Wasmtime.WasiConfiguration().WithStandardOutput(stdout));
            var instance = linker.Instantiate(store, module);
            try
            {
                instance.GetAction("_start")!();
            }
            catch (Wasmtime.WasmtimeException e) when (e.ExitCode == 0)
            {
            }
            after?.Invoke(instance);
            return File.ReadAllText(stdout);
        }
        finally
        {
            File.Delete(stdout);
        }
    }

    /// <summary>Compiles <paramref name="bytes"/>; Wasmtime validates while it compiles and throws on an invalid module.</summary>
    public static Wasmtime.Module Compile(CorpusProgram program, byte[] bytes) => Wasmtime.Module.FromBytes(Engine, program.Module.ShortName, bytes);

    /// <summary>
    /// Instantiates <paramref name="module"/>, calls <c>_start</c>, then reads <c>get_NAME</c> for each of <paramref name="globals"/>.
    /// A module instrumented with <see cref="InstrumentOptions.HostOutput"/> writes its report to the host, which matters
    /// when the program's stdout no longer takes output when it exits (yosys's report never arrived there).
    /// </summary>
    public static WasiOutcome Run(Wasmtime.Module module, CorpusProgram program, IEnumerable<string> globals)
    {
        var work = Directory.CreateTempSubdirectory("whamm-wasi-").FullName;
        var root = Path.Combine(work, "root");
        Directory.CreateDirectory(root);
        var stdout = Path.Combine(work, "stdout");
        var stderr = Path.Combine(work, "stderr");
        using var report = new MemoryStream();
        try
        {
            foreach (var input in Directory.GetFiles(CorpusFiles.WasiInputsDir)) File.Copy(input, Path.Combine(root, Path.GetFileName(input)));
            int exit;
            var values = new Dictionary<string, ulong>();
            using (var store = new Wasmtime.Store(Engine))
            using (var linker = new Wasmtime.Linker(Engine))
            {
                linker.DefineWasi();
                new HostOutputChannel(HostInterface.OutputModule, HostInterface.OutputWrite, HostInterface.OutputMemory, report).Define(linker);
                store.SetWasiConfiguration(new Wasmtime.WasiConfiguration()
                    .WithArgs(program.Argv)
                    .WithStandardOutput(stdout)
                    .WithStandardError(stderr)
                    .WithPreopenedDirectory(root, "/", mutable: true));
                var instance = linker.Instantiate(store, module);
                try
                {
                    instance.GetAction("_start")!();
                    exit = 0;
                }
                catch (Wasmtime.WasmtimeException e) when (e.ExitCode is { } code)
                {
                    exit = code;
                }
                foreach (var g in globals)
                {
                    var getter = instance.GetFunction("get_" + g) ?? throw new InvalidOperationException($"{program.Name}: no getter get_{g}");
                    values[g] = getter.Invoke() switch
                    {
                        long l => (ulong)l,
                        int i => (uint)i,
                        var other => throw new InvalidOperationException($"get_{g} returned {other}"),
                    };
                }
            }
            return new WasiOutcome(exit, program.Masked(File.ReadAllText(stdout)), HashFiles(root), values, Report.Parse(Encoding.UTF8.GetString(report.ToArray())));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>
    /// Instruments <paramref name="app"/> (the program's module, edited in place) with <paramref name="script"/>,
    /// validates the output (ours, then Wasmtime while compiling it), runs it, and asserts that the program's exit
    /// status, stdout and written files are those of its <see cref="Reference"/>. The getter of every single-value
    /// script global is read.
    /// </summary>
    public static WasiOutcome RunInstrumented(CorpusProgram program, Module app, string script, bool optimize = true)
    {
        var (checkedScript, diagnostics) = Checker.Check(SourceText.From(script, "monitor.mm"));
        Assert.False(checkedScript.HasErrors, string.Join("\n", diagnostics));
        var bytes = Instrumenter.Instrument(app, checkedScript, new InstrumentOptions { HostOutput = true, Optimize = optimize }).ToBytes();
        ModuleValidator.Validate(ModuleReader.Read(bytes));

        var getters = checkedScript.Globals.Where(g => !g.Type.IsMap && g.Type.WasmTypes.Count == 1).Select(g => g.Name);
        var run = Run(Compile(program, bytes), program, getters);
        var reference = Reference(program);
        Assert.Equal(reference.ExitCode, run.ExitCode);
        Assert.Equal(reference.Stdout, run.Stdout);
        Assert.Equal(reference.FileHashes, run.FileHashes);
        return run;
    }

    /// <summary>
    /// The uninstrumented program's outcome: the recorded reference for C programs (no files: they write none),
    /// otherwise a run of the original module, made once per test run and shared by the tests that need it.
    /// </summary>
    public static WasiOutcome Reference(CorpusProgram program) =>
        References.GetOrAdd(program.Name, _ => new Lazy<WasiOutcome>(() => ReferenceRun(program))).Value;

    private static readonly ConcurrentDictionary<string, Lazy<WasiOutcome>> References = new();

    private static WasiOutcome ReferenceRun(CorpusProgram program)
    {
        if (program.Module.Kind == CorpusKind.C)
        {
            return new WasiOutcome(CorpusFiles.ExpectedExitCode(program.Module), CorpusFiles.ExpectedStdout(program.Module),
                HashFiles(CorpusFiles.WasiInputsDir), new Dictionary<string, ulong>(), Report.Parse(""));
        }
        return Run(Compile(program, program.Module.ReadBytes()), program, []);
    }

    /// <summary>sha256 of every file under <paramref name="dir"/>, by relative path.</summary>
    private static Dictionary<string, string> HashFiles(string dir) =>
        Directory.GetFiles(dir, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(dir, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
}
