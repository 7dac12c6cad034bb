using System.Diagnostics;
using System.Globalization;
using Whamm.Instrumentation.Core;
using Xunit.Abstractions;

namespace Whamm.Instrumentation.Tests.Core;

/// <summary>The generic hash maps: every key kind, value layouts, lookups that must not insert, growth, dumps.</summary>
public sealed class MapTests(ITestOutputHelper output)
{
    private sealed class Maps(CoreHost host)
    {
        public int Create(string keyDesc, string valueDesc)
        {
            var (kp, kl) = host.PutString(keyDesc);
            var (vp, vl) = host.PutString(valueDesc);
            return host.Instance.GetFunction<int, int, int, int, int>(CoreLibrary.Exports.MapCreate)!(kp, kl, vp, vl);
        }

        public void CreateWithId(int id, string keyDesc, string valueDesc)
        {
            var (kp, kl) = host.PutString(keyDesc);
            var (vp, vl) = host.PutString(valueDesc);
            host.Instance.GetAction<int, int, int, int, int>(CoreLibrary.Exports.MapCreateWithId)!(id, kp, kl, vp, vl);
        }

        public int Slot(int id, byte[] key) => host.Instance.GetFunction<int, int, int>(CoreLibrary.Exports.MapSlot)!(id, host.Put(key));
        public int Find(int id, byte[] key) => host.Instance.GetFunction<int, int, int>(CoreLibrary.Exports.MapFind)!(id, host.Put(key));
        public int SlotI32(int id, int key) => host.Instance.GetFunction<int, int, int>(CoreLibrary.Exports.MapSlotI32)!(id, key);
        public int FindI32(int id, int key) => host.Instance.GetFunction<int, int, int>(CoreLibrary.Exports.MapFindI32)!(id, key);
        public int SlotI64(int id, long key) => host.Instance.GetFunction<int, long, int>(CoreLibrary.Exports.MapSlotI64)!(id, key);
        public int FindI64(int id, long key) => host.Instance.GetFunction<int, long, int>(CoreLibrary.Exports.MapFindI64)!(id, key);
        public int Len(int id) => host.Func(CoreLibrary.Exports.MapLen)(id);
        public void Reserve(int id, int extra) => host.Instance.GetAction<int, int>(CoreLibrary.Exports.MapReserve)!(id, extra);
        public void Defer(int id, byte[] key, long amount) => host.Instance.GetAction<int, int, long>(CoreLibrary.Exports.MapDefer)!(id, host.Put(key), amount);
        public void DeferI32(int id, int key, long amount) => host.Instance.GetAction<int, int, long>(CoreLibrary.Exports.MapDeferI32)!(id, key, amount);
        public void DeferReserve(int id, int extra) => host.Instance.GetAction<int, int>(CoreLibrary.Exports.MapDeferReserve)!(id, extra);

        public string Dump(int id)
        {
            host.Action(CoreLibrary.Exports.PrintMap)(id);
            return host.TakeOutput();
        }

        public string Csv(int id)
        {
            host.Action(CoreLibrary.Exports.PrintMapAsCsv)(id);
            return host.TakeOutput();
        }
    }

    [Fact]
    public void I32KeysFastPathAndDumpSortedSigned()
    {
        using var host = new CoreHost();
        var maps = new Maps(host);
        var id = maps.Create("i", "i");
        foreach (var (k, v) in new[] { (10, 3), (-5, 1), (3, 2), (int.MinValue, 4) })
            host.Memory.WriteInt32(maps.SlotI32(id, k), v);
        host.Memory.WriteInt32(maps.SlotI32(id, 3), host.Memory.ReadInt32(maps.SlotI32(id, 3)) + 40); // update in place
        Assert.Equal(4, maps.Len(id));
        Assert.Equal(42, host.Memory.ReadInt32(maps.FindI32(id, 3)));
        Assert.Equal(42, host.Memory.ReadInt32(maps.Find(id, BitConverter.GetBytes(3)))); // generic path agrees
        Assert.Equal("-2147483648->4;-5->1;3->42;10->3", maps.Dump(id));
    }

