using System.Globalization;
using System.Numerics;

namespace Whamm.Runtime.Wast;

/// <summary>
/// Number literals of the text format, as they appear in script values: integers in decimal or hex
/// with an optional sign and <c>_</c> separators (wrapping like the spec: <c>0xffffffff</c> is i32 -1),
/// and floats in decimal, hex (<c>0x1.8p+3</c>), <c>inf</c>, <c>nan</c> and <c>nan:0x…</c>, rounded to
/// nearest-even exactly as the reference parser does; a finite literal that rounds to infinity is out
/// of range and rejected, as there.
/// </summary>
public static class WatLiteral
{
    /// <summary>Parses an <c>i32</c> literal; false when it is malformed or out of range.</summary>
    public static bool TryI32(string text, out int value)
    {
        value = 0;
        if (!TryInteger(text, out var big) || big < int.MinValue || big > uint.MaxValue) return false;
        value = unchecked((int)(uint)(big & uint.MaxValue));
        return true;
    }

    /// <summary>Parses an <c>i64</c> literal; false when it is malformed or out of range.</summary>
    public static bool TryI64(string text, out long value)
    {
        value = 0;
        if (!TryInteger(text, out var big) || big < long.MinValue || big > ulong.MaxValue) return false;
        value = unchecked((long)(ulong)(big & ulong.MaxValue));
        return true;
    }

    /// <summary>Parses an <c>f32</c> literal to its bits.</summary>
    public static bool TryF32(string text, out uint bits)
    {
        bits = 0;
        if (!TryFloat(text, 24, 8, out var raw)) return false;
        bits = (uint)raw;
        return true;
    }

    /// <summary>Parses an <c>f64</c> literal to its bits.</summary>
    public static bool TryF64(string text, out ulong bits) => TryFloat(text, 53, 11, out bits);

