using System.Globalization;
using System.Numerics;

namespace Whamm.Instrumentation.Tests.Core;

/// <summary>
/// Rust's <c>{:+e}</c> for floats, built on .NET's shortest round-trip digits (<c>ToString("R")</c>), reformatted
/// to Rust's layout, with two corrections checked by exact integer arithmetic and .NET's (correctly rounded) parser:
/// <list type="bullet">
/// <item>.NET treats the rounding interval of a power of two as symmetric, although the next value below is
/// twice as close, so a few of its results do not read back (2^-25 gives <c>2.980232238769531E-08</c>). Then the
/// shortest digits are searched directly: per length, the two neighbours of the value that read back.</item>
/// <item>When the value lies exactly halfway between two shortest candidates .NET picks the even digit, while
/// Rust rounds up (802658056414663.25 prints as <c>+8.026580564146633e14</c>).</item>
/// </list>
/// </summary>
internal static class RustFloatOracle
{
    public static string Format(double v)
    {
        var bits = BitConverter.DoubleToUInt64Bits(v);
        var field = (int)(bits >> 52) & 0x7FF;
        var mantissa = bits & ((1UL << 52) - 1);
        var exact = field == 0 ? new Exact(mantissa, -1074) : new Exact(mantissa | (1UL << 52), field - 1075);
        return Format(double.IsNaN(v), double.IsInfinity(v), (bits >> 63) != 0, Math.Abs(v).ToString("R", CultureInfo.InvariantCulture),
            exact, s => double.Parse(s, CultureInfo.InvariantCulture) == Math.Abs(v));
    }

    public static string Format(float v)
    {
        var bits = BitConverter.SingleToUInt32Bits(v);
        var field = (int)(bits >> 23) & 0xFF;
        var mantissa = (ulong)(bits & ((1U << 23) - 1));
        var exact = field == 0 ? new Exact(mantissa, -149) : new Exact(mantissa | (1UL << 23), field - 150);
        return Format(float.IsNaN(v), float.IsInfinity(v), (bits >> 31) != 0, MathF.Abs(v).ToString("R", CultureInfo.InvariantCulture),
            exact, s => float.Parse(s, CultureInfo.InvariantCulture) == MathF.Abs(v));
    }

    /// <summary>The magnitude <c>Mantissa * 2^Exp2</c>.</summary>
    private readonly record struct Exact(ulong Mantissa, int Exp2);

    /// <summary>A decimal <c>Digits * 10^Exp10</c>.</summary>
    private readonly record struct Decimal(BigInteger Digits, int Exp10)
    {
        public string Text => $"{Digits.ToString(CultureInfo.InvariantCulture)}e{Exp10.ToString(CultureInfo.InvariantCulture)}";
    }

    private static string Format(bool nan, bool infinity, bool negative, string shortest, Exact exact, Func<string, bool> readsBack)
    {
        if (nan) return "NaN";
        var sign = negative ? "-" : "+";
        if (infinity) return sign + "inf";
        if (exact.Mantissa == 0) return sign + "0e0";

        var d = Parse(shortest);
        if (!readsBack(d.Text)) d = SearchShortest(exact, readsBack);
        if (IsTie(exact, d)) d = d with { Digits = d.Digits + 1 };

        var digits = d.Digits.ToString(CultureInfo.InvariantCulture).TrimEnd('0');
        var scientific = d.Exp10 + d.Digits.ToString(CultureInfo.InvariantCulture).Length - 1;
        return sign + digits[0] + (digits.Length > 1 ? "." + digits[1..] : "") + "e" + scientific.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>"1.2345E-07", "123.45", "1E+21" as digits and the power of ten of the last one.</summary>
    private static Decimal Parse(string text)
    {
        var e = text.IndexOf('E');
        var exp10 = e < 0 ? 0 : int.Parse(text[(e + 1)..], CultureInfo.InvariantCulture);
        var mantissa = e < 0 ? text : text[..e];
        var point = mantissa.IndexOf('.');
        var fraction = point < 0 ? 0 : mantissa.Length - point - 1;
        return new Decimal(BigInteger.Parse(mantissa.Replace(".", ""), CultureInfo.InvariantCulture), exp10 - fraction);
    }

    /// <summary>Per digit count, the neighbours below and above the value that read back; the closer wins.</summary>
    private static Decimal SearchShortest(Exact exact, Func<string, bool> readsBack)
    {
        var top = (int)Math.Floor(BigInteger.Log10(exact.Mantissa) + exact.Exp2 * Math.Log10(2));
        for (var length = 1; ; length++)
        {
            var q = top - length + 1;
            var (value, unit) = Scaled(exact, q);
            var below = new Decimal(value / unit, q);
            var above = below with { Digits = below.Digits + 1 };
            var candidates = new[] { below, above }.Where(c => c.Digits > 0 && readsBack(c.Text)).ToList();
            if (candidates.Count > 0)
                return candidates.MinBy(c => BigInteger.Abs(c.Digits * unit - value))!;
        }
    }

    /// <summary>2v == (2D + 1) * 10^q: exactly halfway between D and D + 1.</summary>
    private static bool IsTie(Exact exact, Decimal d)
    {
        var (value, unit) = Scaled(exact, d.Exp10);
        return 2 * value == (2 * d.Digits + 1) * unit;
    }

    /// <summary>The value and 10^q, both multiplied by the same power of two and ten to make them integers.</summary>
    private static (BigInteger Value, BigInteger Unit) Scaled(Exact exact, int q)
    {
        BigInteger value = exact.Mantissa, unit = 1;
        if (exact.Exp2 >= 0) value <<= exact.Exp2; else unit <<= -exact.Exp2;
        if (q >= 0) unit *= BigInteger.Pow(10, q); else value *= BigInteger.Pow(10, -q);
        return (value, unit);
    }
}
