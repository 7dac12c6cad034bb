using Whamm.Wasm.Tests.Corpus;

namespace Whamm.Cli.Tests;

public class RunCommandTests
{
    /// <summary>The small WAT applications of the host's unit tests (tests/Whamm.Runtime.Tests/Hosting/apps).</summary>
    internal static string App(string name) => Path.Combine(CorpusFiles.Root, "tests", "Whamm.Runtime.Tests", "Hosting", "apps", name + ".wat");

    internal static void NoStackTrace(WhammResult r)
    {
        Assert.DoesNotContain("   at ", r.Stderr);
        Assert.DoesNotContain("Exception", r.Stderr);
        Assert.DoesNotContain("internal error", r.Stderr);
    }

    public static IEnumerable<object[]> CPrograms() => CorpusFiles.CNames();

    [Theory]
    [MemberData(nameof(CPrograms))]
    public void CorpusProgramPrintsItsExpectedOutputAndExitCode(string name)
    {
        var module = CorpusFiles.Get(name);
        var r = WhammProcess.Run("run", module.Path);
        NoStackTrace(r);
        Assert.Equal(CorpusFiles.ExpectedStdout(module), r.Stdout);
        Assert.Equal(CorpusFiles.ExpectedExitCode(module), r.ExitCode);
    }

    [Fact]
    public void TextAppRunsAndStdoutPassesThrough()
    {
        var r = WhammProcess.Run("run", App("hello"));
        Assert.Equal((0, "hello\n", ""), (r.ExitCode, r.Stdout, r.Stderr));
    }

    [Fact]
    public void AppExitCodeIsPropagated()
    {
        var r = WhammProcess.Run("run", App("exit7"));
        Assert.Equal((7, ""), (r.ExitCode, r.Stderr));
    }

    [Fact]
    public void ArgumentsEnvironmentAndDirectoriesReachTheApp()
    {
        var dir = Directory.CreateTempSubdirectory("whamm-run-dir-").FullName;
        var app = App("echo-world");
        var r = WhammProcess.Run("run", app, "--env", "K=V", "--env", "X=1=2", "--dir", dir + "::/data", "--", "a", "--not-an-option", "b c");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal($"args:{app}\0a\0--not-an-option\0b c\0\nenv:K=V\0X=1=2\0\ndir:/data\n", r.Stdout);
    }

    [Fact]
    public void TrapIsReportedWithFunctionFidAndPcAndExits134()
    {
        var r = WhammProcess.Run("run", App("trap-unreachable"));
        Assert.Equal(134, r.ExitCode);
        Assert.Equal("before\n", r.Stdout);
        Assert.Matches(@"^trap in boom \(fid 1, pc \d+\): wasm `unreachable` instruction executed\n$", r.Stderr.ReplaceLineEndings("\n"));
        NoStackTrace(r);
    }

    [Fact]
    public void DivisionByZeroTrap()
    {
        var r = WhammProcess.Run("run", App("trap-div"));
        Assert.Equal(134, r.ExitCode);
        Assert.StartsWith("trap in divide (fid 0, pc ", r.Stderr);
        Assert.Contains("divide by zero", r.Stderr);
    }

    [Fact]
    public void StackExhaustionIsATrap()
    {
        var r = WhammProcess.Run("run", App("recurse"));
        Assert.Equal(134, r.ExitCode);
        Assert.StartsWith("trap in recurse (fid 0, pc ", r.Stderr);
        NoStackTrace(r);
    }

    [Fact]
    public void InvalidExitStatusIsAUserErrorWithoutBacktrace()
    {
        var r = WhammProcess.Run("run", App("exit300"));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("invalid exit status", r.Stderr);
        Assert.DoesNotContain("backtrace", r.Stderr);
        NoStackTrace(r);
    }

    [Fact]
    public void InfiniteLoopStopsAtTheTimeout()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var r = WhammProcess.Run("run", App("spin"), "--timeout", "300ms");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("did not finish within --timeout 300ms", r.Stderr);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30));
        NoStackTrace(r);
    }

    [Fact]
    public void FuelRunsOut()
    {
        var r = WhammProcess.Run("run", App("spin"), "--fuel", "10000");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("ran out of fuel (--fuel 10000)", r.Stderr);
        NoStackTrace(r);
    }

    [Fact]
    public void MemoryHogHitsTheMemoryLimit()
    {
        var r = WhammProcess.Run("run", App("memory-hog"), "--max-memory", "4MiB");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("needed more memory than --max-memory 4MiB allows", r.Stderr);
        NoStackTrace(r);
    }

    [Fact]
    public void UserLibrariesAreLinked()
    {
        var r = WhammProcess.Run("run", App("uses-lib"), "--user-libs", "mylib=" + App("lib-answer"));
        Assert.Equal((42, ""), (r.ExitCode, r.Stderr));
    }

    [Fact]
    public void MissingImportIsAUserError()
    {
        var r = WhammProcess.Run("run", App("uses-lib"));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("mylib", r.Stderr);
        NoStackTrace(r);
    }

    [Fact]
    public void MissingScriptIsAUserError()
    {
        var r = WhammProcess.Run("run", "monitor.mm", App("hello"));
        Assert.Equal((1, ""), (r.ExitCode, r.Stdout));
        Assert.StartsWith("monitor.mm: error: cannot read file:", r.Stderr);
        NoStackTrace(r);
    }

    [Theory]
    [InlineData("--fuel", "lots")]
    [InlineData("--max-memory", "12X")]
    [InlineData("--timeout", "-1s")]
    [InlineData("--env", "=v")]
    [InlineData("--dir", "::/guest")]
    public void BadOptionValuesAreUserErrors(string option, string value)
    {
        var r = WhammProcess.Run("run", App("hello"), option, value);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(option, r.Stderr);
        Assert.Equal("", r.Stdout);
        NoStackTrace(r);
    }

    [Fact]
    public void MissingAppAndMalformedAppAreUserErrors()
    {
        var missing = WhammProcess.Run("run", "no-such-app.wasm");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("cannot read file", missing.Stderr);
        var bad = WhammProcess.Run("run", WhammProcess.TempFile("bad.wat", "(module (func i32.frob))"u8.ToArray()));
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("error", bad.Stderr);
        NoStackTrace(bad);
    }

    [Fact]
    public void MissingDirectoryIsAUserError()
    {
        var r = WhammProcess.Run("run", App("hello"), "--dir", "/no/such/whamm/dir");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("no such directory", r.Stderr);
    }

    [Theory]
    [InlineData("1048576")]
    [InlineData("64KiB")]
    [InlineData("64MiB")]
    [InlineData("1GiB")]
    [InlineData("2MB")]
    public void SizeUnitsAreAccepted(string size)
    {
        var r = WhammProcess.Run("run", App("hello"), "--max-memory", size, "--timeout", "1m", "--fuel", "1_000_000");
        Assert.Equal((0, "hello\n", ""), (r.ExitCode, r.Stdout, r.Stderr));
    }
}