    [Fact]
    public void UnsignedKeysSortAsUnsigned()
    {
        using var host = new CoreHost();
        var maps = new Maps(host);
        var u32 = maps.Create("I", "I");
        host.Memory.WriteInt32(maps.SlotI32(u32, -1), -1);
        host.Memory.WriteInt32(maps.SlotI32(u32, 1), 1);
        Assert.Equal("1->1;4294967295->4294967295", maps.Dump(u32));
        var u64 = maps.Create("Q", "q");
        host.Memory.WriteInt64(maps.SlotI64(u64, -1), -1);
        host.Memory.WriteInt64(maps.SlotI64(u64, 5), 5);
        Assert.Equal("5->5;18446744073709551615->-1", maps.Dump(u64));
        var i64 = maps.Create("q", "d");
        host.Memory.WriteDouble(maps.SlotI64(i64, long.MinValue), 0.5);
        host.Memory.WriteDouble(maps.SlotI64(i64, 7), -1e300);
        Assert.Equal(0.5, host.Memory.ReadDouble(maps.FindI64(i64, long.MinValue)));
        Assert.Equal("-9223372036854775808->+5e-1;7->-1e300", maps.Dump(i64));
    }

    /// <summary>
    /// Small integer tuple keys sort by one packed order key (radix sort) and print from the sorted copy: with values of
    /// up to 8 bytes copied along, with wider values through their slots. Both must give the descriptor order.
    /// </summary>
    [Theory]
    [InlineData("i")]
    [InlineData("(QQ)")]
    public void SmallIntegerKeysDumpInDescriptorOrderWhateverTheValueWidth(string valueDesc)
    {
        using var host = new CoreHost();
        var maps = new Maps(host);
        var id = maps.Create("(bIz)", valueDesc); // 6 bytes: signed, unsigned, bool
        maps.Reserve(id, 1500);
        var random = new Random(9);
        var keys = new HashSet<(sbyte, uint, bool)>();
        while (keys.Count < 1500) keys.Add(((sbyte)random.Next(-128, 128), (uint)random.Next(-3, 3), random.Next(2) == 1));
        foreach (var (a, b, c) in keys)
        {
            var slot = maps.Slot(id, new Packer().I8(a).U32(b).Bool(c).ToArray());
            host.Memory.WriteInt32(slot, a * 7 + (int)b);
        }
        Assert.Equal(1500, maps.Len(id));
        string Value(sbyte a, uint b) => valueDesc == "i" ? $"{a * 7 + (int)b}" : $"({(uint)(a * 7 + (int)b)},0)";
        var expected = keys.OrderBy(k => k.Item1).ThenBy(k => k.Item2).ThenBy(k => k.Item3)
            .Select(k => $"({k.Item1},{k.Item2},{(k.Item3 ? "true" : "false")})->{Value(k.Item1, k.Item2)}");
        Assert.Equal(string.Join(";", expected), maps.Dump(id));
    }

    [Fact]
    public void MissingKeysReadZeroAndDoNotInsert()
    {
        using var host = new CoreHost();
        var maps = new Maps(host);
        var i32 = maps.Create("i", "i");
        var i64 = maps.Create("q", "i");
        var tuple = maps.Create("(ii)", "i");
        host.Memory.WriteInt32(maps.SlotI32(i32, 1), 1);
        Assert.Equal(0, maps.FindI32(i32, 2));
        Assert.Equal(0, maps.FindI64(i64, 2));
        Assert.Equal(0, maps.Find(tuple, new Packer().I32(1).I32(2).ToArray()));
        Assert.Equal(0, maps.Find(i32, BitConverter.GetBytes(2)));
        Assert.Equal([1, 0, 0], new[] { maps.Len(i32), maps.Len(i64), maps.Len(tuple) });
        Assert.Equal("empty map", maps.Dump(tuple));
    }

    [Fact]
    public void InsertedValuesStartZeroed()
    {
        using var host = new CoreHost();
        var maps = new Maps(host);
        var id = maps.Create("i", "(qds)");
        for (var k = 0; k < 100; k++)
        {
            var value = maps.SlotI32(id, k);
            Assert.All(host.Memory.GetSpan(value, 24).ToArray(), b => Assert.Equal(0, b));
            host.Memory.GetSpan(value, 24).Fill(0xAB); // dirty the slot; the next insertion must not see it
        }
    }

    [Fact]
    public void BoolKeys()
    {
        using var host = new CoreHost();
        var maps = new Maps(host);
        var id = maps.Create("z", "i");
        host.Memory.WriteInt32(maps.Slot(id, [1]), 7);
        host.Memory.WriteInt32(maps.Slot(id, [0]), 3);
        Assert.Equal(7, host.Memory.ReadInt32(maps.Find(id, [1])));
        Assert.Equal("false->3;true->7", maps.Dump(id));
    }

