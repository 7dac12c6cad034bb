using System.Diagnostics;
using Whamm.Wasm.Tests.Corpus;

namespace Whamm.Cli.Tests;

/// <summary>
/// Every example of <c>examples/examples.txt</c> runs as its README line says: <c>whamm instr</c> with the monitor on the
/// program (a <c>.wat</c> as is, a C program built with <c>examples/apps/build-c.sh</c>), then <c>whamm run</c> on the
/// result under WASI; what it prints must be <c>examples/expected/MONITOR.txt</c>, which was checked by hand.
/// </summary>
public class ExamplesTests
{
    private static string ExamplesDir => Path.Combine(CorpusFiles.Root, "examples");

    /// <summary>The C programs, built once per test run into a directory of their own.</summary>
    private static readonly Lazy<string> BuiltC = new(() =>
    {
        var dir = Directory.CreateTempSubdirectory("whamm-examples-").FullName;
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(ExamplesDir, "apps", "build-c.sh"));
        info.ArgumentList.Add(dir);
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"build-c.sh failed: {stderr.Result}");
        return dir;
    });

    public static IEnumerable<object[]> Examples() =>
        File.ReadAllLines(Path.Combine(ExamplesDir, "examples.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(f => new object[] { f[0], f[1] });

    [Fact]
    public void EveryMonitorHasAnExampleAndAReadmeLine()
    {
        var listed = Examples().Select(e => (string)e[0]).ToList();
        Assert.True(listed.Count >= 10, $"only {listed.Count} examples");
        var monitors = Directory.GetFiles(Path.Combine(ExamplesDir, "monitors"), "*.mm").Select(Path.GetFileNameWithoutExtension);
        Assert.Equal(monitors.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        var readme = File.ReadAllText(Path.Combine(CorpusFiles.Root, "README.md"));
        foreach (var name in listed) Assert.Contains($"examples/monitors/{name}.mm", readme);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void ExamplePrintsTheExpectedReport(string monitor, string program)
    {
        var app = Path.Combine(ExamplesDir, program);
        if (program.EndsWith(".c", StringComparison.Ordinal)) app = Path.Combine(BuiltC.Value, Path.GetFileNameWithoutExtension(program) + ".wasm");
        var work = Directory.CreateTempSubdirectory("whamm-example-").FullName;
        var instr = WhammProcess.RunIn(work, "instr", "--script", Path.Combine(ExamplesDir, "monitors", monitor + ".mm"), "--app", app, "-o", "out.wasm");
        Assert.True(instr.ExitCode == 0, instr.Stderr);
        Assert.Equal("", instr.Stderr); // no warnings either
        var run = WhammProcess.RunIn(work, "run", "out.wasm");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var expected = File.ReadAllText(Path.Combine(ExamplesDir, "expected", monitor + ".txt")).ReplaceLineEndings("\n");
        Assert.Equal(expected, run.Stdout.ReplaceLineEndings("\n"));
    }
}
