using Whamm.Wasm.Tests.Corpus;

namespace Whamm.Cli.Tests;

/// <summary><c>whamm instr</c> as a user runs it: real apps in, valid running modules out, clear errors and nothing written on mistakes.</summary>
public class InstrCommandTests
{
    /// <summary>Three call sites: two to $twice (function 1), one to the import fd_write (function 0).</summary>
    private const string AppWat = """
        (module
          (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
          (memory (export "memory") 1)
          (data (i32.const 64) "hi\n")
          (func $twice (param i32) (result i32) (i32.add (local.get 0) (local.get 0)))
          (func (export "_start")
            (drop (call $twice (call $twice (i32.const 1))))
            (i32.store (i32.const 0) (i32.const 64))
            (i32.store (i32.const 4) (i32.const 3))
            (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))))
        """;

    private const string CallsScript = """
        var calls: u64;
        var twice: u64;
        wasm:opcode:call:before { calls++; }
        wasm:opcode:call:before / imm0 == 1 / { twice++; }
        """;

    private static string Temp(string name, string content) => WhammProcess.TempFile(name, System.Text.Encoding.UTF8.GetBytes(content));

    private static string OutputPath() => Path.Combine(Directory.CreateTempSubdirectory("whamm-instr-out-").FullName, "out.wasm");

    /// <summary>Runs <c>_start</c> of <paramref name="wasm"/> under Wasmtime's WASI and reads the getter <c>get_NAME</c>.</summary>
    private static long RunAndRead(string wasm, string global)
    {
        using var engine = new Wasmtime.Engine(new Wasmtime.Config().WithMultiMemory(true));
        using var module = Wasmtime.Module.FromFile(engine, wasm);
        using var store = new Wasmtime.Store(engine);
        using var linker = new Wasmtime.Linker(engine);
        linker.DefineWasi();
        store.SetWasiConfiguration(new Wasmtime.WasiConfiguration());
        var instance = linker.Instantiate(store, module);
        try
        {
            instance.GetAction("_start")!();
        }
        catch (Wasmtime.WasmtimeException e) when (e.ExitCode is not null)
        {
            // proc_exit: the counters are still readable.
        }
        return (long)instance.GetFunction("get_" + global)!.Invoke()!;
    }

