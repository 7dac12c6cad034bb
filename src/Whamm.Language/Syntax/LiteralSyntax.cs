using System.Numerics;
using Whamm.Language.Text;

namespace Whamm.Language.Syntax;

/// <summary>The base a literal integer was written in.</summary>
public enum IntegerBase
{
    /// <summary>Decimal, possibly negative (<c>-10</c>, <c>1_000</c>).</summary>
    Decimal,
    /// <summary><c>0x…</c>, an unsigned magnitude.</summary>
    Hexadecimal,
    /// <summary><c>0b…</c>, an unsigned magnitude.</summary>
    Binary,
}

/// <summary>
/// An integer literal. Hex and binary are unsigned magnitudes (<c>0xFFFFFFFF</c> is 4294967295); a
/// decimal literal may carry its own minus sign (<c>-10</c>). Magnitudes up to <see cref="ulong.MaxValue"/>
/// are accepted; the literal's type comes from context in the type checker.
/// </summary>
/// <param name="Span">The source range, including a leading <c>-</c>.</param>
/// <param name="Text">The literal as written.</param>
/// <param name="Magnitude">The absolute value (underscores ignored).</param>
/// <param name="IsNegative">True for a negative decimal literal.</param>
/// <param name="Base">The base it was written in.</param>
public sealed record IntegerLiteralSyntax(TextSpan Span, string Text, ulong Magnitude, bool IsNegative, IntegerBase Base)
    : ExpressionSyntax(Span)
{
    /// <summary>The signed value (−2^64 &lt; value &lt; 2^64).</summary>
    public BigInteger Value => IsNegative ? -new BigInteger(Magnitude) : new BigInteger(Magnitude);
}

/// <summary>Which float type a literal has: <c>f32</c> when it parses to a finite <c>f32</c>, otherwise <c>f64</c>.</summary>
public enum FloatLiteralType
{
    /// <summary>Parses to a finite <c>f32</c>.</summary>
    F32,
    /// <summary>Too large for <c>f32</c>, or <c>inf</c>/<c>NaN</c>.</summary>
    F64,
}

/// <summary>A float literal: <c>0.25</c>, <c>9.</c>, <c>-3.0e22</c>, <c>6E1</c>, <c>inf</c>, <c>-infinity</c>, <c>NaN</c>.</summary>
/// <param name="Span">The source range, including a leading <c>-</c>.</param>
/// <param name="Text">The literal as written.</param>
/// <param name="Value">The value parsed as <c>f64</c> (correctly rounded).</param>
/// <param name="SingleValue">The value parsed directly as <c>f32</c> (correctly rounded; may be infinite).</param>
/// <param name="Type">Its type, by the rule of Whamm 1.0.</param>
public sealed record FloatLiteralSyntax(TextSpan Span, string Text, double Value, float SingleValue, FloatLiteralType Type)
    : ExpressionSyntax(Span);

/// <summary><c>true</c> or <c>false</c>.</summary>
/// <param name="Span">The source range.</param>
/// <param name="Value">The value.</param>
public sealed record BooleanLiteralSyntax(TextSpan Span, bool Value) : ExpressionSyntax(Span);

/// <summary>A string literal with its escapes decoded (<c>\xHH</c> gives the character U+00HH).</summary>
/// <param name="Span">The source range, quotes included.</param>
/// <param name="Text">The literal as written, quotes included.</param>
/// <param name="Value">The decoded contents.</param>
public sealed record StringLiteralSyntax(TextSpan Span, string Text, string Value) : ExpressionSyntax(Span);
