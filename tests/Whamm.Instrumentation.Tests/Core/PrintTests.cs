using System.Globalization;
using System.Text;
using Whamm.Instrumentation.Core;

namespace Whamm.Instrumentation.Tests.Core;

/// <summary>The integer, bool and string printers, the output buffer, and <c>whamm_print_value</c>.</summary>
public sealed class PrintTests
{
    private static string Invariant(IFormattable v) => v.ToString(null, CultureInfo.InvariantCulture);

    public static IEnumerable<object[]> I32Printers() =>
        from value in new[] { 0, 1, -1, 127, 128, 255, 256, 32767, 32768, 65535, 65536, int.MaxValue, int.MinValue }
        from printer in new (string Name, Func<int, string> Expected)[]
        {
            (CoreLibrary.Exports.PutU8, v => Invariant((byte)v)),
            (CoreLibrary.Exports.PutI8, v => Invariant((sbyte)v)),
            (CoreLibrary.Exports.PutU16, v => Invariant((ushort)v)),
            (CoreLibrary.Exports.PutI16, v => Invariant((short)v)),
            (CoreLibrary.Exports.PutU32, v => Invariant((uint)v)),
            (CoreLibrary.Exports.PutI32, v => Invariant(v)),
            (CoreLibrary.Exports.PutBool, v => v != 0 ? "true" : "false"),
        }
        select new object[] { printer.Name, value, printer.Expected(value) };

    [Theory]
    [MemberData(nameof(I32Printers))]
    public void I32PrinterTruncatesAndSignsPerType(string export, int value, string expected)
    {
        using var host = new CoreHost();
        host.Action(export)(value);
        Assert.Equal(expected, host.TakeOutput());
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    [InlineData(10_000_000_000L)]
    public void I64Printers(long value)
    {
        using var host = new CoreHost();
        host.Instance.GetAction<long>(CoreLibrary.Exports.PutU64)!(value);
        host.Action(CoreLibrary.Exports.PutC)(' ');
        host.Instance.GetAction<long>(CoreLibrary.Exports.PutI64)!(value);
        Assert.Equal($"{Invariant((ulong)value)} {Invariant(value)}", host.TakeOutput());
    }

    [Fact]
    public void EveryDigitCountPrintsExactly()
    {
        // Each power of ten and its neighbours: the digit count's boundaries, and every length of the pair loop.
        var values = new List<ulong> { ulong.MaxValue };
        var power = 1UL;
        for (var k = 0; k < 20; k++, power *= 10) values.AddRange([power - 1, power, power + 1, power + power / 3]);
        using var host = new CoreHost();
        var put = host.Instance.GetAction<long>(CoreLibrary.Exports.PutU64)!;
        foreach (var v in values)
        {
            put((long)v);
            host.Action(CoreLibrary.Exports.PutC)(' ');
        }
        Assert.Equal(string.Concat(values.Select(v => Invariant(v) + " ")), host.TakeOutput());
    }

    [Fact]
    public void PutsAndPutcWriteBytesWithoutNewline()
    {
        using var host = new CoreHost();
        var (ptr, len) = host.PutString("héllo, wörld");
        host.Instance.GetAction<int, int>(CoreLibrary.Exports.PutS)!(ptr, len);
        host.Action(CoreLibrary.Exports.PutC)('!');
        Assert.Equal("héllo, wörld!", host.TakeOutput());
    }

    [Fact]
    public void OutputIsBufferedUntilFullOrFlushed()
    {
        using var host = new CoreHost();
        var putc = host.Action(CoreLibrary.Exports.PutC);
        putc('a');
        Assert.Equal(0, host.WriteCalls);
        var big = new StringBuilder();
        for (var i = 0; i < 20_000; i++)
        {
            var c = (char)('a' + i % 26);
            big.Append(c);
            putc(c);
        }
        Assert.InRange(host.WriteCalls, 2, 3); // 8 KiB per write
        Assert.Equal("a" + big, host.TakeOutput());
    }

    [Fact]
    public void PutsLargerThanTheBufferKeepsOrder()
    {
        using var host = new CoreHost();
        var text = string.Concat(Enumerable.Range(0, 3000).Select(i => Invariant(i) + ","));
        var (ptr, len) = host.PutString(text);
        host.Action(CoreLibrary.Exports.PutC)('<');
        host.Instance.GetAction<int, int>(CoreLibrary.Exports.PutS)!(ptr, len);
        host.Action(CoreLibrary.Exports.PutC)('>');
        Assert.Equal("<" + text + ">", host.TakeOutput());
    }

    [Fact]
    public void SetOutFdFlushesThenSwitches()
    {
        using var host = new CoreHost();
        var putc = host.Action(CoreLibrary.Exports.PutC);
        putc('1');
        host.Action(CoreLibrary.Exports.SetOutFd)(2);
        putc('2');
        Assert.Equal("2", host.TakeOutput(2));
        Assert.Equal("1", host.TakeOutput(1));
    }

    [Fact]
    public void PrintValueFormatsEveryScalarInANestedTuple()
    {
        using var host = new CoreHost();
        var value = new Packer()
            .U8(200).I8(-100).U16(60000).I16(-30000).U32(4_000_000_000).I32(-2_000_000_000)
            .U64(ulong.MaxValue).I64(long.MinValue).F32(1.5f).F64(-0.25).Bool(true).Str(host.PutString("raw; (text)"))
            .I32(7).Bool(false).Str(host.PutString(""))
            .ToArray();
        Assert.Equal(
            "(200; -100; 60000; -30000; 4000000000; -2000000000; 18446744073709551615; -9223372036854775808; " +
            "+1.5e0; -2.5e-1; true; raw; (text); (7; (false; )))",
            PrintValue(host, "(BbHhIiQqfdzs(i(zs)))", value));
    }

    [Theory]
    [InlineData("z", new byte[] { 2 }, "true")]
    [InlineData("z", new byte[] { 0 }, "false")]
    [InlineData("i", new byte[] { 0xFF, 0xFF, 0xFF, 0xFF }, "-1")]
    [InlineData("I", new byte[] { 0xFF, 0xFF, 0xFF, 0xFF }, "4294967295")]
    [InlineData("()", new byte[0], "()")]
    [InlineData("((B))", new byte[] { 9 }, "((9))")]
    public void PrintValueScalars(string desc, byte[] value, string expected)
    {
        using var host = new CoreHost();
        Assert.Equal(expected, PrintValue(host, desc, value));
    }

    [Theory]
    [InlineData("(i")]
    [InlineData("i)")]
    [InlineData("x")]
    [InlineData("ii")]
    [InlineData("")]
    public void MalformedDescriptorTraps(string desc)
    {
        using var host = new CoreHost();
        Assert.Throws<Wasmtime.TrapException>(() => PrintValue(host, desc, new byte[16]));
    }

    internal static string PrintValue(CoreHost host, string desc, byte[] value)
    {
        var (descPtr, descLen) = host.PutString(desc);
        host.Instance.GetAction<int, int, int>(CoreLibrary.Exports.PrintValue)!(descPtr, descLen, host.Put(value));
        return host.TakeOutput();
    }
}