    private static bool TryInteger(string text, out BigInteger value)
    {
        value = BigInteger.Zero;
        var s = text;
        var negative = false;
        if (s.StartsWith('-') || s.StartsWith('+'))
        {
            negative = s[0] == '-';
            s = s[1..];
        }
        var hex = s.StartsWith("0x", StringComparison.Ordinal);
        if (hex) s = s[2..];
        if (!ValidDigits(s, hex)) return false;
        s = s.Replace("_", "", StringComparison.Ordinal);
        value = hex ? BigInteger.Parse("0" + s, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)
            : BigInteger.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);
        if (negative) value = -value;
        return true;
    }

    /// <summary>Digits with single underscores between them (the spec's <c>num</c>/<c>hexnum</c>).</summary>
    private static bool ValidDigits(string s, bool hex)
    {
        if (s.Length == 0 || s[0] == '_' || s[^1] == '_') return false;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '_')
            {
                if (s[i - 1] == '_') return false;
                continue;
            }
            if (hex ? !Uri.IsHexDigit(c) : !char.IsAsciiDigit(c)) return false;
        }
        return true;
    }

    private static bool TryFloat(string text, int precision, int exponentBits, out ulong bits)
    {
        bits = 0;
        var s = text;
        var negative = false;
        if (s.StartsWith('-') || s.StartsWith('+'))
        {
            negative = s[0] == '-';
            s = s[1..];
        }
        var signBit = negative ? 1UL << (precision + exponentBits - 1) : 0;
        var mantissaBits = precision - 1;
        var exponentAllOnes = ((1UL << exponentBits) - 1) << mantissaBits;
        if (s == "inf")
        {
            bits = signBit | exponentAllOnes;
            return true;
        }
        if (s == "nan")
        {
            bits = signBit | exponentAllOnes | (1UL << (mantissaBits - 1));
            return true;
        }
        if (s.StartsWith("nan:0x", StringComparison.Ordinal))
        {
            var payloadText = s[6..];
            if (!ValidDigits(payloadText, hex: true)) return false;
            var payload = BigInteger.Parse("0" + payloadText.Replace("_", "", StringComparison.Ordinal), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            if (payload == 0 || payload >= BigInteger.One << mantissaBits) return false;
            bits = signBit | exponentAllOnes | (ulong)payload;
            return true;
        }
        if (s.StartsWith("0x", StringComparison.Ordinal))
        {
            if (!TryHexFloat(s[2..], precision, exponentBits, out var magnitude) || magnitude == exponentAllOnes) return false;
            bits = signBit | magnitude;
            return true;
        }
        if (!ValidDecimalFloat(s)) return false;
        var clean = s.Replace("_", "", StringComparison.Ordinal);
        if (precision == 24)
        {
            var f = float.Parse(clean, NumberStyles.Float, CultureInfo.InvariantCulture);
            bits = signBit | (BitConverter.SingleToUInt32Bits(f) & 0x7FFF_FFFFu);
        }
        else
        {
            var d = double.Parse(clean, NumberStyles.Float, CultureInfo.InvariantCulture);
            bits = signBit | (BitConverter.DoubleToUInt64Bits(d) & 0x7FFF_FFFF_FFFF_FFFFUL);
        }
        // A finite literal that rounds to infinity is out of range (the reference parser rejects it too).
        return (bits & exponentAllOnes) != exponentAllOnes;
    }

    private static bool ValidDecimalFloat(string s)
    {
        var e = s.IndexOfAny(['e', 'E']);
        var mantissa = e < 0 ? s : s[..e];
        var dot = mantissa.IndexOf('.');
        var whole = dot < 0 ? mantissa : mantissa[..dot];
        if (!ValidDigits(whole, hex: false)) return false;
        if (dot >= 0 && dot + 1 < mantissa.Length && !ValidDigits(mantissa[(dot + 1)..], hex: false)) return false;
        if (e < 0) return true;
        var exponent = s[(e + 1)..];
        if (exponent.StartsWith('+') || exponent.StartsWith('-')) exponent = exponent[1..];
        return ValidDigits(exponent, hex: false);
    }

    /// <summary>A hex float (after <c>0x</c>) rounded to nearest-even into an IEEE format, without sign.</summary>
    private static bool TryHexFloat(string s, int precision, int exponentBits, out ulong bits)
    {
        bits = 0;
        var p = s.IndexOfAny(['p', 'P']);
        var mantissa = p < 0 ? s : s[..p];
        var dot = mantissa.IndexOf('.');
        var whole = dot < 0 ? mantissa : mantissa[..dot];
        var fraction = dot < 0 ? "" : mantissa[(dot + 1)..];
        if (!ValidDigits(whole, hex: true) || (fraction.Length > 0 && !ValidDigits(fraction, hex: true))) return false;
        long exponent = 0;
        if (p >= 0)
        {
            var exponentText = s[(p + 1)..];
            var sign = 1;
            if (exponentText.StartsWith('+') || exponentText.StartsWith('-'))
            {
                sign = exponentText[0] == '-' ? -1 : 1;
                exponentText = exponentText[1..];
            }
            if (!ValidDigits(exponentText, hex: false)) return false;
            var parsed = BigInteger.Parse(exponentText.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
            exponent = sign * (long)BigInteger.Min(parsed, 100_000);
        }
        var digits = (whole + fraction).Replace("_", "", StringComparison.Ordinal);
        var fractionDigits = fraction.Replace("_", "", StringComparison.Ordinal).Length;
        var m = BigInteger.Parse("0" + digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        bits = Round(m, exponent - 4L * fractionDigits, precision, exponentBits);
        return true;
    }

    /// <summary>The IEEE bits (sign clear) nearest to <paramref name="m"/> × 2^<paramref name="e2"/>, ties to even.</summary>
    internal static ulong Round(BigInteger m, long e2, int precision, int exponentBits)
    {
        if (m.IsZero) return 0;
        var bias = (1L << (exponentBits - 1)) - 1;
        var emin = 1 - bias;
        var emax = bias;
        var mantissaBits = precision - 1;
        var infinity = ((1UL << exponentBits) - 1) << mantissaBits;
        var top = (long)m.GetBitLength() - 1 + e2; // the value is in [2^top, 2^(top+1))
        if (top > emax + 1) return infinity;
        var unit = Math.Max(top, emin) - mantissaBits; // exponent of the last mantissa bit
        BigInteger q;
        var shift = unit - e2;
        if (shift <= 0)
        {
            q = m << (int)Math.Min(-shift, int.MaxValue);
        }
        else if (shift > m.GetBitLength() + 1)
        {
            q = BigInteger.Zero; // far below the smallest subnormal: rounds to zero
        }
        else
        {
            q = m >> (int)shift;
            var remainder = m - (q << (int)shift);
            var half = BigInteger.One << (int)(shift - 1);
            if (remainder > half || (remainder == half && !q.IsEven)) q += 1;
        }
        if (q >= BigInteger.One << precision)
        {
            q >>= 1;
            unit++;
        }
        var exponent = unit + mantissaBits;
        if (q < BigInteger.One << mantissaBits) return (ulong)q; // subnormal (or zero)
        if (exponent > emax) return infinity;
        return (ulong)(exponent + bias) << mantissaBits | ((ulong)q & ((1UL << mantissaBits) - 1));
    }
}
