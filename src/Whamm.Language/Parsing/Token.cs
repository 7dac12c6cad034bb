using Whamm.Language.Diagnostics;
using Whamm.Language.Syntax;
using Whamm.Language.Text;

namespace Whamm.Language.Parsing;

/// <summary>
/// One token of the normal lexer mode. Literal tokens carry their decoded value. Diagnostics found
/// while lexing the token (and its leading trivia) travel with it and are reported only when the
/// parser consumes it, so re-lexing text in another mode never reports twice.
/// </summary>
internal sealed class Token(TokenKind kind, TextSpan span, string text)
{
    public TokenKind Kind { get; } = kind;

    public TextSpan Span { get; } = span;

    public int Start => Span.Start;

    public int End => Span.End;

    /// <summary>The token's text (for a bad token, the offending characters).</summary>
    public string Text { get; } = text;

    /// <summary>The magnitude of an integer literal.</summary>
    public ulong IntegerValue { get; init; }

    /// <summary>The base of an integer literal.</summary>
    public IntegerBase IntegerBase { get; init; }

    /// <summary>The value of a float literal parsed as <c>f64</c>.</summary>
    public double FloatValue { get; init; }

    /// <summary>The value of a float literal parsed as <c>f32</c>.</summary>
    public float SingleValue { get; init; }

    /// <summary>The decoded contents of a string literal.</summary>
    public string? StringValue { get; init; }

    /// <summary>True for a string literal whose closing quote is missing (it ends at the end of its line).</summary>
    public bool IsUnterminated { get; init; }

    /// <summary>Lexical errors of this token and the trivia before it.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    public override string ToString() => $"{Kind} '{Text}' {Span}";
}
