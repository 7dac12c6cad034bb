using Whamm.Instrumentation.Core;
using Whamm.Wasm.Binary;

namespace Whamm.Instrumentation.Tests.Core;

/// <summary><c>whamm_derive</c> on records laid out here as Core/derive.c describes them (independently of <c>DerivedCounters</c>).</summary>
public sealed class DeriveTests
{
    private const byte FromZero = 0x10, Amount = 0x40, Wide = 0x80;

    private static void Derive(CoreHost host, WasmWriter records, int count) =>
        host.Instance.GetAction<int, int>(CoreLibrary.Exports.Derive)!(host.Put(records.WrittenSpan), count);

    /// <summary>
    /// A record: its head, the counter (from 0 or from <paramref name="last"/>), the amount when not 1, then each term as
    /// an offset from the counter and a coefficient; addresses in units of 4.
    /// </summary>
    private static void Record(WasmWriter w, int counter, byte head, (int Term, int Coefficient)[] terms, int amount = 1, int last = 0)
    {
        w.WriteByte((byte)(head | terms.Length));
        w.WriteU32((uint)(counter - ((head & FromZero) != 0 ? 0 : last)) / 4);
        if ((head & Amount) != 0) w.WriteS32(amount);
        foreach (var (term, coefficient) in terms)
        {
            w.WriteS32((term - counter) / 4);
            w.WriteS32(coefficient);
        }
    }

    [Fact]
    public void ThirtyTwoBitCountersAreSumsOfTermsTimesTheirAmountAndWrapAsCountersDo()
    {
        using var host = new CoreHost();
        var counters = host.Put(new Packer().U32(10).U32(3).U32(0).U32(0).U32(0).U32(0xFFFF_FFFF).U32(0).ToArray());
        int At(int i) => counters + 4 * i;
        var w = new WasmWriter();
        Record(w, At(2), FromZero, [(At(0), 1), (At(1), -1)]);                     // 10 - 3
        Record(w, At(3), Amount, [(At(2), 1), (At(0), 2)], amount: 3, last: At(2)); // 3 x (7 + 20), reading the one before it
        Record(w, At(4), 0, [], last: At(3));                                      // a block no edge reaches
        Record(w, At(6), FromZero, [(At(5), 1), (At(0), 1)]);                      // wraps: 2^32 - 1 + 10
        Derive(host, w, 4);
        Assert.Equal([10u, 3u, 7u, 81u, 0u, 0xFFFF_FFFFu, 9u], Enumerable.Range(0, 7).Select(i => (uint)host.Memory.ReadInt32(At(i))));
    }

    [Fact]
    public void SixtyFourBitCountersUseAllTheirBitsAndANegativeAmount()
    {
        using var host = new CoreHost();
        var counters = host.Put(new Packer().U64(1UL << 40).U64(5).U64(0).U64(0).ToArray());
        int At(int i) => counters + 8 * i;
        var w = new WasmWriter();
        Record(w, At(2), Wide | FromZero, [(At(0), 1), (At(1), 1)]);
        Record(w, At(3), Wide | Amount, [(At(1), 1)], amount: -2, last: At(2));
        Derive(host, w, 2);
        Assert.Equal((1L << 40) + 5, host.Memory.ReadInt64(At(2)));
        Assert.Equal(-10L, host.Memory.ReadInt64(At(3)));
        Assert.Equal(5L, host.Memory.ReadInt64(At(1)));
    }
}
