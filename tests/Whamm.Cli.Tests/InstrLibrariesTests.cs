using System.Text;
using Whamm.Wasm.Model;
using Whamm.Wasm.Reading;

namespace Whamm.Cli.Tests;

/// <summary><c>whamm instr --user-libs … --link-strategy …</c>: what the output imports, and the user errors.</summary>
public class InstrLibrariesTests
{
    private static string File(string name, string text) => WhammProcess.TempFile(name, Encoding.UTF8.GetBytes(text));

    private static readonly string App = File("app.wat", """
        (module
          (func $f (param i32) (result i32) local.get 0)
          (func (export "_start") (drop (call $f (i32.const 1))) (drop (call $f (i32.const 2)))))
        """);

    /// <summary>next() counts its calls: @static calls number the sites 1, 2 while instrumenting.</summary>
    private static readonly string Library = File("lib.wat", """
        (module
          (global $n (mut i32) (i32.const 0))
          (func (export "next") (result i32) (global.set $n (i32.add (global.get $n) (i32.const 1))) (global.get $n))
          (func (export "note") (param i32)))
        """);

    private static readonly string Script = File("use.mm", """
        use mylib;
        var sum: i32;
        wasm:opcode:call:before { sum = sum + @static mylib.next(); mylib.note(sum); }
        """);

    private static Module Instrument(out string output, params string[] extra)
    {
        output = Path.Combine(Path.GetTempPath(), $"whamm-instr-{Guid.NewGuid():N}.wasm");
        var result = WhammProcess.Run(["instr", "-s", Script, "-a", App, "-o", output, .. extra]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return ModuleReader.ReadFile(output);
    }

    [Fact]
    public void CalledFunctionsAreImportedFromTheGivenModuleAndStaticCallsRunWhileInstrumenting()
    {
        var module = Instrument(out var output, "--user-libs", $"mylib(custom)={Library}");
        var import = Assert.Single(module.Imports, i => i.Kind == ExternalKind.Func && i.Module == "custom");
        Assert.Equal("note", import.Name); // next() ran while instrumenting: not imported
        var run = WhammProcess.Run("run", output, "--user-libs", $"mylib(custom)={Library}");
        Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
    }

    [Fact]
    public void MergedLibrariesAreNotImported()
    {
        var module = Instrument(out var output, "--user-libs", $"mylib={Library}", "--link-strategy", "merged");
        Assert.Equal(0, WhammProcess.Run("run", output).ExitCode); // self-contained
        Assert.DoesNotContain(module.Imports, i => i.Module == "mylib");
    }

    [Fact]
    public void ImportedCoreLibraryComesFromWhammCore()
    {
        var report = File("report.mm", "report var calls: u32;\nwasm:opcode:call:before { calls++; }\n");
        var output = Path.Combine(Path.GetTempPath(), $"whamm-instr-{Guid.NewGuid():N}.wasm");
        var r = WhammProcess.Run("instr", "-s", report, "-a", App, "-o", output, "--link-strategy", "imported");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var module = ModuleReader.ReadFile(output);
        Assert.Contains(module.Imports, i => i.Kind == ExternalKind.Memory && i.Module == "whamm_core");
        Assert.Contains(module.Imports, i => i.Kind == ExternalKind.Func && i.Module == "whamm_core" && i.Name == "whamm_report");
    }

    [Theory]
    [InlineData("mylib", "--user-libs expects NAME=PATH")]
    [InlineData("mylib=/no/such/lib.wasm", "/no/such/lib.wasm")]
    public void BadLibrarySpecsAreUserErrors(string spec, string message)
    {
        var r = WhammProcess.Run("instr", "-s", Script, "-a", App, "-o", Path.GetTempFileName(), "--user-libs", spec);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(message, r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
    }

    [Fact]
    public void AFunctionTheLibraryLacksIsTheCheckersDiagnostic()
    {
        var script = File("missing.mm", "use mylib;\nwasm:opcode:call:before { mylib.absent(); }\n");
        var r = WhammProcess.Run("instr", "-s", script, "-a", App, "-o", Path.GetTempFileName(), "--user-libs", $"mylib={Library}");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("the library `mylib` exports no function `absent`", r.Stderr);
    }

    [Fact]
    public void UnknownLinkStrategyIsRefused()
    {
        var r = WhammProcess.Run("instr", "-s", Script, "-a", App, "-o", Path.GetTempFileName(), "--link-strategy", "static");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("static", r.Stderr);
    }
}
