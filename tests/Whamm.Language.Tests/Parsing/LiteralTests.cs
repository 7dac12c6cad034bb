using Whamm.Language.Parsing;
using Whamm.Language.Syntax;
using Whamm.Language.Text;

namespace Whamm.Language.Tests.Parsing;

/// <summary>The exact literal semantics of reference §1.2.</summary>
public class LiteralTests
{
    private static ExpressionSyntax Expr(string text)
    {
        var (expression, diagnostics) = Parser.ParseExpression(SourceText.From(text));
        Assert.Empty(diagnostics);
        return expression;
    }

    [Theory]
    [InlineData("0", 0UL, false, IntegerBase.Decimal)]
    [InlineData("7", 7UL, false, IntegerBase.Decimal)]
    [InlineData("1_000_000", 1000000UL, false, IntegerBase.Decimal)]
    [InlineData("-10", 10UL, true, IntegerBase.Decimal)]
    [InlineData("18446744073709551615", ulong.MaxValue, false, IntegerBase.Decimal)]
    [InlineData("-9223372036854775808", 9223372036854775808UL, true, IntegerBase.Decimal)]
    [InlineData("0xFFFFFFFF", 4294967295UL, false, IntegerBase.Hexadecimal)]
    [InlineData("0Xdead_BEEF", 0xDEADBEEFUL, false, IntegerBase.Hexadecimal)]
    [InlineData("0xFFFF_FFFF_FFFF_FFFF", ulong.MaxValue, false, IntegerBase.Hexadecimal)]
    [InlineData("0b1010", 10UL, false, IntegerBase.Binary)]
    [InlineData("0B1111_0000", 240UL, false, IntegerBase.Binary)]
    public void Integer_literals(string text, ulong magnitude, bool negative, IntegerBase @base)
    {
        var literal = Assert.IsType<IntegerLiteralSyntax>(Expr(text));
        Assert.Equal(magnitude, literal.Magnitude);
        Assert.Equal(negative, literal.IsNegative);
        Assert.Equal(@base, literal.Base);
        Assert.Equal(text, literal.Text);
        Assert.Equal(new TextSpan(0, text.Length), literal.Span);
    }

    [Fact]
    public void Hex_literals_are_unsigned_magnitudes_and_minus_before_hex_is_negation()
    {
        var negated = Assert.IsType<UnaryExpressionSyntax>(Expr("-0x10"));
        Assert.Equal(UnaryOperator.Negate, negated.Operator);
        Assert.Equal(16UL, Assert.IsType<IntegerLiteralSyntax>(negated.Operand).Magnitude);
    }

    [Fact]
    public void Minus_folds_into_a_literal_only_when_touching_it()
    {
        Assert.IsType<IntegerLiteralSyntax>(Expr("-5"));
        Assert.IsType<UnaryExpressionSyntax>(Expr("- 5"));
        var sub = Assert.IsType<BinaryExpressionSyntax>(Expr("x -5"));
        Assert.Equal(BinaryOperator.Subtract, sub.Operator);
        var cast = Assert.IsType<CastExpressionSyntax>(Expr("-10 as u8"));
        Assert.True(Assert.IsType<IntegerLiteralSyntax>(cast.Operand).IsNegative);
    }

    [Theory]
    [InlineData("0.25", 0.25, FloatLiteralType.F32)]
    [InlineData("9.", 9.0, FloatLiteralType.F32)]
    [InlineData("6E1", 60.0, FloatLiteralType.F32)]
    [InlineData("-3.0e22", -3.0e22, FloatLiteralType.F32)]
    [InlineData("1_000.5", 1000.5, FloatLiteralType.F32)]
    [InlineData("1.e5", 1e5, FloatLiteralType.F32)]
    [InlineData("3.4028235e38", 3.4028235e38, FloatLiteralType.F32)]
    [InlineData("3.5e38", 3.5e38, FloatLiteralType.F64)]
    [InlineData("-6E41", -6e41, FloatLiteralType.F64)]
    [InlineData("1.7976931348623157e308", double.MaxValue, FloatLiteralType.F64)]
    public void Float_literals_are_f32_when_finite_as_f32(string text, double value, FloatLiteralType type)
    {
        var literal = Assert.IsType<FloatLiteralSyntax>(Expr(text));
        Assert.Equal(value, literal.Value);
        Assert.Equal(type, literal.Type);
        Assert.Equal(text, literal.Text);
    }

    [Fact]
    public void Single_value_is_rounded_directly_from_the_text()
    {
        var literal = Assert.IsType<FloatLiteralSyntax>(Expr("0.1"));
        Assert.Equal(0.1f, literal.SingleValue);
        Assert.Equal(0.1, literal.Value);
    }

    [Theory]
    [InlineData("inf", double.PositiveInfinity)]
    [InlineData("INFINITY", double.PositiveInfinity)]
    [InlineData("-Inf", double.NegativeInfinity)]
    [InlineData("-infinity", double.NegativeInfinity)]
    public void Infinities_are_f64_literals(string text, double value)
    {
        var literal = Assert.IsType<FloatLiteralSyntax>(Expr(text));
        Assert.Equal(value, literal.Value);
        Assert.Equal(FloatLiteralType.F64, literal.Type);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("nan")]
    [InlineData("-NAN")]
    public void NaN_is_an_f64_literal(string text)
    {
        var literal = Assert.IsType<FloatLiteralSyntax>(Expr(text));
        Assert.True(double.IsNaN(literal.Value));
        Assert.Equal(FloatLiteralType.F64, literal.Type);
    }

    [Fact]
    public void Words_merely_starting_with_inf_or_nan_are_names()
    {
        Assert.IsType<NameExpressionSyntax>(Expr("information"));
        Assert.IsType<NameExpressionSyntax>(Expr("nano"));
    }

    [Theory]
    [InlineData(@"""plain""", "plain")]
    [InlineData(@"""a\nb\rc\td""", "a\nb\rc\td")]
    [InlineData(@"""\""\'\\\0""", "\"'\\\0")]
    [InlineData(@"""\x41\xff""", "A\u00ff")]
    [InlineData(@"""\u{1F600}\u{e9}""", "\U0001F600\u00e9")]
    [InlineData("\"h\u00e9llo\"", "h\u00e9llo")]
    [InlineData("\"two\nlines\"", "two\nlines")]
    public void String_escapes_decode(string text, string value)
    {
        var literal = Assert.IsType<StringLiteralSyntax>(Expr(text));
        Assert.Equal(value, literal.Value);
        Assert.Equal(text, literal.Text);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void Booleans(string text, bool value) =>
        Assert.Equal(value, Assert.IsType<BooleanLiteralSyntax>(Expr(text)).Value);

    [Theory]
    [InlineData("0x", "WH0005")]
    [InlineData("0b2", "WH0005")]
    [InlineData("12ab", "WH0005")]
    [InlineData("18446744073709551616", "WH0006")]
    [InlineData("-9223372036854775809", "WH0006")]
    [InlineData("007", "WH0007")]
    [InlineData(@"""\q""", "WH0003")]
    [InlineData(@"""\u{110000}""", "WH0008")]
    [InlineData("\"open", "WH0002")]
    public void Malformed_literals_are_reported(string text, string id)
    {
        var (_, diagnostics) = Parser.ParseExpression(SourceText.From(text));
        Assert.Contains(diagnostics, d => d.Id == id);
    }
}
