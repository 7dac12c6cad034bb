using Whamm.Instrumentation.Core;

namespace Whamm.Instrumentation.Tests.Core;

/// <summary><c>putf64</c>/<c>putf32</c> against <see cref="RustFloatOracle"/> on random bit patterns and edge cases.</summary>
public sealed class FloatFormatTests
{
    private const int RandomCount = 200_000;

    [Theory]
    [InlineData(2.0, "+2e0")]
    [InlineData(1000.18, "+1.00018e3")]
    [InlineData(1e-7, "+1e-7")]
    [InlineData(double.MaxValue, "+1.7976931348623157e308")]
    [InlineData(double.Epsilon, "+5e-324")]
    [InlineData(-0.0, "-0e0")]
    [InlineData(double.PositiveInfinity, "+inf")]
    [InlineData(double.NegativeInfinity, "-inf")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(802658056414663.25, "+8.026580564146633e14")] // a tie: Rust rounds up
    [InlineData(2.9802322387695313e-8, "+2.9802322387695313e-8")] // 2^-25: the next value below is closer
    public void DocumentedF64Examples(double v, string expected)
    {
        Assert.Equal(expected, RustFloatOracle.Format(v));
        Assert.Equal(expected, PrintAll([v], PrintF64));
    }

    [Theory]
    [InlineData(float.MinValue, "-3.4028235e38")]
    [InlineData(float.Epsilon, "+1e-45")]
    [InlineData(0.1f, "+1e-1")]
    [InlineData(16777216f, "+1.6777216e7")]
    public void DocumentedF32Examples(float v, string expected)
    {
        Assert.Equal(expected, RustFloatOracle.Format(v));
        Assert.Equal(expected, PrintAll([v], PrintF32));
    }

    [Fact]
    public void RandomF64BitPatterns()
    {
        var random = new Random(20240601);
        var values = Enumerable.Range(0, RandomCount).Select(_ => BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue))).ToArray();
        AssertMatchesOracle(values, PrintF64, RustFloatOracle.Format);
    }

    [Fact]
    public void RandomF32BitPatterns()
    {
        var random = new Random(20240602);
        var values = Enumerable.Range(0, RandomCount).Select(_ => BitConverter.Int32BitsToSingle(random.Next(int.MinValue, int.MaxValue) ^ random.Next(2) << 31)).ToArray();
        AssertMatchesOracle(values, PrintF32, RustFloatOracle.Format);
    }

    [Fact]
    public void F64EdgeCases()
    {
        var values = new List<double>
        {
            0.0, -0.0, double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue,
            BitConverter.Int64BitsToDouble(0x0010_0000_0000_0000), // smallest normal
            BitConverter.Int64BitsToDouble(0x000F_FFFF_FFFF_FFFF), // largest subnormal
            double.PositiveInfinity, double.NegativeInfinity, double.NaN, BitConverter.Int64BitsToDouble(unchecked((long)0xFFF0_0000_0000_0001)),
            0.1, 0.2, 0.3, 1.0 / 3, 9007199254740992.0, 9007199254740994.0, 5e-324 * 3, 123456789012345680000.0,
        };
        for (var p = -324; p <= 308; p++) values.Add(double.Parse($"1e{p}", System.Globalization.CultureInfo.InvariantCulture));
        for (var e = -1074; e <= 1023; e++) values.Add(Math.ScaleB(1.0, e)); // powers of two: the lower neighbour is closer
        for (var i = 1; i <= 1000; i++) values.Add(i);
        values.AddRange(values.Select(v => -v).ToArray());
        AssertMatchesOracle(values, PrintF64, RustFloatOracle.Format);
    }

    [Fact]
    public void F32EdgeCases()
    {
        var values = new List<float>
        {
            0f, -0f, float.Epsilon, float.MaxValue, float.MinValue,
            BitConverter.Int32BitsToSingle(0x0080_0000), BitConverter.Int32BitsToSingle(0x007F_FFFF),
            float.PositiveInfinity, float.NegativeInfinity, float.NaN, 0.1f, 0.3f, 16777216f, 16777218f, 1f / 3,
        };
        for (var p = -45; p <= 38; p++) values.Add(float.Parse($"1e{p}", System.Globalization.CultureInfo.InvariantCulture));
        for (var e = -149; e <= 127; e++) values.Add(MathF.ScaleB(1f, e));
        values.AddRange(values.Select(v => -v).ToArray());
        AssertMatchesOracle(values, PrintF32, RustFloatOracle.Format);
    }

    private static void PrintF64(CoreHost host, IReadOnlyList<double> values)
    {
        var put = host.Instance.GetAction<double>(CoreLibrary.Exports.PutF64)!;
        var putc = host.Action(CoreLibrary.Exports.PutC);
        foreach (var v in values)
        {
            put(v);
            putc('\n');
        }
    }

    private static void PrintF32(CoreHost host, IReadOnlyList<float> values)
    {
        var put = host.Instance.GetAction<float>(CoreLibrary.Exports.PutF32)!;
        var putc = host.Action(CoreLibrary.Exports.PutC);
        foreach (var v in values)
        {
            put(v);
            putc('\n');
        }
    }

    private static string PrintAll<T>(IReadOnlyList<T> values, Action<CoreHost, IReadOnlyList<T>> print)
    {
        using var host = new CoreHost();
        print(host, values);
        return host.TakeOutput().TrimEnd('\n');
    }

    private static void AssertMatchesOracle<T>(IReadOnlyList<T> values, Action<CoreHost, IReadOnlyList<T>> print, Func<T, string> oracle)
    {
        var lines = PrintAll(values, print).Split('\n');
        Assert.Equal(values.Count, lines.Length);
        var mismatches = values.Select((v, i) => (Expected: oracle(v), Actual: lines[i], Value: v))
            .Where(x => x.Expected != x.Actual)
            .Select(x => $"{x.Value:R}: expected {x.Expected}, printed {x.Actual}")
            .ToList();
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {values.Count} differ:\n" + string.Join("\n", mismatches.Take(20)));
    }
}
