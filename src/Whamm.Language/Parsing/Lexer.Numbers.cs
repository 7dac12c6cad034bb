using System.Globalization;
using Whamm.Language.Diagnostics;
using Whamm.Language.Syntax;
using Whamm.Language.Text;

namespace Whamm.Language.Parsing;

internal sealed partial class Lexer
{
    /// <summary>
    /// Integer and float literals (§1.2): decimal <c>1_000</c>, hex <c>0xFF</c>, binary <c>0b1010</c>
    /// (underscores ignored, values up to u64::MAX, hex/binary unsigned), floats <c>9.</c>, <c>0.25</c>,
    /// <c>6E1</c>, <c>3.0e-22</c>. A <c>.</c> followed by a letter is not part of the number
    /// (<c>t.0.len()</c>, <c>1.max</c>) unless it starts an exponent (<c>1.e5</c>). Any letters or
    /// digits glued to the literal are part of it and make it invalid (<c>12abc</c>).
    /// </summary>
    private Token LexNumber(int start, List<Diagnostic>? diagnostics)
    {
        if (text[start] == '0' && start + 1 < text.Length && text[start + 1] is 'x' or 'X' or 'b' or 'B')
            return LexRadixNumber(start, diagnostics);

        int pos = ScanDigits(start);
        bool isFloat = false;
        if (pos < text.Length && text[pos] == '.')
        {
            char after = pos + 1 < text.Length ? text[pos + 1] : '\0';
            if (!(IsIdentifierStart(after) || after == '.') || IsExponentAt(pos + 1))
            {
                isFloat = true;
                pos = ScanDigits(pos + 1);
            }
        }
        if (IsExponentAt(pos))
        {
            isFloat = true;
            pos++;
            if (text[pos] is '+' or '-')
                pos++;
            pos = ScanDigits(pos);
        }
        int literalEnd = pos;
        while (pos < text.Length && IsIdentifierPart(text[pos]))
            pos++;

        var span = TextSpan.FromBounds(start, pos);
        string raw = text[start..pos];
        if (pos > literalEnd)
        {
            string why = $"`{text[literalEnd..pos]}` is not part of a number";
            return Finish(new Token(isFloat ? TokenKind.FloatLiteral : TokenKind.IntegerLiteral, span, raw)
            {
                Diagnostics = [SyntaxDiagnostics.InvalidNumber.Create(source, span, raw, why)],
            }, diagnostics);
        }
        string clean = raw.Replace("_", "", StringComparison.Ordinal);
        if (isFloat)
        {
            return Finish(new Token(TokenKind.FloatLiteral, span, raw)
            {
                FloatValue = double.Parse(clean, NumberStyles.Float, CultureInfo.InvariantCulture),
                SingleValue = float.Parse(clean, NumberStyles.Float, CultureInfo.InvariantCulture),
            }, diagnostics);
        }

        var list = new List<Diagnostic>();
        if (!ulong.TryParse(clean, NumberStyles.None, CultureInfo.InvariantCulture, out ulong value))
        {
            list.Add(SyntaxDiagnostics.IntegerOutOfRange.Create(source, span, raw, "the largest integer literal is 18446744073709551615 (u64::MAX)"));
        }
        else if (clean.Length > 1 && clean[0] == '0')
        {
            list.Add(SyntaxDiagnostics.LeadingZero.Create(source, span, raw, value.ToString(CultureInfo.InvariantCulture)));
        }
        return Finish(new Token(TokenKind.IntegerLiteral, span, raw)
        {
            IntegerValue = value,
            IntegerBase = IntegerBase.Decimal,
            Diagnostics = list,
        }, diagnostics);
    }

    private Token LexRadixNumber(int start, List<Diagnostic>? diagnostics)
    {
        bool hex = text[start + 1] is 'x' or 'X';
        int radix = hex ? 16 : 2;
        int pos = start + 2;
        ulong value = 0;
        bool overflow = false, anyDigit = false;
        string? badDigit = null;
        while (pos < text.Length && IsIdentifierPart(text[pos]))
        {
            char c = text[pos];
            if (c != '_')
            {
                int digit = HexValue(c);
                if (digit < 0 || digit >= radix)
                {
                    badDigit ??= c.ToString();
                }
                else
                {
                    anyDigit = true;
                    if (value > (ulong.MaxValue - (ulong)digit) / (ulong)radix)
                        overflow = true;
                    else
                        value = value * (ulong)radix + (ulong)digit;
                }
            }
            pos++;
        }
        var span = TextSpan.FromBounds(start, pos);
        string raw = text[start..pos];
        var list = new List<Diagnostic>();
        string kind = hex ? "hexadecimal" : "binary";
        if (badDigit is not null)
            list.Add(SyntaxDiagnostics.InvalidNumber.Create(source, span, raw, $"`{badDigit}` is not a {kind} digit"));
        else if (!anyDigit)
            list.Add(SyntaxDiagnostics.InvalidNumber.Create(source, span, raw, $"a {kind} literal needs at least one digit after `{raw[..2]}`"));
        else if (overflow)
            list.Add(SyntaxDiagnostics.IntegerOutOfRange.Create(source, span, raw, "the largest integer literal is 0xFFFF_FFFF_FFFF_FFFF (u64::MAX)"));
        return Finish(new Token(TokenKind.IntegerLiteral, span, raw)
        {
            IntegerValue = value,
            IntegerBase = hex ? IntegerBase.Hexadecimal : IntegerBase.Binary,
            Diagnostics = list,
        }, diagnostics);
    }

    /// <summary>Digits and underscores from <paramref name="pos"/> (a run of digits must start with a digit).</summary>
    private int ScanDigits(int pos)
    {
        if (pos < text.Length && char.IsAsciiDigit(text[pos]))
        {
            while (pos < text.Length && (char.IsAsciiDigit(text[pos]) || text[pos] == '_'))
                pos++;
        }
        return pos;
    }

    /// <summary>True when an exponent <c>e[+-]digits</c> starts at <paramref name="pos"/>.</summary>
    private bool IsExponentAt(int pos)
    {
        if (pos >= text.Length || text[pos] is not ('e' or 'E'))
            return false;
        int p = pos + 1;
        if (p < text.Length && text[p] is '+' or '-')
            p++;
        return p < text.Length && char.IsAsciiDigit(text[p]);
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
