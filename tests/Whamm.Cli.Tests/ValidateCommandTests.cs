namespace Whamm.Cli.Tests;

public class ValidateCommandTests
{
    private static byte[] Wasm(string wat) => Wasmtime.Module.ConvertText(wat).ToArray();

    private static readonly byte[] Valid = Wasm("(module (func (export \"f\") (result i32) i32.const 1))");
    // i32.add on an i64 operand: well-formed, invalid.
    private static readonly byte[] Invalid = Wasm("(module (func (result i32) i64.const 1 i32.const 2 i32.add))");

    [Fact]
    public void ValidModulePrintsOkAndExitsZero()
    {
        var file = WhammProcess.TempFile("good.wasm", Valid);
        var result = WhammProcess.Run("validate", file);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"{file}: ok", result.Stdout.Trim());
    }

    [Fact]
    public void InvalidModuleNamesTheOffsetAndExitsOne()
    {
        var good = WhammProcess.TempFile("good.wasm", Valid);
        var bad = WhammProcess.TempFile("bad.wasm", Invalid);
        var result = WhammProcess.Run("validate", good, bad);
        Assert.Equal(1, result.ExitCode);
        var lines = result.Stdout.Trim().Split('\n');
        Assert.Equal($"{good}: ok", lines[0]);
        // The i32.add is the instruction that fails: find its offset in the file.
        var addOffset = Array.LastIndexOf(Invalid, (byte)0x6A);
        Assert.StartsWith($"{bad}: error at offset 0x{addOffset:x}: type mismatch", lines[1]);
    }

    [Fact]
    public void MalformedModuleNamesTheOffset()
    {
        var truncated = WhammProcess.TempFile("cut.wasm", Valid[..^3]);
        var notWasm = WhammProcess.TempFile("text.wasm", "hello world"u8.ToArray());
        var result = WhammProcess.Run("validate", truncated, notWasm);
        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"cut\.wasm: error at offset 0x[0-9a-f]+: .*", result.Stdout);
        Assert.Contains("text.wasm: error at offset 0x0: magic header not detected", result.Stdout);
        Assert.DoesNotContain("   at ", result.Stdout + result.Stderr);
    }

    [Fact]
    public void TextModulesAreValidatedToo()
    {
        var good = WhammProcess.TempFile("good.wat", "(module (func (export \"f\") (result i32) i32.const 1))"u8.ToArray());
        var invalid = WhammProcess.TempFile("invalid.wat", "(module (func (result i32) i64.const 1))"u8.ToArray());
        var broken = WhammProcess.TempFile("broken.wat", "(module\n  (func i32.frob))"u8.ToArray());
        var result = WhammProcess.Run("validate", good, invalid, broken);
        Assert.Equal(1, result.ExitCode);
        var lines = result.Stdout.Trim().Split('\n');
        Assert.Equal($"{good}: ok", lines[0]);
        Assert.StartsWith($"{invalid}: error at offset 0x", lines[1]);
        Assert.Contains("type mismatch", lines[1]);
        Assert.StartsWith($"{broken}:2:9: error: unknown operator", lines[2]);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public void MissingFileIsAUserErrorWithoutStackTrace()
    {
        var result = WhammProcess.Run("validate", "/nonexistent/x.wasm");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("/nonexistent/x.wasm: error: cannot read file", result.Stdout);
        Assert.DoesNotContain("   at ", result.Stdout + result.Stderr);
    }

    [Fact]
    public void NoArgumentsIsAUsageError()
    {
        var result = WhammProcess.Run("validate");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("files", result.Stderr + result.Stdout);
    }

    [Fact]
    public void HelpDescribesTheCommand()
    {
        var result = WhammProcess.Run("validate", "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("well-formed and valid", result.Stdout);
    }
}