    [Fact]
    public void StringKeysCompareByContentAndAreCopied()
    {
        using var host = new CoreHost();
        var maps = new Maps(host);
        var id = maps.Create("s", "i");
        foreach (var (word, v) in new[] { ("beta", 2), ("alpha", 1), ("ab", 3), ("", 4) })
        {
            var key = host.PutString(word);
            host.Memory.WriteInt32(maps.Slot(id, new Packer().Str(key).ToArray()), v);
            host.Memory.GetSpan(key.Ptr, key.Len).Fill((byte)'X'); // the caller's buffer is reused at once
        }
        Assert.Equal(1, host.Memory.ReadInt32(maps.Find(id, new Packer().Str(host.PutString("alpha")).ToArray())));
        Assert.Equal(0, maps.Find(id, new Packer().Str(host.PutString("XXXXX")).ToArray()));
        Assert.Equal("->4;ab->3;alpha->1;beta->2", maps.Dump(id));
    }

    [Fact]
    public void TupleKeysWithStringsAndNesting()
    {
        using var host = new CoreHost();
        var maps = new Maps(host);
        var id = maps.Create("(i(sz))", "(iq)");
        byte[] Key(int i, string s, bool b) => new Packer().I32(i).Str(host.PutString(s)).Bool(b).ToArray();
        var values = new[] { (Key(2, "x", false), 1), (Key(1, "y", true), 2), (Key(1, "y", false), 3), (Key(1, "b", true), 4) };
        foreach (var (key, v) in values)
        {
            var slot = maps.Slot(id, key);
            host.Memory.WriteInt32(slot, v);
            host.Memory.WriteInt64(slot + 4, -v);
        }
        Assert.Equal(4, maps.Len(id));
        Assert.Equal(3, host.Memory.ReadInt32(maps.Find(id, Key(1, "y", false))));
        Assert.Equal(0, maps.Find(id, Key(1, "y", false)[..4].Concat(Key(0, "yy", false)[4..]).ToArray()));
        Assert.Equal("(1,(b,true))->(4,-4);(1,(y,false))->(3,-3);(1,(y,true))->(2,-2);(2,(x,false))->(1,-1)", maps.Dump(id));
    }

    [Theory]
    [InlineData("(ii)")]
    [InlineData("(iz)")]
    [InlineData("(iii)")]
    [InlineData("(BH)")]
    public void SmallTupleKeys(string keyDesc)
    {
        using var host = new CoreHost();
        var maps = new Maps(host);
        var id = maps.Create(keyDesc, "i");
        var size = keyDesc.Sum(c => c switch { 'i' => 4, 'H' => 2, 'z' or 'B' => 1, _ => 0 });
        var random = new Random(size); // few byte values, so that keys repeat
        var keys = Enumerable.Range(0, 500).Select(_ => Enumerable.Range(0, size).Select(_ => (byte)random.Next(4)).ToArray()).ToArray();
        foreach (var (key, i) in keys.Select((k, i) => (k, i))) host.Memory.WriteInt32(maps.Slot(id, key), i);
        var distinct = keys.Select(Convert.ToHexString).Distinct().Count();
        Assert.Equal(distinct, maps.Len(id));
        var last = keys.Select((k, i) => (Hex: Convert.ToHexString(k), i)).GroupBy(x => x.Hex).ToDictionary(g => g.Key, g => g.Max(x => x.i));
        foreach (var key in keys) Assert.Equal(last[Convert.ToHexString(key)], host.Memory.ReadInt32(maps.Find(id, key)));
    }

    [Fact]
    public void ValuesOfSeveralTypesInDumps()
    {
        using var host = new CoreHost();
        var maps = new Maps(host);
        var strings = maps.Create("i", "s");
        var text = host.PutString("hello");
        host.Memory.WriteInt32(maps.SlotI32(strings, 1), text.Ptr);
        host.Memory.WriteInt32(maps.SlotI32(strings, 1) + 4, text.Len);
        Assert.Equal("1->hello", maps.Dump(strings));
        var floats = maps.Create("i", "f");
        host.Memory.WriteSingle(maps.SlotI32(floats, 2), 0.1f);
        Assert.Equal("2->+1e-1", maps.Dump(floats));
        var bools = maps.Create("B", "z");
        host.Memory.WriteByte(maps.Slot(bools, [200]), 1);
        Assert.Equal("200->true", maps.Dump(bools));
    }

