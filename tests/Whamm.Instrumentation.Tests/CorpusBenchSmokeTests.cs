using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Whamm.Wasm.Tests.Corpus;

namespace Whamm.Instrumentation.Tests;

/// <summary>
/// The benchmark scripts in their <c>--quick</c> form (one module, one run), so they keep working: each must exit 0
/// and print its table with a row of positive measurements. Timings themselves are not asserted (too noisy for CI).
/// </summary>
public sealed class CorpusBenchSmokeTests
{
    private static string RunScript(string script, string? clock = null)
    {
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = CorpusFiles.Root,
        };
        if (clock is not null) info.Environment["CLOCK"] = clock;
        info.ArgumentList.Add(Path.Combine(CorpusFiles.Root, "bench", script));
        info.ArgumentList.Add("--quick");
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bench/{script} --quick did not finish in 3 minutes");
        }
        Assert.True(process.ExitCode == 0, $"bench/{script} --quick exited {process.ExitCode}:\n{stdout.Result}\n{stderr.Result}");
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

    private static string Row(string[] lines, string first) => Assert.Single(lines, l => l.StartsWith(first + " ", StringComparison.Ordinal));
}
