using System.Text;
using Whamm.Runtime.Hosting;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Reading;

namespace Whamm.Runtime.Tests.Hosting;

public class AppRunnerTests
{
    /// <summary>tests/Whamm.Runtime.Tests/Hosting/apps (also run by the CLI tests).</summary>
    public static string AppsDir => Path.Combine(TestFiles.Root, "tests", "Whamm.Runtime.Tests", "Hosting", "apps");

    private static LoadedModule App(string name) => ModuleLoader.Load(Path.Combine(AppsDir, name + ".wat"));

    private static (RunResult Result, string Stdout) Run(string name, RunOptions? options = null)
    {
        var app = App(name);
        using var stdout = new MemoryStream();
        using var stderr = new MemoryStream();
        var result = AppRunner.Run(app.Binary, app.Module, (options ?? new RunOptions()) with { Stdout = stdout, Stderr = stderr, StdinFile = null });
        return (result, Encoding.UTF8.GetString(stdout.ToArray()));
    }

    [Fact]
    public void ProcExitCodeIsTheExitCode()
    {
        var (result, _) = Run("exit7");
        Assert.Equal(7, result.ExitCode);
        Assert.True(result.Completed);
    }

    [Fact]
    public void NormalReturnIsExitZeroAndStdoutIsCaptured()
    {
        var (result, stdout) = Run("hello");
        Assert.Equal(new RunResult(0, null, null), result);
        Assert.Equal("hello\n", stdout);
    }

    [Fact]
    public void MainResultIsTheExitCodeWithoutStart()
    {
        Assert.Equal(5, Run("main-result").Result.ExitCode);
    }

    [Fact]
    public void ArgsEnvAndDirsReachTheGuest()
    {
        var dir = TestFiles.TempDir();
        var (result, stdout) = Run("echo-world", new RunOptions
        {
            ProgramName = "prog",
            Args = ["one", "two words"],
            Env = [new("K", "V"), new("EMPTY", "")],
            Dirs = [DirectoryMapping.Parse(dir + "::/sandbox")],
        });
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("args:prog\0one\0two words\0\nenv:K=V\0EMPTY=\0\ndir:/sandbox\n", stdout);
    }

    [Fact]
    public void DirectoryWithoutGuestNameKeepsTheHostPath()
    {
        Assert.Equal(new DirectoryMapping("/tmp/x", "/tmp/x"), DirectoryMapping.Parse("/tmp/x"));
        Assert.Equal(new DirectoryMapping("a", "/b"), DirectoryMapping.Parse("a::/b"));
    }

    [Fact]
    public void MissingDirectoryIsAHostError()
    {
        var e = Assert.Throws<HostException>(() => Run("hello", new RunOptions { Dirs = [new("/no/such/dir/whamm", "/x")] }));
        Assert.Contains("/no/such/dir/whamm", e.Message);
    }

    [Fact]
    public void UnreachableTrapNamesFunctionFidAndPc()
    {
        var app = App("trap-unreachable");
        var (result, stdout) = Run("trap-unreachable");
        Assert.Equal("before\n", stdout);
        var trap = Assert.IsType<TrapReport>(result.Trap);
        Assert.Null(result.LimitHit);
        Assert.Equal(Wasmtime.TrapCode.Unreachable, trap.Code);
        // $boom is the first defined function, after one import.
        Assert.Equal(1u, trap.FunctionIndex);
        Assert.Equal("boom", trap.FunctionName);
        var body = app.Module.Functions[0].Body;
        var unreachable = Assert.Single(body.Decode(), i => i.Op == Op.Unreachable);
        Assert.Equal(unreachable.Offset, trap.Pc);
        Assert.True(trap.Pc > body.CodeOffset - 1, "pc counts the local declarations");
        Assert.Equal($"trap in boom (fid 1, pc {unreachable.Offset}): {trap.Reason}", trap.ToString());
        Assert.Contains("unreachable", trap.Reason);
        Assert.DoesNotContain("\n", trap.Reason);
    }

    [Fact]
    public void DivisionTrapPointsAtTheDivision()
    {
        var app = App("trap-div");
        var trap = Assert.IsType<TrapReport>(Run("trap-div").Result.Trap);
        Assert.Equal(0u, trap.FunctionIndex);
        Assert.Equal("divide", trap.FunctionName);
        var div = Assert.Single(app.Module.Functions[0].Body.Decode(), i => i.Op == Op.I32DivS);
        Assert.Equal(div.Offset, trap.Pc);
        Assert.Equal(Wasmtime.TrapCode.IntegerDivisionByZero, trap.Code);
    }

    [Fact]
    public void UnnamedFunctionIsHashFid()
    {
        var binary = Wasmtime.Module.ConvertText("(module (func) (func (export \"_start\") unreachable))");
        var result = AppRunner.Run(binary, new RunOptions { Stdout = Stream.Null });
        Assert.Equal("#1", result.Trap?.FunctionName);
        Assert.Equal(1u, result.Trap?.FunctionIndex);
    }

    [Fact]
    public void FuelRunsOut()
    {
        var (result, _) = Run("spin", new RunOptions { Fuel = 100_000 });
        Assert.Equal(RunLimit.Fuel, result.LimitHit);
        Assert.Equal(0u, result.Trap?.FunctionIndex); // no name section entry: reported as #0
    }

