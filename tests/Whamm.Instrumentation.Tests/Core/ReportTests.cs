using System.Buffers.Binary;
using Whamm.Instrumentation.Core;

namespace Whamm.Instrumentation.Tests.Core;

/// <summary><c>whamm_report</c> on a table built here, as the instrumenter lays it out.</summary>
public sealed class ReportTests
{
    private static readonly string Banner = new string('=', 33) + " REPORT CSV FLUSH " + new string('=', 36);
    private const string Header = "id, id_type, name, whamm_type, wasm_type, script_id, fname, fid, pc, probe_id, value(s)";

    [Fact]
    public void PrintsBannerHeaderAndOneRowPerEntry()
    {
        using var host = new CoreHost();
        var (kp, kl) = host.PutString("(ii)");
        var (vp, vl) = host.PutString("i");
        host.Instance.GetAction<int, int, int, int, int>(CoreLibrary.Exports.MapCreateWithId)!(0, kp, kl, vp, vl);
        var slot = host.Instance.GetFunction<int, int, int>(CoreLibrary.Exports.MapSlot)!(0, host.Put(new Packer().I32(1).I32(2).ToArray()));
        host.Memory.WriteInt32(slot, 5);

        var rows = new (string Prefix, string Desc, byte[] Value, string Printed)[]
        {
            ("4, memaddr, count, u32, i32, script0, main, 5, 9, 0_wasm:opcode:call:before, ", "I", new Packer().U32(1).ToArray(), "1"),
            ("36, memaddr, t, (u8, i32, i64), (i32; i32; i64), script0, #3, 3, 18, 1_wasm:opcode:call:before, ", "(Biq)", new Packer().U8(255).I32(-1).I64(long.MinValue).ToArray(), "(255; -1; -9223372036854775808)"),
            ("3, global_id, total, f64, f64, script0, , , , , ", "d", new Packer().F64(1000.18).ToArray(), "+1.00018e3"),
            ("0, map_id, m, map<(i32,i32),i32>, i32, script0, , , , , ", "m", new Packer().I32(0).ToArray(), "(1,2)->5"),
        };
        var table = new byte[rows.Length * CoreLibrary.ReportEntrySize];
        for (var i = 0; i < rows.Length; i++)
        {
            var prefix = host.PutString(rows[i].Prefix);
            var desc = host.PutString(rows[i].Desc);
            var entry = table.AsSpan(i * CoreLibrary.ReportEntrySize);
            foreach (var (field, value) in new[] { prefix.Ptr, prefix.Len, desc.Ptr, desc.Len, host.Put(rows[i].Value) }.Select((v, f) => (f, v)))
                BinaryPrimitives.WriteInt32LittleEndian(entry[(4 * field)..], value);
        }
        host.Action(CoreLibrary.Exports.PutC)('x'); // earlier output comes first
        host.Instance.GetAction<int, int>(CoreLibrary.Exports.Report)!(host.Put(table), rows.Length);
        Assert.Equal(1, host.WriteCalls); // the report flushes by itself

        var expected = "x\n" + Banner + "\n" + Header + "\n" + string.Concat(rows.Select(r => r.Prefix + r.Printed + "\n"));
        Assert.Equal(expected, host.TakeOutput());
    }

    [Fact]
    public void EmptyTablePrintsOnlyTheHeader()
    {
        using var host = new CoreHost();
        host.Instance.GetAction<int, int>(CoreLibrary.Exports.Report)!(0, 0);
        Assert.Equal("\n" + Banner + "\n" + Header + "\n", host.TakeOutput());
    }
}
