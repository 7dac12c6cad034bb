using Whamm.Language.Parsing;
using Whamm.Language.Syntax;
using Whamm.Language.Text;

namespace Whamm.Language.Tests.Parsing;

/// <summary>Tree shapes the precedence table of DECISIONS.md gives.</summary>
public class ExpressionTests
{
    private static string Grouping(string text)
    {
        var (expression, diagnostics) = Parser.ParseExpression(SourceText.From(text));
        Assert.DoesNotContain(diagnostics, d => d.IsError);
        return SyntaxPrinter.Print(expression);
    }

    [Theory]
    [InlineData("a || b && c", "a || (b && c)")]
    [InlineData("a && b || c", "(a && b) || c")]
    [InlineData("a | b ^ c & d", "a | (b ^ (c & d))")]
    [InlineData("a & b == c", "a & (b == c)")]
    [InlineData("a == b < c", "(a == b) < c")]
    [InlineData("a < b << c", "a < (b << c)")]
    [InlineData("a << b + c", "a << (b + c)")]
    [InlineData("a + b * c", "a + (b * c)")]
    [InlineData("a - b - c", "a - b - c")]
    [InlineData("a - b + c", "(a - b) + c")]
    [InlineData("a / b % c", "(a / b) % c")]
    [InlineData("!a == b", "(!a) == b")]
    [InlineData("!a as bool", "!(a as bool)")]
    [InlineData("-a as i64", "-(a as i64)")]
    [InlineData("~a + 1", "(~a) + 1")]
    [InlineData("a as i32 as u8", "(a as i32) as u8")]
    [InlineData("c ? a : b ? d : e", "c ? a : (b ? d : e)")]
    [InlineData("x || y ? 1 : 2", "(x || y) ? 1 : 2")]
    [InlineData("a--1", "a - -1")]
    [InlineData("a - -1", "a - -1")]
    [InlineData("f(a, b)[0]", "f(a, b)[0]")]
    [InlineData("t.0.1", "t.0.1")]
    [InlineData("m[k].0", "m[k].0")]
    [InlineData("s.len() + 1", "s.len() + 1")]
    [InlineData("(a, b, (c, d))", "(a, b, (c, d))")]
    [InlineData("()", "()")]
    [InlineData("@static lib.f(1) as bool", "@static lib.f(1) as bool")]
    public void Precedence_and_associativity(string text, string expected)
        => Assert.Equal(expected, Grouping(text));

    [Fact]
    public void Tuple_index_chain_splits_the_float_token()
    {
        var (expression, _) = Parser.ParseExpression(SourceText.From("t.1.0"));
        var outer = Assert.IsType<FieldAccessExpressionSyntax>(expression);
        Assert.Equal(0, outer.Index);
        Assert.Equal(new TextSpan(4, 1), outer.IndexSpan);
        var inner = Assert.IsType<FieldAccessExpressionSyntax>(outer.Target);
        Assert.Equal(1, inner.Index);
        Assert.Equal(new TextSpan(2, 1), inner.IndexSpan);
        Assert.Equal(new TextSpan(0, 3), inner.Span);
        Assert.Equal(new TextSpan(0, 5), outer.Span);
    }

    [Fact]
    public void Method_call_on_a_tuple_element_is_not_a_float()
    {
        var (expression, diagnostics) = Parser.ParseExpression(SourceText.From("t.0.len()"));
        Assert.Empty(diagnostics);
        var call = Assert.IsType<CallExpressionSyntax>(expression);
        Assert.Equal("len", call.Name.Text);
        Assert.IsType<FieldAccessExpressionSyntax>(call.Receiver);
    }

    [Fact]
    public void Library_calls_keep_annotation_and_receiver()
    {
        var (expression, _) = Parser.ParseExpression(SourceText.From("@static lib.get(1, x)"));
        var call = Assert.IsType<CallExpressionSyntax>(expression);
        Assert.Equal(CallAnnotation.Static, call.Annotation);
        Assert.Equal(new TextSpan(0, 7), call.AnnotationSpan);
        Assert.Equal("lib", Assert.IsType<NameExpressionSyntax>(call.Receiver).Name.Text);
        Assert.Equal(2, call.Arguments.Count);
        Assert.Equal(new TextSpan(0, 21), call.Span);
    }

    [Fact]
    public void Operator_spans_point_at_the_operator()
    {
        var (expression, _) = Parser.ParseExpression(SourceText.From("a  <<  b"));
        var binary = Assert.IsType<BinaryExpressionSyntax>(expression);
        Assert.Equal(new TextSpan(3, 2), binary.OperatorSpan);
        Assert.Equal(new TextSpan(0, 8), binary.Span);
    }

    [Fact]
    public void Map_types_split_closing_shifts()
    {
        var (type, diagnostics) = Parser.ParseType(SourceText.From("map<u32, map<u32, map<u32, u32>>>"));
        Assert.Empty(diagnostics);
        var map = Assert.IsType<MapTypeSyntax>(type);
        var inner = Assert.IsType<MapTypeSyntax>(map.Value);
        Assert.IsType<MapTypeSyntax>(inner.Value);
        Assert.Equal("map<u32, map<u32, map<u32, u32>>>", SyntaxPrinter.Print(type));
    }

    [Fact]
    public void ParseType_accepts_catalogue_types()
    {
        Assert.Equal(PrimitiveTypeKind.Unknown,
            Assert.IsType<PrimitiveTypeSyntax>(Parser.ParseType(SourceText.From("unknown")).Type).Kind);
        Assert.Equal(PrimitiveTypeKind.FuncRef,
            Assert.IsType<PrimitiveTypeSyntax>(Parser.ParseType(SourceText.From("funcref")).Type).Kind);
        Assert.IsType<TupleTypeSyntax>(Parser.ParseType(SourceText.From("(i32, (u8, bool))")).Type);
    }

    [Fact]
    public void Derived_variable_expressions_of_the_catalogue_parse()
    {
        Assert.Equal("(arg0 <= (num_targets - 1)) ? arg0 : num_targets",
            Grouping("arg0 <= (num_targets - 1) ? arg0 : num_targets"));
        Assert.Equal("resolve_funcref(target_funcref, table_entry_idx)", Grouping("resolve_funcref(target_funcref, table_entry_idx)"));
        Assert.Equal("res0 == -1", Grouping("res0 == -1"));
        Assert.Equal("addr + (offset as u32)", Grouping("addr + offset as u32"));
    }

    [Fact]
    public void Trailing_text_after_a_lone_expression_is_reported()
    {
        var (_, diagnostics) = Parser.ParseExpression(SourceText.From("a + b c"));
        Assert.Equal("WH0042", Assert.Single(diagnostics).Id);
    }
}
