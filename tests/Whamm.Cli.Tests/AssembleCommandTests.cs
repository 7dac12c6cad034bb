using System.Text;

namespace Whamm.Cli.Tests;

public class AssembleCommandTests
{
    private const string Wat = "(module (func (export \"f\") (result i32) i32.const 7))";

    [Fact]
    public void WritesTheBinaryNextToTheText()
    {
        var input = WhammProcess.TempFile("app.wat", Encoding.UTF8.GetBytes(Wat));
        var result = WhammProcess.Run("assemble", input);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Wasmtime.Module.ConvertText(Wat), File.ReadAllBytes(Path.ChangeExtension(input, ".wasm")));
    }

    [Fact]
    public void OutputOptionNamesTheFile()
    {
        var input = WhammProcess.TempFile("app.wat", Encoding.UTF8.GetBytes(Wat));
        var output = Path.Combine(Path.GetDirectoryName(input)!, "other.wasm");
        var result = WhammProcess.Run("assemble", input, "-o", output);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Wasmtime.Module.ConvertText(Wat), File.ReadAllBytes(output));
    }

    [Fact]
    public void AssembledModuleValidates()
    {
        var input = WhammProcess.TempFile("app.wat", Encoding.UTF8.GetBytes(Wat));
        Assert.Equal(0, WhammProcess.Run("assemble", input).ExitCode);
        var wasm = Path.ChangeExtension(input, ".wasm");
        var result = WhammProcess.Run("validate", wasm);
        Assert.Equal($"{wasm}: ok", result.Stdout.Trim());
    }

    [Fact]
    public void SyntaxErrorIsFileLineColumnWithoutStackTrace()
    {
        var input = WhammProcess.TempFile("app.wat", "(module\n  (func (result i32)\n    i32.const 0x))\n"u8.ToArray());
        var result = WhammProcess.Run("assemble", input);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"{input}:3:15: error: ", result.Stderr);
        Assert.Contains("^", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.False(File.Exists(Path.ChangeExtension(input, ".wasm")));
    }

    [Fact]
    public void PrintThenAssembleGivesTheModuleBack()
    {
        var wasm = Wasmtime.Module.ConvertText("(module (memory 1) (func $f (param i32) (result i32) (i32.load offset=4 (local.get 0))) (export \"f\" (func $f)))");
        var input = WhammProcess.TempFile("m.wasm", wasm);
        var text = Path.Combine(Path.GetDirectoryName(input)!, "m.wat");
        Assert.Equal(0, WhammProcess.Run("print", input, "-o", text).ExitCode);
        var back = Path.Combine(Path.GetDirectoryName(input)!, "back.wasm");
        Assert.Equal(0, WhammProcess.Run("assemble", text, "-o", back).ExitCode);
        Assert.Equal(wasm, File.ReadAllBytes(back));
    }

    [Fact]
    public void MissingFileIsAUserError()
    {
        var result = WhammProcess.Run("assemble", "/nonexistent/x.wat");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("/nonexistent/x.wat: error: cannot read file", result.Stderr);
    }
}