    [Fact]
    public void MapValuedEntriesPrintTheInnerMap()
    {
        using var host = new CoreHost();
        var maps = new Maps(host);
        maps.CreateWithId(3, "i", "i");
        host.Memory.WriteInt32(maps.SlotI32(3, 9), 1);
        var outer = maps.Create("i", "m");
        Assert.Equal(4, outer);
        host.Memory.WriteInt32(maps.SlotI32(outer, 0), 3);
        Assert.Equal("0->9->1", maps.Dump(outer));
        Assert.Equal("empty map", maps.Dump(77)); // never created
    }

    [Fact]
    public void IdsAreDenseAndChecked()
    {
        using var host = new CoreHost();
        var maps = new Maps(host);
        Assert.Equal(0, maps.Create("i", "i"));
        maps.CreateWithId(5, "i", "i");
        Assert.Equal(6, maps.Create("i", "i"));
        Assert.Throws<Wasmtime.TrapException>(() => maps.CreateWithId(5, "i", "i"));
        Assert.Throws<Wasmtime.TrapException>(() => maps.SlotI32(4, 1)); // no such map
        var tuple = maps.Create("(ii)", "i");
        Assert.Throws<Wasmtime.TrapException>(() => maps.SlotI32(tuple, 1)); // not a 4-byte key
        Assert.Throws<Wasmtime.TrapException>(() => maps.SlotI64(0, 1));
        Assert.Throws<Wasmtime.TrapException>(() => maps.Create("(i", "i"));
    }

    [Fact]
    public void CsvFlush()
    {
        using var host = new CoreHost();
        var maps = new Maps(host);
        var plain = maps.Create("i", "I");
        host.Memory.WriteInt32(maps.SlotI32(plain, 2), 20);
        host.Memory.WriteInt32(maps.SlotI32(plain, -1), 10);
        Assert.Equal("== map0 CSV FLUSH ==\nkey (i32), val (u32)\n-1, 10\n2, 20\n", maps.Csv(plain));
        var tuple = maps.Create("(is)", "(zd)");
        Assert.Equal("== map1 CSV FLUSH ==\nempty map\n", maps.Csv(tuple));
        var slot = maps.Slot(tuple, new Packer().I32(4).Str(host.PutString("f")).ToArray());
        host.Memory.WriteByte(slot, 1);
        host.Memory.WriteDouble(slot + 1, 2.5);
        Assert.Equal("== map1 CSV FLUSH ==\nkey ((i32,str)), val ((bool,f64))\n(4,f), (true,+2.5e0)\n", maps.Csv(tuple));
    }

    private const string LoopWat = """
        (module
          (import "whamm_core" "memory" (memory 1))
          (import "whamm_core" "map_slot_i32" (func $slot (param i32 i32) (result i32)))
          (import "whamm_core" "map_find_i32" (func $find (param i32 i32) (result i32)))
          ;; for i in 0..n: m[i * mul] = i
          (func (export "fill") (param $id i32) (param $n i32) (param $mul i32)
            (local $i i32)
            (loop $l
              (i32.store (call $slot (local.get $id) (i32.mul (local.get $i) (local.get $mul))) (local.get $i))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br_if $l (i32.lt_u (local.get $i) (local.get $n)))))
          ;; how many i in 0..n have m[i * mul] == i
          (func (export "check") (param $id i32) (param $n i32) (param $mul i32) (result i32)
            (local $i i32) (local $p i32) (local $ok i32)
            (loop $l
              (local.set $p (call $find (local.get $id) (i32.mul (local.get $i) (local.get $mul))))
              (if (local.get $p)
                (then (if (i32.eq (i32.load (local.get $p)) (local.get $i))
                  (then (local.set $ok (i32.add (local.get $ok) (i32.const 1)))))))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
            (local.get $ok))
          ;; for i in 0..n: m[i % keys] += 1 (the typical counter update)
          (func (export "bump") (param $id i32) (param $n i32) (param $keys i32)
            (local $i i32) (local $p i32)
            (loop $l
              (local.set $p (call $slot (local.get $id) (i32.rem_u (local.get $i) (local.get $keys))))
              (i32.store (local.get $p) (i32.add (i32.load (local.get $p)) (i32.const 1)))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br_if $l (i32.lt_u (local.get $i) (local.get $n))))))
        """;

