using Whamm.Runtime.Text;
using Whamm.Wasm.Binary;

namespace Whamm.Runtime.Tests.Text;

public class ModuleLoaderTests
{
    private const string Wat = "(module (func (export \"f\") (result i32) i32.const 1))";
    private static readonly byte[] Wasm = Wasmtime.Module.ConvertText(Wat);

    private static string Write(string name, byte[] content)
    {
        var path = Path.Combine(TestFiles.TempDir(), name);
        File.WriteAllBytes(path, content);
        return path;
    }

    [Fact]
    public void BinaryIsDecidedByMagicWhateverTheExtension()
    {
        var loaded = ModuleLoader.Load(Write("really-binary.wat", Wasm));
        Assert.Equal(ModuleFormat.Binary, loaded.Format);
        Assert.Single(loaded.Module.Functions);
    }

    [Fact]
    public void TextIsDecidedByContentWhateverTheExtension()
    {
        var loaded = ModuleLoader.Load(Write("really-text.wasm", System.Text.Encoding.UTF8.GetBytes(Wat)));
        Assert.Equal(ModuleFormat.Text, loaded.Format);
        Assert.Equal(Wasm, loaded.Binary);
        Assert.Single(loaded.Module.Exports);
    }

    [Theory]
    [InlineData("(module)")]
    [InlineData("  \n\t(module)")]
    [InlineData(";; a comment\n(module)")]
    [InlineData("(; block (; nested ;) ;) (module)")]
    [InlineData("(func)")]
    [InlineData(";; only a comment")]
    public void LooksLikeText(string text) => Assert.True(ModuleLoader.LooksLikeText(System.Text.Encoding.UTF8.GetBytes(text)));

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("\0asm")]
    public void DoesNotLookLikeText(string text) => Assert.False(ModuleLoader.LooksLikeText(System.Text.Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void GarbageNamedWasmIsAMalformedBinary()
    {
        var e = Assert.Throws<WasmException>(() => ModuleLoader.Load(Write("x.wasm", "hello"u8.ToArray())));
        Assert.Contains("magic header not detected", e.Message);
    }

    [Fact]
    public void GarbageNamedWatIsATextDiagnostic()
    {
        var e = Assert.Throws<TextParseException>(() => ModuleLoader.Load(Write("x.wat", "hello"u8.ToArray())));
        Assert.Equal(1, e.Diagnostic.Line);
        Assert.EndsWith("x.wat", e.Diagnostic.Path);
    }

    [Fact]
    public void MalformedTextCarriesThePath()
    {
        var path = Write("broken.wat", "(module\n  (func (result i32)\n    i32.const))"u8.ToArray());
        var e = Assert.Throws<TextParseException>(() => ModuleLoader.Load(path));
        Assert.StartsWith($"{path}:3:", e.Diagnostic.ToString());
    }
}
