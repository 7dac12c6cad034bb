using System.Text;
using System.Text.Json;

namespace Whamm.Cli.Tests;

public class CheckCommandTests
{
    private static string Script(string name, string text) => WhammProcess.TempFile(name, Encoding.UTF8.GetBytes(text));

    private static byte[] Wasm(string wat) => Wasmtime.Module.ConvertText(wat).ToArray();

    /// <summary>A small user library: two exported functions and a memory.</summary>
    private static readonly byte[] Library = Wasm("""
        (module
          (memory (export "memory") 1)
          (func (export "should_instrument") (param i32 i32) (result i32) local.get 0 local.get 1 i32.lt_u)
          (func (export "log") (param i64)))
        """);

    [Fact]
    public void CleanScriptExitsZero()
    {
        var path = Script("count.mm", "report var calls: u32;\nwasm:opcode:call:before { calls++; }\n");
        var result = WhammProcess.Run("check", path);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"{path}: ok", result.Stdout.Trim());
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void ErrorsGoToStderrWithPathLineColumnAndCaret()
    {
        var path = Script("bad.mm", "var total: u64;\nwasm:opcode:call:before {\n    total = fid;\n}\n");
        var result = WhammProcess.Run("check", path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error[TypeCheckError WH2010]@wasm:opcode:call:before: Cannot implicitly cast expression of type `u32` to `u64`", result.Stderr);
        Assert.Contains($" --> {path}:3:13", result.Stderr);
        Assert.Contains("3 |     total = fid;\n  |             ^^^", result.Stderr);
        Assert.Contains($"{path}: 1 error", result.Stderr);
        Assert.DoesNotContain("\u001b[", result.Stderr, StringComparison.Ordinal); // no colour when stderr is not a terminal
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void RuleThatMatchesNothingIsAnError()
    {
        var path = Script("rule.mm", "wasm:opcode:frobnicate:before { }\n");
        var result = WhammProcess.Run("check", path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Could not find any matches for the specified event pattern: frobnicate", result.Stderr);
        Assert.Contains($"{path}:1:13", result.Stderr);
    }

    [Fact]
    public void ParseErrorsAreReportedToo()
    {
        var path = Script("syntax.mm", "wasm:opcode:call:before {\n    x = ;\n}\n");
        var result = WhammProcess.Run("check", path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error[ParsingError", result.Stderr);
        Assert.Contains($"{path}:2:", result.Stderr);
    }

    [Fact]
    public void WarningsGoToStderrAndExitZero()
    {
        var path = Script("warn.mm", "fn f() -> u32 {\n    return 1;\n    return 2;\n}\nwasm:begin { }\n");
        var result = WhammProcess.Run("check", path);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning[TypeCheckWarning WH2068]: Unreachable code detected", result.Stderr);
        Assert.Contains($"{path}:3:5", result.Stderr);
        Assert.Equal($"{path}: ok (1 warning)", result.Stdout.Trim());
    }

    [Fact]
    public void MissingFileExitsOneWithoutStackTrace()
    {
        var result = WhammProcess.Run("check", "does-not-exist.mm");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("does-not-exist.mm: error: cannot read file", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr + result.Stdout);
    }

    [Fact]
    public void UserLibrarySignaturesComeFromTheWasm()
    {
        var lib = WhammProcess.TempFile("filter.wasm", Library);
        var path = Script("uses-lib.mm", """
            use filter;
            wasm:opcode:call:before / @static filter.should_instrument(fid as i32, 10) == 1 / {
                filter.log(pc as i64);
                var m: u32 = memid(filter);
            }
            """);
        var result = WhammProcess.Run("check", path, "--user-libs", $"filter={lib}");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal($"{path}: ok", result.Stdout.Trim());
    }

    [Fact]
    public void UserLibraryCallsAreTypeChecked()
    {
        var lib = WhammProcess.TempFile("filter.wasm", Library);
        var path = Script("misuse.mm", "use filter;\nwasm:opcode:call:before {\n    filter.log(fname);\n    filter.nope();\n}\n");
        var result = WhammProcess.Run("check", path, "-u", $"filter(filter_module)={lib}");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Expected type `i64` for param 0 of `filter.log`, got `str`", result.Stderr);
        Assert.Contains("the library `filter` exports no function `nope`", result.Stderr);
        Assert.Contains($"{path}: 2 errors", result.Stderr);
    }

    [Fact]
    public void LibraryTheCommandLineDoesNotGiveIsAnError()
    {
        var path = Script("needs-lib.mm", "use filter;\nwasm:begin { }\n");
        var result = WhammProcess.Run("check", path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("The script uses a library, but it wasn't configured", result.Stderr);
        Assert.Contains("--user-libs filter=", result.Stderr);
    }

    [Fact]
    public void TextLibrariesWork()
    {
        var lib = WhammProcess.TempFile("lib.wat", "(module (func (export \"id\") (param i32) (result i32) local.get 0))"u8.ToArray());
        var other = WhammProcess.TempFile("other.wasm", Library);
        var path = Script("two.mm", "use lib;\nuse filter;\nwasm:opcode:call:before { var x: i32 = lib.id(filter.should_instrument(1, 2)); }\n");
        var result = WhammProcess.Run("check", path, "--user-libs", $"lib={lib},filter={other}");
        Assert.True(result.ExitCode == 0, result.Stderr);
    }

    [Fact]
    public void BadLibrariesExitOne()
    {
        var path = Script("x.mm", "wasm:begin { }\n");
        var notWasm = WhammProcess.TempFile("junk.wasm", "junk"u8.ToArray());
        var malformed = WhammProcess.Run("check", path, "--user-libs", $"junk={notWasm}");
        Assert.Equal(1, malformed.ExitCode);
        Assert.Contains("junk.wasm: error at offset 0x0", malformed.Stderr);

        var missing = WhammProcess.Run("check", path, "--user-libs", "lib=/nonexistent/lib.wasm");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("cannot read file", missing.Stderr);

        var badSpec = WhammProcess.Run("check", path, "--user-libs", "lib.wasm");
        Assert.Equal(1, badSpec.ExitCode);
        Assert.Contains("--user-libs expects NAME=PATH", badSpec.Stderr);
        Assert.DoesNotContain("   at ", malformed.Stderr + missing.Stderr + badSpec.Stderr);
    }

    [Fact]
    public void JsonFormatWritesDiagnosticsToStdout()
    {
        var path = Script("json.mm", "wasm:opcode:call:before / fid / { }\n");
        var result = WhammProcess.Run("check", path, "--format", "json");
        Assert.Equal(1, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Stdout);
        var d = Assert.Single(doc.RootElement.EnumerateArray());
        Assert.Equal("WH2017", d.GetProperty("id").GetString());
        Assert.Equal("error", d.GetProperty("severity").GetString());
        Assert.Equal(1, d.GetProperty("span").GetProperty("line").GetInt32());
        Assert.Equal(27, d.GetProperty("span").GetProperty("column").GetInt32());
    }

    [Fact]
    public void ExampleMonitorsCheckClean()
    {
        var dir = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "examples", "monitors"));
        var scripts = Directory.GetFiles(dir, "*.mm");
        Assert.True(scripts.Length >= 10, $"expected the example monitors in {dir}");
        var result = WhammProcess.Run("check", scripts[0]);
        Assert.True(result.ExitCode == 0, result.Stderr);
    }
}