    /// <summary>A <c>(u32, bool)</c> key, packed.</summary>
    private static byte[] AddressKey(uint address, bool write) => [.. BitConverter.GetBytes(address), (byte)(write ? 1 : 0)];

    [Fact]
    public void DeferredAdditionsAreMergedIntoDumpsInKeyOrderAndSummed()
    {
        using var host = new CoreHost();
        var maps = new Maps(host);
        var id = maps.Create("(Iz)", "I");
        host.Memory.WriteInt32(maps.Slot(id, AddressKey(8, false)), 5);
        host.Memory.WriteInt32(maps.Slot(id, AddressKey(4, true)), 256); // a carry, as the dense counters leave one
        maps.DeferReserve(id, 3); // then grows by itself past the reservation
        foreach (var (address, write, amount) in new[] { (4u, true, 3L), (9u, false, 1L), (4u, false, 2L), (9u, false, 6L), (0u, true, 1L), (8u, false, 1L) })
            maps.Defer(id, AddressKey(address, write), amount);
        var expected = "(0,true)->1;(4,false)->2;(4,true)->259;(8,false)->6;(9,false)->7";
        Assert.Equal(expected, maps.Dump(id));
        Assert.Equal(expected, maps.Dump(id)); // a dump leaves them deferred
        Assert.Equal("== map0 CSV FLUSH ==\nkey ((u32,bool)), val (u32)\n(0,true), 1\n(4,false), 2\n(4,true), 259\n(8,false), 6\n(9,false), 7\n", maps.Csv(id));
    }

    [Theory]
    [InlineData(2)]     // a memory trace's flush: reads, then writes, each in address order (merged)
    [InlineData(5000)]  // scattered (radix sorted)
    public void ManyDeferredAdditionsInRunsOrScatteredDumpInKeyOrder(int runs)
    {
        using var host = new CoreHost();
        var maps = new Maps(host);
        var id = maps.Create("(Iz)", "Q");
        host.Memory.WriteInt64(maps.Slot(id, AddressKey(3, false)), 1000); // an entry in the table too
        var expected = new SortedDictionary<(uint, bool), long> { [(3, false)] = 1000 };
        for (var r = 0; r < runs; r++)
        {
            for (var i = r; i < 5000; i += runs)
            {
                var address = runs == 2 ? (uint)i : (uint)(i * 2654435761L % 7919);
                var write = r % 2 == 1;
                maps.Defer(id, AddressKey(address, write), i + 1);
                expected[(address, write)] = expected.GetValueOrDefault((address, write)) + i + 1;
            }
        }
        Assert.Equal(string.Join(';', expected.Select(e => $"({e.Key.Item1},{(e.Key.Item2 ? "true" : "false")})->{e.Value}")), maps.Dump(id));
    }

    [Fact]
    public void OnlyDeferredAdditionsAreSortedInPlaceAndStayUsable()
    {
        using var host = new CoreHost();
        var maps = new Maps(host);
        var id = maps.Create("I", "I");
        foreach (var (k, n) in new[] { (9, 1), (3, 2), (9, 4), (1, 8), (3, 16), (7, 32) }) maps.DeferI32(id, k, n);
        Assert.Equal("1->8;3->18;7->32;9->5", maps.Dump(id));
        Assert.Equal("1->8;3->18;7->32;9->5", maps.Dump(id)); // sorted and combined where they were
        Assert.Equal(4, maps.Len(id));
        Assert.Equal(18, host.Memory.ReadInt32(maps.FindI32(id, 3)));
    }

    [Fact]
    public void DeferredAdditionsAreInTheTableForAnyOtherUse()
    {
        using var host = new CoreHost();
        var maps = new Maps(host);
        var id = maps.Create("i", "i");
        host.Memory.WriteInt32(maps.SlotI32(id, -3), int.MaxValue);
        maps.DeferI32(id, -3, 2); // wraps as the value's own arithmetic does
        maps.DeferI32(id, 7, 4);
        Assert.Equal(2, maps.Len(id));
        Assert.Equal(int.MinValue + 1, host.Memory.ReadInt32(maps.FindI32(id, -3)));
        maps.DeferI32(id, 7, 1);
        host.Memory.WriteInt32(maps.SlotI32(id, 7), host.Memory.ReadInt32(maps.SlotI32(id, 7)) + 10);
        Assert.Equal("-3->-2147483647;7->15", maps.Dump(id));
    }