    private static void FailsCleanly(WhammResult r, string output, string expectedMessage)
    {
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(expectedMessage, r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
        Assert.DoesNotContain("Exception", r.Stderr);
        Assert.False(File.Exists(output), "nothing may be written on an error");
        Assert.Empty(Directory.GetFileSystemEntries(Path.GetDirectoryName(output)!));
    }

    [Fact]
    public void TextAppIsInstrumentedAndTheOutputValidatesRunsAndCounts()
    {
        var output = OutputPath();
        var r = WhammProcess.Run("instr", "--script", Temp("calls.mm", CallsScript), "--app", Temp("app.wat", AppWat), "-o", output);
        Assert.Equal((0, "", ""), (r.ExitCode, r.Stdout, r.Stderr));
        Assert.Equal([output], Directory.GetFileSystemEntries(Path.GetDirectoryName(output)!)); // written under a temporary name, then moved
        Assert.Equal($"{output}: ok", WhammProcess.Run("validate", output).Stdout.Trim());
        var run = WhammProcess.Run("run", output);
        Assert.Equal((0, "hi\n"), (run.ExitCode, run.Stdout));
        Assert.Equal(3, RunAndRead(output, "calls"));
        Assert.Equal(2, RunAndRead(output, "twice"));
    }

    [Fact]
    public void StatsReportSitesPerProbe()
    {
        var r = WhammProcess.Run("instr", "--script", Temp("calls.mm", CallsScript), "--app", Temp("app.wat", AppWat), "-o", OutputPath(), "--stats");
        Assert.Equal(0, r.ExitCode);
        var lines = r.Stdout.ReplaceLineEndings("\n").TrimEnd().Split('\n');
        var probes = lines.Where(l => l.StartsWith("probe ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, probes.Length);
        // Counters, but each call ends a basic block of its own: the two probes' updates merge only where both apply.
        Assert.Matches(@"^probe 0 .*call.*: 3 sites matched, 0 folded away, 0 skipped, 3 injected \(2 merged, 0 shared, 0 derived\)$", probes[0]);
        Assert.Matches(@"^probe 1 .*call.*: 3 sites matched, 1 folded away, 0 skipped, 2 injected \(2 merged, 0 shared, 0 derived\)$", probes[1]);
        // The rest is the time of each phase.
        Assert.All(lines.Except(probes), l => Assert.Matches(@"^time [a-zA-Z ]+: \d+ ms$", l));
        Assert.Contains(lines, l => l.StartsWith("time instrument: ", StringComparison.Ordinal));
    }

    [Fact]
    public void BinaryCorpusProgramStillPrintsItsOutputAndCountsItsCalls()
    {
        var program = CorpusFiles.Get("c/sort");
        var output = OutputPath();
        var r = WhammProcess.Run("instr", "--script", Temp("calls.mm", CallsScript), "--app", program.Path, "-o", output);
        Assert.Equal((0, ""), (r.ExitCode, r.Stderr));
        Assert.Null(Wasmtime.Module.Validate(new Wasmtime.Engine(new Wasmtime.Config().WithMultiMemory(true)), File.ReadAllBytes(output)));
        var run = WhammProcess.Run("run", output);
        Assert.Equal(CorpusFiles.ExpectedStdout(program), run.Stdout);
        Assert.Equal(CorpusFiles.ExpectedExitCode(program), run.ExitCode);
        Assert.True(RunAndRead(output, "calls") > 0);
    }

    [Fact]
    public void AnOutputInAMissingDirectoryIsAClearError()
    {
        var output = Path.Combine(OutputPath(), "no-such-dir", "out.wasm");
        var r = WhammProcess.Run("instr", "--script", Temp("calls.mm", CallsScript), "--app", Temp("app.wat", AppWat), "-o", output);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"{output}: error: cannot write file", r.Stderr);
        Assert.DoesNotContain("Exception", r.Stderr);
        Assert.False(Directory.Exists(Path.GetDirectoryName(output)));
    }

    [Fact]
    public void MissingScriptIsAClearError()
    {
        var output = OutputPath();
        var missing = Path.Combine(Path.GetDirectoryName(output)!, "..", "no-such-script.mm");
        FailsCleanly(WhammProcess.Run("instr", "--script", missing, "--app", Temp("app.wat", AppWat), "-o", output), output, "cannot read file");
    }

    [Fact]
    public void MalformedScriptIsReportedWithItsLocation()
    {
        var output = OutputPath();
        var script = Temp("broken.mm", "var n: u32;\nwasm:opcode:call:before { n++ }\n");
        var r = WhammProcess.Run("instr", "--script", script, "--app", Temp("app.wat", AppWat), "-o", output);
        FailsCleanly(r, output, "broken.mm:2:");
        Assert.Contains("error", r.Stderr);
    }

    [Fact]
    public void MissingAppIsAClearError()
    {
        var output = OutputPath();
        FailsCleanly(WhammProcess.Run("instr", "--script", Temp("calls.mm", CallsScript), "--app", "no-such-app.wasm", "-o", output),
            output, "no-such-app.wasm: error: cannot read file");
    }

    [Fact]
    public void MalformedBinaryAppNamesTheOffset()
    {
        var output = OutputPath();
        var app = WhammProcess.TempFile("junk.wasm", [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00, 0x01, 0x7F]);
        FailsCleanly(WhammProcess.Run("instr", "--script", Temp("calls.mm", CallsScript), "--app", app, "-o", output), output, "junk.wasm: error at offset 0x");
    }

    [Fact]
    public void MalformedTextAppNamesLineAndColumn()
    {
        var output = OutputPath();
        var app = Temp("broken.wat", "(module\n  (func i32.frob))");
        FailsCleanly(WhammProcess.Run("instr", "--script", Temp("calls.mm", CallsScript), "--app", app, "-o", output), output, "broken.wat:2:9: error:");
    }

    [Theory]
    [InlineData(CallsScript)] // no probe reads a stack value: the rewriter does not validate the function, the output check fails
    [InlineData("var n: u32; wasm:opcode:i32.add(arg0: i32):before { n++; }")] // typed: validated while instrumenting
    public void InvalidAppIsAUserErrorNamingTheOffset(string script)
    {
        var output = OutputPath();
        var app = Temp("invalid.wat", "(module (func $f (export \"_start\") call $f i32.add drop))");
        FailsCleanly(WhammProcess.Run("instr", "--script", Temp("m.mm", script), "--app", app, "-o", output), output, "invalid.wat: error at offset 0x");
    }

    [Fact]
    public void OutputMayNotOverwriteTheInput()
    {
        var app = Temp("app.wat", AppWat);
        var r = WhammProcess.Run("instr", "--script", Temp("calls.mm", CallsScript), "--app", app, "-o", app);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("would overwrite the input", r.Stderr);
        Assert.Equal(AppWat, File.ReadAllText(app));
    }
}
