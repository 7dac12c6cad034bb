using System.Globalization;
using Whamm.Language.Diagnostics;
using Whamm.Language.Text;

namespace Whamm.Language.Parsing;

/// <summary>
/// The hand-written lexer. It is position-based and stateless: <see cref="Lex"/> returns the token
/// starting at (or after the trivia at) a position, so the parser can switch to the probe-rule mode
/// (<see cref="ScanProbeId"/>, Whamm's <c>PROBE_ID</c> token class) and back at any offset.
/// Trivia: spaces, tabs, line breaks, <c>// …</c> and nesting <c>/* … */</c> comments.
/// </summary>
internal sealed partial class Lexer(SourceText source)
{
    private readonly string text = source.Text;

    public SourceText Source => source;

    /// <summary>The token after the trivia at <paramref name="position"/>.</summary>
    public Token Lex(int position)
    {
        List<Diagnostic>? diagnostics = null;
        int start = SkipTrivia(position, ref diagnostics);
        if (start >= text.Length)
            return Finish(new Token(TokenKind.EndOfFile, new TextSpan(text.Length, 0), ""), diagnostics);

        char c = text[start];
        if (IsIdentifierStart(c))
            return Finish(LexWord(start), diagnostics);
        if (char.IsAsciiDigit(c))
            return LexNumber(start, diagnostics);
        if (c == '"')
            return LexString(start, diagnostics);
        if (c == '@')
            return LexAnnotation(start, diagnostics);

        var (kind, length) = LexPunctuation(start);
        if (kind == TokenKind.BadToken)
        {
            int len = char.IsHighSurrogate(c) && start + 1 < text.Length && char.IsLowSurrogate(text[start + 1]) ? 2 : 1;
            var span = new TextSpan(start, len);
            (diagnostics ??= []).Add(SyntaxDiagnostics.UnexpectedCharacter.Create(source, span, DescribeCharacter(text.Substring(start, len))));
            return Finish(new Token(TokenKind.BadToken, span, text.Substring(start, len)), diagnostics);
        }
        return Finish(new Token(kind, new TextSpan(start, length), text.Substring(start, length)), diagnostics);
    }

    /// <summary>The position after the whitespace and comments at <paramref name="position"/>; an unterminated block comment is reported into <paramref name="diagnostics"/>.</summary>
    public int SkipTrivia(int position, ref List<Diagnostic>? diagnostics)
    {
        int pos = position;
        while (pos < text.Length)
        {
            char c = text[pos];
            if (c is ' ' or '\t' or '\n' or '\r' || (c == '\uFEFF' && pos == 0))
            {
                pos++;
            }
            else if (c == '/' && pos + 1 < text.Length && text[pos + 1] == '/')
            {
                while (pos < text.Length && text[pos] != '\n')
                    pos++;
            }
            else if (c == '/' && pos + 1 < text.Length && text[pos + 1] == '*')
            {
                int end = SkipBlockComment(pos);
                if (end < 0)
                {
                    (diagnostics ??= []).Add(SyntaxDiagnostics.UnterminatedComment.Create(source, new TextSpan(pos, 2)));
                    return text.Length;
                }
                pos = end;
            }
            else
            {
                break;
            }
        }
        return pos;
    }

    /// <summary>The position after the nested block comment starting at <paramref name="start"/>, or -1 when it is not closed.</summary>
    private int SkipBlockComment(int start, int limit = int.MaxValue)
    {
        int depth = 0;
        int pos = start;
        int end = Math.Min(limit, text.Length);
        while (pos + 1 < end)
        {
            if (text[pos] == '/' && text[pos + 1] == '*')
            {
                depth++;
                pos += 2;
            }
            else if (text[pos] == '*' && text[pos + 1] == '/')
            {
                depth--;
                pos += 2;
                if (depth == 0)
                    return pos;
            }
            else
            {
                pos++;
            }
        }
        return -1;
    }

    private Token LexWord(int start)
    {
        int pos = start + 1;
        while (pos < text.Length && IsIdentifierPart(text[pos]))
            pos++;
        var span = TextSpan.FromBounds(start, pos);
        string word = text.Substring(start, pos - start);
        if (IsFloatWord(word))
        {
            bool nan = word.Equals("nan", StringComparison.OrdinalIgnoreCase);
            return new Token(TokenKind.FloatLiteral, span, word)
            {
                FloatValue = nan ? double.NaN : double.PositiveInfinity,
                SingleValue = nan ? float.NaN : float.PositiveInfinity,
            };
        }
        return new Token(KeywordKind(word), span, word);
    }