    [Fact]
    public void MapsWhoseKeysDoNotSortAsOneWordAddAtOnceAndOnlyIntegerValuesDefer()
    {
        using var host = new CoreHost();
        var maps = new Maps(host);
        var strings = maps.Create("s", "Q");
        var (p, n) = host.PutString("calls");
        maps.Defer(strings, [.. BitConverter.GetBytes(p), .. BitConverter.GetBytes(n)], 3);
        maps.Defer(strings, [.. BitConverter.GetBytes(p), .. BitConverter.GetBytes(n)], 4);
        Assert.Equal("calls->7", maps.Dump(strings));
        var floats = maps.Create("I", "d");
        Assert.Throws<Wasmtime.TrapException>(() => maps.DeferI32(floats, 1, 1));
    }

    [Fact]
    public void GrowsToAMillionEntries()
    {
        const int n = 1_000_000;
        const int mul = unchecked((int)0x9E3779B1); // odd: i * mul is a bijection, so n distinct scattered keys
        using var host = new CoreHost();
        var maps = new Maps(host);
        var loop = host.Link("whamm_core", LoopWat);
        var scattered = maps.Create("i", "i");
        var sequential = maps.Create("I", "i");
        var pagesBefore = host.Memory.GetSize();

        var watch = Stopwatch.StartNew();
        loop.GetAction<int, int, int>("fill")!(scattered, n, mul);
        var scatteredTime = watch.Elapsed;
        watch.Restart();
        loop.GetAction<int, int, int>("fill")!(sequential, n, 1);
        var sequentialTime = watch.Elapsed;

        Assert.Equal(n, maps.Len(scattered));
        Assert.Equal(n, maps.Len(sequential));
        Assert.Equal(n, loop.GetFunction<int, int, int, int>("check")!(scattered, n, mul));
        Assert.Equal(n, loop.GetFunction<int, int, int, int>("check")!(sequential, n, 1));
        Assert.Equal(0, maps.FindI32(scattered, unchecked(n * mul))); // one past the last key
        Assert.Equal(12345, host.Memory.ReadInt32(maps.FindI32(sequential, 12345)));
        Assert.True(host.Memory.GetSize() > pagesBefore + 100, "the tables live in grown memory");

        watch.Restart();
        loop.GetAction<int, int, int>("bump")!(sequential, 10 * n, 1000);
        var bumpTime = watch.Elapsed;
        Assert.Equal(999 + 10 * n / 1000, host.Memory.ReadInt32(maps.FindI32(sequential, 999)));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"map_slot_i32: {n / scatteredTime.TotalSeconds / 1e6:F1} M new scattered keys/s, {n / sequentialTime.TotalSeconds / 1e6:F1} M new sequential keys/s, {10 * n / bumpTime.TotalSeconds / 1e6:F1} M updates/s of 1000 existing keys"));
    }

    [Fact]
    public void ManyStringAndTupleKeysSurviveRehashing()
    {
        using var host = new CoreHost();
        var maps = new Maps(host);
        var strings = maps.Create("s", "i");
        var tuples = maps.Create("(qs)", "i");
        for (var i = 0; i < 5000; i++)
        {
            var word = host.PutString("key" + i.ToString(CultureInfo.InvariantCulture));
            host.Memory.WriteInt32(maps.Slot(strings, new Packer().Str(word).ToArray()), i);
            host.Memory.WriteInt32(maps.Slot(tuples, new Packer().I64(-i).Str(word).ToArray()), i);
            host.Action(CoreLibrary.Exports.MemFree)(word.Ptr); // the maps keep their own copies
        }
        Assert.Equal(5000, maps.Len(strings));
        for (var i = 0; i < 5000; i += 97)
        {
            var word = host.PutString("key" + i.ToString(CultureInfo.InvariantCulture));
            Assert.Equal(i, host.Memory.ReadInt32(maps.Find(strings, new Packer().Str(word).ToArray())));
            Assert.Equal(i, host.Memory.ReadInt32(maps.Find(tuples, new Packer().I64(-i).Str(word).ToArray())));
        }
        var lines = maps.Csv(tuples).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5002, lines.Length);
        Assert.Equal("(-4999,key4999), 4999", lines[2]);
        Assert.Equal("(0,key0), 0", lines[^1]);
    }
}