    [Fact]
    public void FuelIsEnoughForAShortProgram()
    {
        var (result, stdout) = Run("hello", new RunOptions { Fuel = 1_000_000 });
        Assert.True(result.Completed);
        Assert.Equal("hello\n", stdout);
    }

    [Fact]
    public void MemoryLimitStopsAHog()
    {
        var (result, _) = Run("memory-hog", new RunOptions { MaxMemoryBytes = 4 << 20 });
        Assert.Equal(RunLimit.Memory, result.LimitHit);
        Assert.Equal(Wasmtime.TrapCode.Unreachable, result.Trap?.Code);
    }

    [Fact]
    public void InitialMemoryAboveTheLimitIsAHostError()
    {
        var binary = Wasmtime.Module.ConvertText("(module (memory 100) (func (export \"_start\")))");
        var e = Assert.Throws<HostException>(() => AppRunner.Run(binary, new RunOptions { MaxMemoryBytes = 1 << 20 }));
        Assert.Equal(RunLimit.Memory, e.Limit);
    }

    [Fact]
    public void TimeoutInterruptsAnInfiniteLoop()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var (result, _) = Run("spin", new RunOptions { Timeout = TimeSpan.FromMilliseconds(200) });
        Assert.Equal(RunLimit.Timeout, result.LimitHit);
        // Without the interrupt the loop never ends; the bound is loose because compiling and loading are timed too,
        // and on a loaded CI machine they took 1.7 s.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public void TimeoutDoesNotDisturbAQuickProgram()
    {
        var (result, stdout) = Run("hello", new RunOptions { Timeout = TimeSpan.FromSeconds(5), Fuel = 1_000_000, MaxMemoryBytes = 1 << 20 });
        Assert.True(result.Completed);
        Assert.Equal("hello\n", stdout);
    }

    [Fact]
    public void UserLibrariesAreLinkedByImportModule()
    {
        var lib = App("lib-answer");
        var (result, _) = Run("uses-lib", new RunOptions { UserLibs = [new UserLibrary("mylib", lib.Binary)] });
        Assert.Equal(42, result.ExitCode);
    }

    [Fact]
    public void MissingImportIsAHostError()
    {
        var e = Assert.Throws<HostException>(() => Run("uses-lib"));
        Assert.Contains("mylib", e.Message);
    }

    [Fact]
    public void UnrepresentableBoundaryTypesAreRefusedBeforeWasmtime()
    {
        var e = Assert.Throws<HostException>(() => Run("anyref-export"));
        Assert.Contains("cannot represent", e.Message);
    }

    [Fact]
    public void FlushExportRunsAfterATrapWithTheLimitsRearmed()
    {
        var (result, stdout) = Run("trap-then-flush", new RunOptions { Fuel = 100_000, FlushExport = "flush" });
        Assert.Equal(RunLimit.Fuel, result.LimitHit);
        Assert.Null(result.FlushTrap);
        Assert.Equal("report\n", stdout);
    }

    [Fact]
    public void FlushThatNeverEndsIsStoppedByTheTimeoutToo()
    {
        var (result, _) = Run("trap-then-flush", new RunOptions { Timeout = TimeSpan.FromMilliseconds(150), FlushExport = "spin-flush" });
        Assert.Equal(RunLimit.Timeout, result.LimitHit);
        Assert.Equal(Wasmtime.TrapCode.Interrupt, result.FlushTrap?.Code);
    }

    [Fact]
    public void NoFlushWithoutTheExport()
    {
        var (result, stdout) = Run("trap-unreachable", new RunOptions { FlushExport = "flush" });
        Assert.NotNull(result.Trap);
        Assert.Equal("before\n", stdout);
    }

    [Fact]
    public void TrapInALibraryIsReportedAtTheApplicationsCall()
    {
        var app = App("uses-lib");
        var (result, _) = Run("uses-lib", new RunOptions { UserLibs = [new UserLibrary("mylib", App("lib-traps").Binary)] });
        var trap = Assert.IsType<TrapReport>(result.Trap);
        Assert.Equal(2u, trap.FunctionIndex); // two imports, then _start
        var call = app.Module.Functions[0].Body.Decode().First(i => i.Op == Op.Call);
        Assert.Equal(call.Offset, trap.Pc);
    }

    [Fact]
    public void StartFunctionTrapIsATrapOfTheProgram()
    {
        var trap = Assert.IsType<TrapReport>(Run("start-traps").Result.Trap);
        Assert.Equal("init", trap.FunctionName);
        Assert.Equal(0u, trap.FunctionIndex);
    }

    [Fact]
    public void LibraryTrappingWhileStartingIsAHostError()
    {
        var e = Assert.Throws<HostException>(() => Run("exit7", new RunOptions { UserLibs = [new UserLibrary("other", App("start-traps").Binary)] }));
        Assert.Contains("`other` trapped while starting", e.Message);
    }

    [Fact]
    public void StackExhaustionIsATrap()
    {
        var trap = Assert.IsType<TrapReport>(Run("recurse").Result.Trap);
        Assert.Equal("recurse", trap.FunctionName);
        Assert.Equal(Wasmtime.TrapCode.StackOverflow, trap.Code);
    }

    [Fact]
    public void InvalidExitStatusIsAHostErrorWithWasmtimesCause()
    {
        var e = Assert.Throws<HostException>(() => Run("exit300"));
        Assert.Contains("invalid exit status", e.Message);
        Assert.DoesNotContain("\n", e.Message);
    }
}
