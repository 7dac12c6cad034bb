using System.Globalization;

namespace Whamm.Wasm.Text;

/// <summary>
/// Number spellings that re-parse to exactly the same bits: the shortest round-trip decimal for finite
/// floats (<c>-0</c> included), <c>inf</c>, <c>nan</c> for the canonical NaN and <c>nan:0x…</c> for any
/// other payload, with the sign written out.
/// </summary>
public static class WatNumbers
{
    private const uint F32Mantissa = 0x7F_FFFF;
    private const uint F32CanonicalNan = 0x40_0000;
    private const ulong F64Mantissa = 0xF_FFFF_FFFF_FFFFUL;
    private const ulong F64CanonicalNan = 0x8_0000_0000_0000UL;

    /// <summary>The text of an <c>f32</c> given its bits.</summary>
    public static string F32(uint bits)
    {
        Span<char> buffer = stackalloc char[48];
        return new string(buffer[..FormatF32(bits, buffer)]);
    }

    /// <summary>The text of an <c>f64</c> given its bits.</summary>
    public static string F64(ulong bits)
    {
        Span<char> buffer = stackalloc char[48];
        return new string(buffer[..FormatF64(bits, buffer)]);
    }

    /// <summary>Writes the text of an <c>f32</c> into <paramref name="dest"/> (at least 48 chars); returns the length.</summary>
    public static int FormatF32(uint bits, Span<char> dest)
    {
        var negative = (bits & 0x8000_0000u) != 0;
        var exponent = (bits >> 23) & 0xFF;
        var mantissa = bits & F32Mantissa;
        if (exponent == 0xFF) return FormatSpecial(negative, mantissa, F32CanonicalNan, dest);
        var value = BitConverter.UInt32BitsToSingle(bits);
        if (!value.TryFormat(dest, out var n, "R", CultureInfo.InvariantCulture))
            throw new InvalidOperationException("float buffer too small");
        return LowerExponent(dest[..n]);
    }

    /// <summary>Writes the text of an <c>f64</c> into <paramref name="dest"/> (at least 48 chars); returns the length.</summary>
    public static int FormatF64(ulong bits, Span<char> dest)
    {
        var negative = (bits & 0x8000_0000_0000_0000UL) != 0;
        var exponent = (bits >> 52) & 0x7FF;
        var mantissa = bits & F64Mantissa;
        if (exponent == 0x7FF) return FormatSpecial(negative, mantissa, F64CanonicalNan, dest);
        var value = BitConverter.UInt64BitsToDouble(bits);
        if (!value.TryFormat(dest, out var n, "R", CultureInfo.InvariantCulture))
            throw new InvalidOperationException("float buffer too small");
        return LowerExponent(dest[..n]);
    }

    /// <summary>Writes the exponent marker in lower case (<c>6.02e+23</c>), as text-format sources usually do.</summary>
    private static int LowerExponent(Span<char> text)
    {
        var e = text.IndexOf('E');
        if (e >= 0) text[e] = 'e';
        return text.Length;
    }

    private static int FormatSpecial(bool negative, ulong mantissa, ulong canonical, Span<char> dest)
    {
        var n = 0;
        if (negative) dest[n++] = '-';
        if (mantissa == 0)
        {
            "inf".CopyTo(dest[n..]);
            return n + 3;
        }
        "nan".CopyTo(dest[n..]);
        n += 3;
        if (mantissa == canonical) return n;
        ":0x".CopyTo(dest[n..]);
        n += 3;
        mantissa.TryFormat(dest[n..], out var digits, "x", CultureInfo.InvariantCulture);
        return n + digits;
    }
}
