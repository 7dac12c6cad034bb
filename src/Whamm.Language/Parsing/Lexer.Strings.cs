using System.Globalization;
using System.Text;
using Whamm.Language.Diagnostics;
using Whamm.Language.Text;

namespace Whamm.Language.Parsing;

internal sealed partial class Lexer
{
    /// <summary>
    /// A string literal with the escapes of §1.2: <c>\n \r \t \" \' \\ \0</c>, <c>\xHH</c> (the char
    /// U+00HH) and <c>\u{H…}</c> (a code point). Raw line breaks are allowed inside. A string that is
    /// never closed ends, for recovery, at the end of the line it starts on.
    /// </summary>
    private Token LexString(int start, List<Diagnostic>? diagnostics)
    {
        var value = new StringBuilder();
        var list = new List<Diagnostic>();
        int pos = start + 1;
        while (pos < text.Length)
        {
            char c = text[pos];
            if (c == '"')
            {
                pos++;
                return Finish(new Token(TokenKind.StringLiteral, TextSpan.FromBounds(start, pos), text[start..pos])
                {
                    StringValue = value.ToString(),
                    Diagnostics = list,
                }, diagnostics);
            }
            if (c == '\\')
            {
                pos = LexEscape(pos, value, list);
                continue;
            }
            value.Append(c);
            pos++;
        }

        // Never closed: end at the end of the opening line so the rest of the file still parses.
        int lineEnd = text.IndexOf('\n', start);
        int end = lineEnd < 0 ? text.Length : lineEnd;
        if (end > start + 1 && text[end - 1] == '\r')
            end--;
        var span = TextSpan.FromBounds(start, end);
        string partial = DecodeQuietly(start + 1, end);
        return Finish(new Token(TokenKind.StringLiteral, span, text[start..end])
        {
            StringValue = partial,
            IsUnterminated = true,
            Diagnostics = [SyntaxDiagnostics.UnterminatedString.Create(source, span)],
        }, diagnostics);
    }

    /// <summary>Decodes the escape at <paramref name="pos"/> (a backslash) into <paramref name="value"/>; returns the position after it.</summary>
    private int LexEscape(int pos, StringBuilder value, List<Diagnostic> list)
    {
        if (pos + 1 >= text.Length)
            return pos + 1; // reported as an unterminated string
        char e = text[pos + 1];
        switch (e)
        {
            case 'n': value.Append('\n'); return pos + 2;
            case 'r': value.Append('\r'); return pos + 2;
            case 't': value.Append('\t'); return pos + 2;
            case '"': value.Append('"'); return pos + 2;
            case '\'': value.Append('\''); return pos + 2;
            case '\\': value.Append('\\'); return pos + 2;
            case '0': value.Append('\0'); return pos + 2;
            case 'x':
            {
                if (pos + 3 < text.Length && HexValue(text[pos + 2]) >= 0 && HexValue(text[pos + 3]) >= 0)
                {
                    value.Append((char)(HexValue(text[pos + 2]) * 16 + HexValue(text[pos + 3])));
                    return pos + 4;
                }
                list.Add(SyntaxDiagnostics.InvalidUnicodeEscape.Create(source, TextSpan.FromBounds(pos, pos + 2),
                    text[pos..(pos + 2)], "`\\x` needs exactly two hexadecimal digits"));
                return pos + 2;
            }
            case 'u':
                return LexUnicodeEscape(pos, value, list);
            default:
            {
                int len = char.IsHighSurrogate(e) && pos + 2 < text.Length ? 3 : 2;
                var span = new TextSpan(pos, len);
                list.Add(SyntaxDiagnostics.InvalidEscape.Create(source, span, text.Substring(pos, len)));
                value.Append(text, pos + 1, len - 1);
                return pos + len;
            }
        }
    }

    private int LexUnicodeEscape(int pos, StringBuilder value, List<Diagnostic> list)
    {
        int p = pos + 2;
        if (p >= text.Length || text[p] != '{')
        {
            list.Add(SyntaxDiagnostics.InvalidUnicodeEscape.Create(source, new TextSpan(pos, 2), "\\u", "expected `{` and hexadecimal digits: `\\u{1F600}`"));
            return pos + 2;
        }
        int digitsStart = ++p;
        while (p < text.Length && HexValue(text[p]) >= 0 && p - digitsStart < 8)
            p++;
        int digitsEnd = p;
        bool closed = p < text.Length && text[p] == '}';
        int end = closed ? p + 1 : p;
        var span = TextSpan.FromBounds(pos, end);
        string written = text[pos..end];
        if (!closed)
        {
            list.Add(SyntaxDiagnostics.InvalidUnicodeEscape.Create(source, span, written, "expected hexadecimal digits and a closing `}`"));
            return end;
        }
        int count = digitsEnd - digitsStart;
        if (count == 0 || count > 6
            || !int.TryParse(text.AsSpan(digitsStart, count), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int cp)
            || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        {
            list.Add(SyntaxDiagnostics.InvalidUnicodeEscape.Create(source, span, written, "not a Unicode scalar value (1 to 6 hexadecimal digits, at most 10FFFF, no surrogates)"));
            return end;
        }
        value.Append(char.ConvertFromUtf32(cp));
        return end;
    }

    /// <summary>The decoded text between <paramref name="start"/> and <paramref name="end"/>, escapes errors ignored (used for an unterminated string).</summary>
    private string DecodeQuietly(int start, int end)
    {
        var value = new StringBuilder();
        var ignored = new List<Diagnostic>();
        int pos = start;
        while (pos < end)
        {
            if (text[pos] == '\\' && pos + 1 < end)
            {
                pos = LexEscape(pos, value, ignored);
                continue;
            }
            value.Append(text[pos]);
            pos++;
        }
        return value.ToString();
    }
}
