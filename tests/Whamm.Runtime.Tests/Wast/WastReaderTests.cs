using Whamm.Runtime.Text;
using Whamm.Runtime.Wast;

namespace Whamm.Runtime.Tests.Wast;

public class WastReaderTests
{
    [Fact]
    public void CommentsAreKeptWithTheirPositions()
    {
        var script = WastScript.Parse(";; first\n(module) (; block\n comment ;)\n  ;; @instrument\n(invoke \"f\")\n", "s.wast");
        Assert.Equal(
            [(";; first", 1, 1), ("(; block\n comment ;)", 2, 10), (";; @instrument", 4, 3)],
            script.Comments.Select(c => (c.Text, c.Start.Line, c.Start.Column)));
        Assert.Equal(WastCommentKind.Block, script.Comments[1].Kind);
        Assert.Equal("@instrument", script.Comments[2].Body);
    }

    [Fact]
    public void WhammAnnotationsPrecedeTheirCommands()
    {
        var script = WastScript.Load(Path.Combine(TestFiles.WastDir, "whamm-style.wast"));
        var app = Assert.IsType<WastModule>(script.Commands[0]);
        Assert.Contains(app.LeadingComments, c => c.Body == "@instrument");
        var asserts = script.Commands.OfType<AssertReturn>().ToList();
        Assert.Equal(2, asserts.Count);
        Assert.Equal(
            "WHAMM --> var count: i32; wasm:opcode:call:before { count++; }",
            asserts[0].LeadingComments.Single(c => c.Body.StartsWith("WHAMM -->", StringComparison.Ordinal)).Body);
        Assert.Contains(asserts[1].LeadingComments, c => c.Body == "@passes_uninstr");
        // A comment after a command on its line trails it, and leads nothing.
        Assert.Equal("the start function ran once", asserts[1].TrailingComments.Single().Body);
        Assert.DoesNotContain(asserts[1].LeadingComments, c => c.Body == "the start function ran once");
    }

    [Fact]
    public void TrailingCommentsStayWithTheirCommand()
    {
        var script = WastScript.Parse("(module) ;; the app\n;; next\n(invoke \"f\") ;; why\n(invoke \"g\")", "t.wast");
        Assert.Equal(["the app"], script.Commands[0].TrailingComments.Select(c => c.Body));
        Assert.Equal(["next"], script.Commands[1].LeadingComments.Select(c => c.Body));
        Assert.Equal(["why"], script.Commands[1].TrailingComments.Select(c => c.Body));
        Assert.Empty(script.Commands[2].LeadingComments);
    }

    [Fact]
    public void CommandsAreParsed()
    {
        var script = WastScript.Parse("""
            (module $M (func (export "f") (param i32) (result i32) local.get 0))
            (register "m" $M)
            (assert_return (invoke $M "f" (i32.const -1)) (i32.const 0xffffffff))
            (assert_return (invoke "g" (f32.const 0x1p-1) (ref.null extern) (ref.extern 3)) (f32.const nan:arithmetic) (ref.func))
            (assert_trap (invoke "f" (i32.const 0)) "unreachable")
            (assert_malformed (module quote "(func" ")") "unexpected end")
            (module binary "\00asm\01\00\00\00")
            (get "g")
            """, "c.wast");
        Assert.Equal(["module", "register", "assert_return", "assert_return", "assert_trap", "assert_malformed", "module", "get"],
            script.Commands.Select(c => c.Keyword));
        var module = (WastModule)script.Commands[0];
        Assert.Equal(("$M", WastModuleKind.Text), (module.Name, module.Kind));
        Assert.StartsWith("(module $M (func", module.Text);
        var invoke = (WastInvoke)((AssertReturn)script.Commands[2]).Action;
        Assert.Equal(("$M", "f", 0xFFFF_FFFFUL), (invoke.ModuleName, invoke.Field, invoke.Arguments[0].Bits));
        var second = (AssertReturn)script.Commands[3];
        Assert.Equal(0x3F00_0000UL, ((WastInvoke)second.Action).Arguments[0].Bits);
        Assert.IsType<ExpectNan>(second.Expected[0]);
        Assert.IsType<ExpectAnyReference>(second.Expected[1]);
        Assert.Equal("(func)", ((AssertModule)script.Commands[5]).Module.Text);
        Assert.Equal(8, ((WastModule)script.Commands[6]).Bytes!.Length);
        Assert.Equal(3, script.Commands[2].Start.Line);
    }

    [Theory]
    [InlineData("(module", 1, 1, "unclosed")]
    [InlineData("(assert_return (invoke \"f\") (i32.const x))", 1, 40, "malformed i32.const literal")]
    [InlineData("\n  (frobnicate)", 2, 4, "unknown or unsupported command")]
    [InlineData("(invoke \"f\" (i32.const 1)\n \"unterminated)", 2, 2, "unterminated string")]
    [InlineData(")", 1, 1, "unexpected ')'")]
    public void MalformedScriptsGiveLineAndColumn(string text, int line, int column, string message)
    {
        var e = Assert.Throws<TextParseException>(() => WastScript.Parse(text, "bad.wast"));
        Assert.Equal((line, column), (e.Diagnostic.Line, e.Diagnostic.Column));
        Assert.Contains(message, e.Diagnostic.Message);
        Assert.StartsWith($"bad.wast:{line}:{column}: error: ", e.Diagnostic.ToString());
    }
}
