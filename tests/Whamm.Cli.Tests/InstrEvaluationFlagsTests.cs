using System.Text;
using System.Text.RegularExpressions;

namespace Whamm.Cli.Tests;

/// <summary><c>whamm instr</c>'s evaluation knobs (<c>--no-body</c>, <c>--no-pred</c>), <c>--metrics</c>, and <c>--help</c> on every command.</summary>
public partial class InstrEvaluationFlagsTests
{
    // Two calls of $f, with 1 and with 7: the predicate holds once.
    private const string App = """
        (module
          (func $f (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
          (func (export "run") (result i32)
            (i32.add (call $f (i32.const 1)) (call $f (i32.const 7)))))
        """;

    private const string Script = "var n: u32; wasm:opcode:call(arg0: i32):before / arg0 > 5 / { n++; }";

    private static (uint N, int Run, int Size) Instrument(params string[] flags)
    {
        var app = WhammProcess.TempFile("app.wat", Encoding.UTF8.GetBytes(App));
        var script = WhammProcess.TempFile("s.mm", Encoding.UTF8.GetBytes(Script));
        var output = Path.Combine(Path.GetDirectoryName(app)!, "out.wasm");
        var result = WhammProcess.Run(["instr", "--script", script, "--app", app, "-o", output, .. flags]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        var bytes = File.ReadAllBytes(output);
        using var engine = new Wasmtime.Engine();
        using var module = Wasmtime.Module.FromBytes(engine, "out", bytes);
        using var store = new Wasmtime.Store(engine);
        using var linker = new Wasmtime.Linker(engine);
        var instance = linker.Instantiate(store, module);
        var run = (int)instance.GetFunction("run")!.Invoke()!;
        var n = (uint)(int)instance.GetFunction("get_n")!.Invoke()!;
        return (n, run, bytes.Length);
    }

    [Fact]
    public void DefaultTestsThePredicateAtRunTime()
    {
        var (n, run, _) = Instrument();
        Assert.Equal((1u, 10), (n, run));
    }

    [Fact]
    public void NoPredRunsTheBodyWhereverTheProbeMatched()
    {
        var (n, run, _) = Instrument("--no-pred");
        Assert.Equal(2u, n);
        Assert.Equal(10, run); // the program is unchanged
    }

    [Fact]
    public void NoBodyKeepsThePredicateButRunsNothing()
    {
        var (n, run, size) = Instrument("--no-body");
        Assert.Equal(0u, n);
        Assert.Equal(10, run);
        var (_, _, bare) = Instrument("--no-body", "--no-pred");
        Assert.True(size > bare, $"--no-body ({size} bytes) should still test the predicate that --no-body --no-pred ({bare} bytes) drops");
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z ]+)\t: (?<value>\d+(\.\d+)?)(s|ms|µs)$")]
    private static partial Regex MetricsLine();

    [Fact]
    public void MetricsPrintOneLinePerPhaseInTheReferenceFormat()
    {
        var app = WhammProcess.TempFile("app.wat", Encoding.UTF8.GetBytes(App));
        var script = WhammProcess.TempFile("s.mm", Encoding.UTF8.GetBytes(Script));
        var result = WhammProcess.Run("instr", "--script", script, "--app", app, "-o", Path.Combine(Path.GetDirectoryName(app)!, "o.wasm"), "--metrics");
        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.TrimEnd().Split('\n');
        Assert.All(lines, l => Assert.Matches(MetricsLine(), l));
        Assert.Equal(["check script", "read app", "instrument", "encode", "validate", "write"],
            lines.Select(l => MetricsLine().Match(l).Groups["name"].Value));
        Assert.Equal("", result.Stderr); // no progress bar: stderr is not a terminal
    }

    [Theory]
    [InlineData("instr", "--no-body")]
    [InlineData("wast", "WHAMM")]
    [InlineData("run", "--timeout")]
    [InlineData("check", "--format")]
    [InlineData("info", "--rule")]
    [InlineData("validate", "files")]
    [InlineData("print", "--folded")]
    [InlineData("assemble", "--output")]
    public void EveryCommandHasHelp(string command, string mentioned)
    {
        var result = WhammProcess.Run(command, "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Stdout);
        Assert.Contains(mentioned, result.Stdout);
    }
}
