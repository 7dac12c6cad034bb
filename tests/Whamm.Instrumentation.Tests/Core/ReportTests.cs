using System.Buffers.Binary;
using Whamm.Instrumentation.Core;

namespace Whamm.Instrumentation.Tests.Core;

/// <summary><c>whamm_report</c> on tables built here as Core/README.md lays them out (independently of <c>ReportTable</c>).</summary>
public sealed class ReportTests
{
    private static readonly string Banner = new string('=', 33) + " REPORT CSV FLUSH " + new string('=', 36);
    private const string Header = "id, id_type, name, whamm_type, wasm_type, script_id, fname, fid, pc, probe_id, value(s)";

    [Fact]
    public void FormatsSiteRowsFromKindsFunctionsAndDeltas()
    {
        using var host = new CoreHost();
        var (kp, kl) = host.PutString("(ii)");
        var (vp, vl) = host.PutString("i");
        host.Instance.GetAction<int, int, int, int, int>(CoreLibrary.Exports.MapCreateWithId)!(0, kp, kl, vp, vl);
        var slot = host.Instance.GetFunction<int, int, int>(CoreLibrary.Exports.MapSlot)!(0, host.Put(new Packer().I32(1).I32(2).ToArray()));
        host.Memory.WriteInt32(slot, 5);

        var kinds = new (string Text, string Probe, string Desc)[]
        {
            (", memaddr, count, u32, u32, script0, ", "0_wasm:opcode:call:before, ", "I"),
            (", memaddr, t, (u8, i32, i64), (i32; i32; i64), script0, ", "1_wasm:opcode:call:before, ", "(Biq)"),
            ("3, global_id, total, f64, f64, script0, , , , , ", "", "d"),
            ("0, map_id, m, map<(i32,i32),i32>, i32, script0, , , , , ", "", "m"),
            (", memaddr, wide, u64, i64, script0, ", "2_wasm:opcode:call:before, ", "Q"),
            (", memaddr, reached, bool, i32, script0, ", "3_wasm:opcode:nop:before, ", "z"),
        };
        var functions = new (uint Fid, string Name)[] { (7, "main"), (0, ""), (4000000000, "#4000000000") };
        var count = host.Put(new Packer().U32(1).ToArray());
        var shared = host.Put(new Packer().U32(42).ToArray());
        var tuple = host.Put(new Packer().U8(255).I32(-1).I64(long.MinValue).ToArray());
        var total = host.Put(new Packer().F64(1000.18).ToArray());
        var mapId = host.Put(new Packer().I32(0).ToArray());
        var wide = host.Put(new Packer().I64(-1).ToArray());
        var flags = host.Put(new Packer().U8(2).U8(0).ToArray());
        // (kind, id, value, function, pc, printed): ids, functions and pcs go up and down, a value is shared, a
        // pc is negative, an id needs a five-byte LEB128; global rows ignore id, function and pc. The third row has
        // the step, value and function of the second (every field left out), others one or two of them.
        var rows = new (int Kind, uint Id, int Value, int Function, int Pc, string Printed)[]
        {
            (0, (uint)count, count, 0, 9, $"{count}, memaddr, count, u32, u32, script0, main, 7, 9, 0_wasm:opcode:call:before, 1"),
            (0, (uint)count + 4, shared, 0, 200, $"{count + 4}, memaddr, count, u32, u32, script0, main, 7, 200, 0_wasm:opcode:call:before, 42"),
            (0, (uint)count + 8, shared, 0, 201, $"{count + 8}, memaddr, count, u32, u32, script0, main, 7, 201, 0_wasm:opcode:call:before, 42"),
            (1, (uint)tuple, tuple, 2, 3, $"{tuple}, memaddr, t, (u8, i32, i64), (i32; i32; i64), script0, #4000000000, 4000000000, 3, 1_wasm:opcode:call:before, (255; -1; -9223372036854775808)"),
            (0, 4000000000u, count, 1, -1, $"4000000000, memaddr, count, u32, u32, script0, , 0, -1, 0_wasm:opcode:call:before, 1"),
            (2, 0, total, 0, 0, "3, global_id, total, f64, f64, script0, , , , , +1.00018e3"),
            (3, 12345, mapId, 2, 77, "0, map_id, m, map<(i32,i32),i32>, i32, script0, , , , , (1,2)->5"),
            (4, (uint)wide, wide, 0, 5, $"{wide}, memaddr, wide, u64, i64, script0, main, 7, 5, 2_wasm:opcode:call:before, 18446744073709551615"),
            (5, (uint)flags, flags, 0, 6, $"{flags}, memaddr, reached, bool, i32, script0, main, 7, 6, 3_wasm:opcode:nop:before, true"),
            (5, (uint)flags + 1, flags + 1, 0, 7, $"{flags + 1}, memaddr, reached, bool, i32, script0, main, 7, 7, 3_wasm:opcode:nop:before, false"),
            // Ids a step apart carry into a new digit (the report adds small steps to the last id's digits).
            (0, 96, count, 0, 1, "96, memaddr, count, u32, u32, script0, main, 7, 1, 0_wasm:opcode:call:before, 1"),
            (0, 100, count, 0, 2, "100, memaddr, count, u32, u32, script0, main, 7, 2, 0_wasm:opcode:call:before, 1"),
            (0, 104, count, 0, 3, "104, memaddr, count, u32, u32, script0, main, 7, 3, 0_wasm:opcode:call:before, 1"),
            (0, 999_999_998, count, 0, 4, "999999998, memaddr, count, u32, u32, script0, main, 7, 4, 0_wasm:opcode:call:before, 1"),
            (0, 1_000_000_002, count, 0, 5, "1000000002, memaddr, count, u32, u32, script0, main, 7, 5, 0_wasm:opcode:call:before, 1"),
            (0, 1_000_000_010, count, 0, 6, "1000000010, memaddr, count, u32, u32, script0, main, 7, 6, 0_wasm:opcode:call:before, 1"),
        };

        var kindTable = new Packer();
        foreach (var (text, probe, desc) in kinds) kindTable.Str(host.PutString(text)).Str(probe.Length == 0 ? (0, 0) : host.PutString(probe)).Str(host.PutString(desc));
        var functionTable = new Packer();
        foreach (var (fid, name) in functions) functionTable.Str(host.PutString($"{name}, {fid}, "));
        var stream = new List<byte>();
        (uint Id, uint Step, uint Value, int Function, int Pc) last = default;
        var heads = new HashSet<int>();
        foreach (var r in rows)
        {
            var (step, pcStep) = (r.Id - last.Id, r.Pc - last.Pc);
            var head = (r.Function == last.Function ? 0x80 : 0) | ((uint)r.Value == last.Value ? 0x40 : 0) | (step == last.Step ? 0x20 : 0)
                | (pcStep is >= 0 and <= 30 ? pcStep : 31);
            heads.Add(head & 0xe0);
            stream.Add((byte)head);
            Leb(stream, r.Kind);
            if ((head & 0x20) == 0) Leb(stream, (int)step);
            if ((head & 0x40) == 0) Leb(stream, (int)((uint)r.Value - r.Id));
            if ((head & 0x80) == 0) Leb(stream, r.Function - last.Function);
            if ((head & 0x1f) == 31) Leb(stream, pcStep);
            last = (r.Id, step, (uint)r.Value, r.Function, r.Pc);
        }
        Assert.Contains(0xe0, heads); // every field left out in some row,
        Assert.Contains(0, heads);    // and every field written in another
        var table = new Packer().I32(host.Put(stream.ToArray())).I32(rows.Length).I32(host.Put(kindTable.ToArray())).I32(host.Put(functionTable.ToArray())).ToArray();
        Assert.Equal(CoreLibrary.ReportLayout.TableSize, table.Length);
        Assert.Equal(CoreLibrary.ReportLayout.KindSize * kinds.Length, kindTable.ToArray().Length);
        Assert.Equal(CoreLibrary.ReportLayout.FunctionSize * functions.Length, functionTable.ToArray().Length);

        host.Action(CoreLibrary.Exports.PutC)('x'); // earlier output comes first
        host.Action(CoreLibrary.Exports.Report)(host.Put(table));
        Assert.Equal(1, host.WriteCalls); // the report flushes by itself

        var expected = "x\n" + Banner + "\n" + Header + "\n" + string.Concat(rows.Select(r => r.Printed + "\n"));
        Assert.Equal(expected, host.TakeOutput());
    }

    /// <summary>Signed LEB128 (the row stream's kind is unsigned, but small kinds encode alike).</summary>
    private static void Leb(List<byte> stream, int value)
    {
        while (true)
        {
            var b = (byte)(value & 0x7F);
            value >>= 7;
            if ((value == 0 && (b & 0x40) == 0) || (value == -1 && (b & 0x40) != 0))
            {
                stream.Add(b);
                return;
            }
            stream.Add((byte)(b | 0x80));
        }
    }

    [Fact]
    public void EmptyTablePrintsOnlyTheHeader()
    {
        using var host = new CoreHost();
        host.Action(CoreLibrary.Exports.Report)(host.Put(new byte[CoreLibrary.ReportLayout.TableSize]));
        Assert.Equal("\n" + Banner + "\n" + Header + "\n", host.TakeOutput());
    }
}