    private Token LexAnnotation(int start, List<Diagnostic>? diagnostics)
    {
        int pos = start + 1;
        if (pos >= text.Length || !IsIdentifierStart(text[pos]))
        {
            // `@ static`: report the space, but read the annotation so the call still parses.
            int name = pos;
            while (name < text.Length && text[name] is ' ' or '\t')
                name++;
            var span = new TextSpan(start, 1);
            (diagnostics ??= []).Add(SyntaxDiagnostics.MissingAnnotationName.Create(source, span));
            if (name == pos || name >= text.Length || !IsIdentifierStart(text[name]))
                return Finish(new Token(TokenKind.BadToken, span, "@"), diagnostics);
            int nameEnd = name;
            while (nameEnd < text.Length && IsIdentifierPart(text[nameEnd]))
                nameEnd++;
            return Finish(new Token(TokenKind.Annotation, TextSpan.FromBounds(start, nameEnd), "@" + text[name..nameEnd]), diagnostics);
        }
        while (pos < text.Length && IsIdentifierPart(text[pos]))
            pos++;
        return Finish(new Token(TokenKind.Annotation, TextSpan.FromBounds(start, pos), text[start..pos]), diagnostics);
    }

    private (TokenKind Kind, int Length) LexPunctuation(int pos)
    {
        char c = text[pos];
        char n = pos + 1 < text.Length ? text[pos + 1] : '\0';
        return c switch
        {
            '{' => (TokenKind.OpenBrace, 1),
            '}' => (TokenKind.CloseBrace, 1),
            '(' => (TokenKind.OpenParen, 1),
            ')' => (TokenKind.CloseParen, 1),
            '[' => (TokenKind.OpenBracket, 1),
            ']' => (TokenKind.CloseBracket, 1),
            ',' => (TokenKind.Comma, 1),
            ';' => (TokenKind.Semicolon, 1),
            ':' => (TokenKind.Colon, 1),
            '.' => (TokenKind.Dot, 1),
            '?' => (TokenKind.Question, 1),
            '~' => (TokenKind.Tilde, 1),
            '^' => (TokenKind.Caret, 1),
            '%' => (TokenKind.Percent, 1),
            '*' => (TokenKind.Star, 1),
            '/' => (TokenKind.Slash, 1),
            '=' => n == '=' ? (TokenKind.EqualsEquals, 2) : (TokenKind.Equals, 1),
            '!' => n == '=' ? (TokenKind.BangEquals, 2) : (TokenKind.Bang, 1),
            '<' => n == '=' ? (TokenKind.LessEquals, 2) : n == '<' ? (TokenKind.LessLess, 2) : (TokenKind.Less, 1),
            '>' => n == '=' ? (TokenKind.GreaterEquals, 2) : n == '>' ? (TokenKind.GreaterGreater, 2) : (TokenKind.Greater, 1),
            '+' => n == '+' ? (TokenKind.PlusPlus, 2) : (TokenKind.Plus, 1),
            '-' => n == '-' ? (TokenKind.MinusMinus, 2) : n == '>' ? (TokenKind.Arrow, 2) : (TokenKind.Minus, 1),
            '&' => n == '&' ? (TokenKind.AmpersandAmpersand, 2) : (TokenKind.Ampersand, 1),
            '|' => n == '|' ? (TokenKind.BarBar, 2) : (TokenKind.Bar, 1),
            _ => (TokenKind.BadToken, 1),
        };
    }

    private static Token Finish(Token token, List<Diagnostic>? diagnostics) =>
        diagnostics is null ? token : new Token(token.Kind, token.Span, token.Text)
        {
            IntegerValue = token.IntegerValue,
            IntegerBase = token.IntegerBase,
            FloatValue = token.FloatValue,
            SingleValue = token.SingleValue,
            StringValue = token.StringValue,
            IsUnterminated = token.IsUnterminated,
            Diagnostics = [.. diagnostics, .. token.Diagnostics],
        };

    /// <summary><c>inf</c>, <c>infinity</c> and <c>NaN</c>, case-insensitive, are float literals.</summary>
    private static bool IsFloatWord(string word) =>
        word.Equals("inf", StringComparison.OrdinalIgnoreCase)
        || word.Equals("infinity", StringComparison.OrdinalIgnoreCase)
        || word.Equals("nan", StringComparison.OrdinalIgnoreCase);

    private static TokenKind KeywordKind(string word) => word switch
    {
        "use" => TokenKind.UseKeyword,
        "fn" => TokenKind.FnKeyword,
        "var" => TokenKind.VarKeyword,
        "report" => TokenKind.ReportKeyword,
        "unshared" => TokenKind.UnsharedKeyword,
        "if" => TokenKind.IfKeyword,
        "elif" => TokenKind.ElifKeyword,
        "else" => TokenKind.ElseKeyword,
        "return" => TokenKind.ReturnKeyword,
        "while" => TokenKind.WhileKeyword,
        "as" => TokenKind.AsKeyword,
        "true" => TokenKind.TrueKeyword,
        "false" => TokenKind.FalseKeyword,
        "map" => TokenKind.MapKeyword,
        _ => TokenKind.Identifier,
    };

    internal static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_';

    internal static bool IsIdentifierPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static string DescribeCharacter(string s)
    {
        int cp = char.ConvertToUtf32(s, 0);
        bool printable = !char.IsControl(s[0]) && !char.IsWhiteSpace(s, 0) && cp != 0xFEFF;
        string code = "U+" + cp.ToString("X4", CultureInfo.InvariantCulture);
        return printable ? $"'{s}' ({code})" : code;
    }
}
