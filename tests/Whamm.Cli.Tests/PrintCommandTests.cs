using System.Text;

namespace Whamm.Cli.Tests;

public class PrintCommandTests
{
    private const string Wat = """
        (module $demo
          (memory 1)
          (func $add (export "add") (param $a i32) (param $b i32) (result i32)
            (i32.add (local.get $a) (local.get $b)))
          (data (i32.const 8) "hi"))
        """;

    private static readonly byte[] Wasm = Wasmtime.Module.ConvertText(Wat);

    [Fact]
    public void PrintsABinaryAsTextOnStandardOutput()
    {
        var file = WhammProcess.TempFile("demo.wasm", Wasm);
        var result = WhammProcess.Run("print", file);
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("(module $demo", result.Stdout);
        Assert.Contains("(func $add (;0;) (type 0) (param $a i32) (param $b i32) (result i32)", result.Stdout);
        Assert.Contains("    local.get $a\n    local.get $b\n    i32.add\n", result.Stdout);
        Assert.Contains("(export \"add\" (func $add))", result.Stdout);
        Assert.Equal(Wasm, Wasmtime.Module.ConvertText(result.Stdout));
    }

    [Fact]
    public void FoldedPrintsSExpressions()
    {
        var file = WhammProcess.TempFile("demo.wasm", Wasm);
        var result = WhammProcess.Run("print", file, "--folded");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("(i32.add (local.get $a) (local.get $b))", result.Stdout);
        Assert.Equal(Wasm, Wasmtime.Module.ConvertText(result.Stdout));
    }

    [Fact]
    public void TextInIsTextOutAndOutputOptionWritesAFile()
    {
        var input = WhammProcess.TempFile("demo.wat", Encoding.UTF8.GetBytes(Wat));
        var output = Path.Combine(Path.GetDirectoryName(input)!, "out.wat");
        var result = WhammProcess.Run("print", input, "-o", output);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal(Wasm, Wasmtime.Module.ConvertText(File.ReadAllText(output)));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(input)!, "*.tmp"));
    }

    [Fact]
    public void TextWithoutTheWatExtensionIsRecognisedByContent()
    {
        var input = WhammProcess.TempFile("demo.wasm", Encoding.UTF8.GetBytes(Wat));
        var result = WhammProcess.Run("print", input);
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("(module $demo", result.Stdout);
    }

    [Fact]
    public void MalformedTextIsALineColumnDiagnostic()
    {
        var input = WhammProcess.TempFile("bad.wat", "(module\n  (func\n    i32.const 1\n    i32.frob))\n"u8.ToArray());
        var result = WhammProcess.Run("print", input);
        Assert.Equal(1, result.ExitCode);
        var lines = result.Stderr.Split('\n');
        Assert.StartsWith($"{input}:4:5: error: unknown operator", lines[0]);
        Assert.Contains("4 |     i32.frob))", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public void MalformedBinaryNamesTheOffset()
    {
        var input = WhammProcess.TempFile("cut.wasm", Wasm[..^5]);
        var result = WhammProcess.Run("print", input);
        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"cut\.wasm: error at offset 0x[0-9a-f]+: ", result.Stderr);
    }

    [Fact]
    public void MalformedFunctionBodyIsReportedWhilePrinting()
    {
        var wasm = Wasmtime.Module.ConvertText("(module (func nop))");
        var nop = Array.LastIndexOf(wasm, (byte)0x01);
        wasm[nop] = 0xFF; // not an opcode; bodies are only decoded when printed
        var output = Path.Combine(Directory.CreateTempSubdirectory("whamm-out-").FullName, "out.wat");
        var result = WhammProcess.Run("print", WhammProcess.TempFile("bad-body.wasm", wasm), "-o", output);
        Assert.Equal(1, result.ExitCode);
        Assert.Matches($@"bad-body\.wasm: error at offset 0x{nop:x}: illegal opcode: 0xff \(code section\)", result.Stderr.Trim());
        Assert.False(File.Exists(output), "no partial output file");
    }

    [Fact]
    public void MissingFileIsAUserError()
    {
        var result = WhammProcess.Run("print", "/nonexistent/x.wasm");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("/nonexistent/x.wasm: error: cannot read file", result.Stderr);
    }

    [Fact]
    public void HelpDescribesTheCommand()
    {
        var result = WhammProcess.Run("print", "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--folded", result.Stdout);
        Assert.Contains("WebAssembly text", result.Stdout);
    }
}
