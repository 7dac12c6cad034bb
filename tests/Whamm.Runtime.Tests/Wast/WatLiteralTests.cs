using System.Buffers.Binary;
using Whamm.Runtime.Text;
using Whamm.Runtime.Wast;
using Whamm.Wasm.Text;

namespace Whamm.Runtime.Tests.Wast;

/// <summary>Our literal parser agrees with the reference parser, and with the printer's spellings.</summary>
public class WatLiteralTests
{
    /// <summary>The bits the reference parser gives a literal (the const's bytes at the end of the code).</summary>
    private static ulong Reference(string type, string literal)
    {
        var wasm = WatParser.Instance.Parse($"(module (func {type}.const {literal} drop))");
        var size = type == "f32" ? 4 : 8;
        var bytes = wasm.AsSpan(wasm.Length - 2 - size, size); // ... value, drop (0x1a), end (0x0b)
        return size == 4 ? BinaryPrimitives.ReadUInt32LittleEndian(bytes) : BinaryPrimitives.ReadUInt64LittleEndian(bytes);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("1.5")]
    [InlineData("0x1.8p+3")]
    [InlineData("0x1p-149")]
    [InlineData("0x1p-150")]
    [InlineData("0x1.000001p-149")]
    [InlineData("0x1.fffffe8p127")]
    [InlineData("0x1.fffffefffffffffffp127")]
    [InlineData("0x0.000001p-126")]
    [InlineData("0x1.00000100000000001p0")]
    [InlineData("0x1.000001p0")]
    [InlineData("0x1.000003p0")]
    [InlineData("0xABCDEF.0123p-4")]
    [InlineData("0x1_000")]
    [InlineData("1e38")]
    [InlineData("3.4028235e38")]
    [InlineData("1.401298464324817e-45")]
    [InlineData("7.006492321624086e-46")]
    [InlineData("1_000.000_1")]
    [InlineData("inf")]
    [InlineData("-inf")]
    [InlineData("nan")]
    [InlineData("-nan")]
    [InlineData("nan:0x1")]
    [InlineData("-nan:0x7f_ffff")]
    public void F32MatchesTheReferenceParser(string literal)
    {
        Assert.True(WatLiteral.TryF32(literal, out var bits));
        Assert.Equal(Reference("f32", literal), bits);
    }

    [Theory]
    [InlineData("0x1.5555555555555p-2")]
    [InlineData("0x1p-1074")]
    [InlineData("0x1p-1075")]
    [InlineData("0x1.0000000000000_8p0")]
    [InlineData("0x1.0000000000001_8p0")]
    [InlineData("0x1.fffffffffffff7ffp1023")]
    [InlineData("1e300")]
    [InlineData("2.2250738585072014e-308")]
    [InlineData("4.9406564584124654e-324")]
    [InlineData("-123456789.123456789e-5")]
    [InlineData("nan:0x8_0000_0000_0001")]
    public void F64MatchesTheReferenceParser(string literal)
    {
        Assert.True(WatLiteral.TryF64(literal, out var bits));
        Assert.Equal(Reference("f64", literal), bits);
    }

    [Theory]
    [InlineData("f32", "0x1.ffffffp127")]
    [InlineData("f32", "1e39")]
    [InlineData("f32", "-0x1p128")]
    [InlineData("f64", "0x1.fffffffffffff8p1023")]
    [InlineData("f64", "1e309")]
    public void OutOfRangeLiteralsAreRejectedLikeTheReferenceParser(string type, string literal)
    {
        Assert.False(type == "f32" ? WatLiteral.TryF32(literal, out _) : WatLiteral.TryF64(literal, out _));
        Assert.Throws<TextParseException>(() => Reference(type, literal));
    }

    [Fact]
    public void PrinterSpellingsParseBackToTheSameBits()
    {
        var random = new Random(1234);
        for (var i = 0; i < 20_000; i++)
        {
            var bits32 = (uint)random.NextInt64(0, 1L << 32);
            Assert.True(WatLiteral.TryF32(WatNumbers.F32(bits32), out var back32), WatNumbers.F32(bits32));
            Assert.Equal(bits32, (uint)back32);
            var bits64 = (ulong)random.NextInt64() ^ ((ulong)random.Next(2) << 63);
            Assert.True(WatLiteral.TryF64(WatNumbers.F64(bits64), out var back64), WatNumbers.F64(bits64));
            Assert.Equal(bits64, back64);
        }
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("-1", -1)]
    [InlineData("0xffffffff", -1)]
    [InlineData("4294967295", -1)]
    [InlineData("-0x80000000", int.MinValue)]
    [InlineData("+2_147_483_647", int.MaxValue)]
    public void I32Literals(string literal, int expected)
    {
        Assert.True(WatLiteral.TryI32(literal, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("4294967296")]
    [InlineData("-2147483649")]
    [InlineData("1__0")]
    [InlineData("_1")]
    [InlineData("0x")]
    [InlineData("12a")]
    public void MalformedI32Literals(string literal) => Assert.False(WatLiteral.TryI32(literal, out _));

    [Fact]
    public void I64Extremes()
    {
        Assert.True(WatLiteral.TryI64("0xffff_ffff_ffff_ffff", out var minusOne));
        Assert.Equal(-1L, minusOne);
        Assert.True(WatLiteral.TryI64("-9223372036854775808", out var min));
        Assert.Equal(long.MinValue, min);
        Assert.False(WatLiteral.TryI64("18446744073709551616", out _));
    }
}
