using System.Text;
using Whamm.Runtime.Text;

namespace Whamm.Runtime.Tests.Text;

public class WatParserTests
{
    [Fact]
    public void ParsesTextToTheSameBinaryAsConvertText()
    {
        const string wat = "(module (func (export \"f\") (result i32) i32.const 1))";
        Assert.Equal(Wasmtime.Module.ConvertText(wat), WatParser.Instance.Parse(wat));
    }

    [Fact]
    public void EmptyTextIsADiagnosticNotACrash()
    {
        var e = Assert.Throws<TextParseException>(() => WatParser.Instance.Parse("", "empty.wat"));
        Assert.Equal("empty.wat:1:1: error: expected at least one module field", e.Diagnostic.ToString());
    }

    [Fact]
    public void AcceptsAByteOrderMark()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat("(module)"u8.ToArray()).ToArray();
        Assert.Equal(8, WatParser.Instance.Parse(bytes).Length);
    }

    [Fact]
    public void SyntaxErrorHasFileLineColumnAndCaret()
    {
        const string wat = "(module\n  (func $f\n    i32.const 1\n    i32.frob))\n";
        var e = Assert.Throws<TextParseException>(() => WatParser.Instance.Parse(wat, "app.wat"));
        var d = e.Diagnostic;
        Assert.Equal(("app.wat", 4, 5), (d.Path, d.Line, d.Column));
        Assert.Equal(TextDiagnosticCodes.Syntax, d.Code);
        Assert.StartsWith("app.wat:4:5: error: ", d.ToString());
        Assert.Contains("unknown operator", d.Message);
        Assert.Equal("    i32.frob))", d.SourceLine);
        var rendered = d.Render().Split('\n');
        Assert.Equal("4 |     i32.frob))", rendered[2]);
        Assert.Equal("  |     ^", rendered[3]);
    }

    [Fact]
    public void UnclosedModuleReportsTheEnd()
    {
        var e = Assert.Throws<TextParseException>(() => WatParser.Instance.Parse("(module (func (result i32)", "x.wat"));
        Assert.Equal((1, 27), (e.Diagnostic.Line, e.Diagnostic.Column));
    }

    [Fact]
    public void UnknownIdentifierIsADiagnosticToo()
    {
        var e = Assert.Throws<TextParseException>(() => WatParser.Instance.Parse("(module\n (func call $nowhere))", "x.wat"));
        Assert.Equal(2, e.Diagnostic.Line);
        Assert.Contains("nowhere", e.Diagnostic.Message);
    }

    [Fact]
    public void InvalidUtf8IsReportedWhereItIs()
    {
        var bytes = "(module\n  ;; caf"u8.ToArray().Concat(new byte[] { 0xC3, 0x28 }).Concat("\n)"u8.ToArray()).ToArray();
        var e = Assert.Throws<TextParseException>(() => WatParser.Instance.Parse(bytes, "bad.wat"));
        Assert.Equal(TextDiagnosticCodes.Encoding, e.Diagnostic.Code);
        Assert.Equal((2, 9), (e.Diagnostic.Line, e.Diagnostic.Column));
        Assert.StartsWith("bad.wat:2:9: error: malformed UTF-8", e.Diagnostic.ToString());
    }

    [Theory]
    [InlineData("(module (func (param i32) (result i32) local.get 0 i32.const 1 i32.add))")]
    [InlineData("(module (type $s (struct (field i32))) (func (result (ref $s)) i32.const 1 struct.new $s))")]
    [InlineData("(module (func (result v128) v128.const i32x4 1 2 3 4))")]
    [InlineData("(module (tag $e) (func try_table (catch_all 0) throw $e end))")]
    public void EveryProposalParses(string wat) => Assert.NotEmpty(WatParser.Instance.Parse(wat));
}
