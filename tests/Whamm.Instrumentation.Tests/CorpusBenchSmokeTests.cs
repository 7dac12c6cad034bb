using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Whamm.Language.Semantics;
using Whamm.Language.Text;
using Whamm.Wasm.Reading;
using Whamm.Wasm.Tests.Corpus;

namespace Whamm.Instrumentation.Tests;

/// <summary>
/// The benchmark scripts in their <c>--quick</c> form (one module, one run), so they keep working: each must exit 0
/// and print its table with a row of positive measurements. Timings themselves are not asserted (too noisy for CI).
/// </summary>
public sealed class CorpusBenchSmokeTests
{
    private static string RunScript(string script, string? clock = null) =>
        RunBash($"bench/{script} --quick", clock, Path.Combine(CorpusFiles.Root, "bench", script), "--quick");

    /// <summary>Runs bash with <paramref name="arguments"/> in the repository; its stdout, after asserting exit status 0.</summary>
    private static string RunBash(string what, string? clock, params string[] arguments)
    {
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = CorpusFiles.Root,
        };
        if (clock is not null) info.Environment["CLOCK"] = clock;
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{what} did not finish in 3 minutes");
        }
        Assert.True(process.ExitCode == 0, $"{what} exited {process.ExitCode}:\n{stdout.Result}\n{stderr.Result}");
        return stdout.Result;
    }

    private static double[] Numbers(string row) =>
        Regex.Matches(row, @"(?<![\w.])\d+(\.\d+)?(?=x?(\s|$))").Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture)).ToArray();

    [Fact]
    public void RewriteSpeedQuickPrintsOneRowWithTimesAndPeakMemory()
    {
        var row = Assert.Single(RunScript("rewrite-speed.sh").Split('\n'), l => l.StartsWith("sqljs ", StringComparison.Ordinal));
        // MB, then wasm-opt (ms, RSS), sparse, dense and hotness (ms, RSS, ratio each).
        var numbers = Numbers(row);
        Assert.Equal(12, numbers.Length);
        Assert.All(numbers, n => Assert.True(n > 0, row));
    }

    [Fact]
    public void OverheadQuickPrintsAProgramRowTheGeometricMeansAndTheTargets()
    {
        var lines = RunScript("overhead.sh").Split('\n');
        Assert.Equal(["program", "base", "ms", "count", "branches", "memtrace"], Row(lines, "program").Split(' ', StringSplitOptions.RemoveEmptyEntries));
        // base ms, then per monitor (count, branches, memtrace) the slowdown.
        var row = Row(lines, "matmul");
        var numbers = Numbers(row);
        Assert.Equal(4, numbers.Length);
        Assert.All(numbers, n => Assert.True(n > 0, row));
        Assert.Equal(3, Numbers(Row(lines, "geomean")).Length);
        Assert.Equal([1.05, 1.20, 4], Numbers(Row(lines, "target")));
        Assert.All(Row(lines, "met").Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..], m => Assert.Contains(m, (string[])["yes", "no"]));
    }

    [Fact]
    public void OverheadInOperatorsIsTheSameOnEveryRunAndGrowsWithEveryCountingMonitor()
    {
        var lines = RunScript("overhead.sh", clock: "fuel").Split('\n');
        Assert.Equal(["program", "base", "Mfuel", "count", "branches", "memtrace"], Row(lines, "program").Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var row = Row(lines, "matmul");
        var numbers = Numbers(row);
        Assert.Equal(4, numbers.Length);
        Assert.True(numbers[0] > 0, row);
        Assert.All(numbers[1..], ratio => Assert.True(ratio > 1, $"a monitor that counts runs more operators: {row}"));
        Assert.Equal(row, Row(RunScript("overhead.sh", clock: "fuel").Split('\n'), "matmul"));
    }

    [Fact]
    public void OverheadTimesModulesInstrumentedBeforehandInRounds()
    {
        // What bench/ab.sh runs: columns of modules made beforehand, timed in turns. In operators (the same on every run),
        // a copy of the program costs what the program does and an instrumented one more.
        var dir = Directory.CreateTempSubdirectory("whamm-prebuilt-").FullName;
        try
        {
            var matmul = Path.Combine(CorpusFiles.Root, ".corpus", "c", "matmul.wasm");
            Directory.CreateDirectory(Path.Combine(dir, "copy"));
            File.Copy(matmul, Path.Combine(dir, "copy", "matmul.wasm"));
            Directory.CreateDirectory(Path.Combine(dir, "count"));
            var (script, _) = Checker.Check(SourceText.From("var n: u64; wasm:opcode:*:before { n++; }", "count.mm"));
            File.WriteAllBytes(Path.Combine(dir, "count", "matmul.wasm"), Instrumenter.Instrument(ModuleReader.ReadFile(matmul), script).ToBytes());
            var lines = RunBash("Whamm.Bench overhead --prebuilt", null, "-c",
                "dotnet build bench/Whamm.Bench -c Release -v q -nologo >/dev/null && exec bench/Whamm.Bench/bin/Release/net10.0/Whamm.Bench overhead " +
                $"--clock fuel --rounds 2 --prebuilt copy={dir}/copy --prebuilt count={dir}/count .corpus/c/matmul.wasm").Split('\n');
            Assert.Equal(["program", "base", "Mfuel", "copy", "count"], Row(lines, "program").Split(' ', StringSplitOptions.RemoveEmptyEntries));
            var numbers = Numbers(Row(lines, "matmul"));
            Assert.Equal(3, numbers.Length);
            Assert.Equal(1.00, numbers[1]);
            Assert.True(numbers[2] > 1, Row(lines, "matmul"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string Row(string[] lines, string first) => Assert.Single(lines, l => l.StartsWith(first + " ", StringComparison.Ordinal));
}
