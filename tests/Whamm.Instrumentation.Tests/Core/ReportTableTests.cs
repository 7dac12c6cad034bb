using Whamm.Instrumentation.Core;
using Whamm.Instrumentation.State;
using Whamm.Language.Semantics;

namespace Whamm.Instrumentation.Tests.Core;

/// <summary>
/// <see cref="ReportTable"/> writes its rows into a static region placed in a bare core library instance, whose
/// <c>whamm_report</c> must print them in Whamm's order: shared values, tuple groups, a row without a function.
/// </summary>
public sealed class ReportTableTests
{
    private const string Header = "id, id_type, name, whamm_type, wasm_type, script_id, fname, fid, pc, probe_id, value(s)";

    [Fact]
    public void PrintsRowsInWhammsOrderWithSharedValues()
    {
        using var host = new CoreHost();
        var data = new StaticData((uint)host.Alloc(1 << 16));
        var table = new ReportTable();
        var call = new ReportSite(3, 10, "g", 0, "wasm:opcode:call:before");
        var later = call with { Pc = 4, Fid = 5, FunctionName = "#5" };
        var begin = new ReportSite(0, 0, "", 2, "wasm:begin:<no-mode>");
        var iu = WhammType.Tuple(WhammType.I32, WhammType.U8);
        var bu = WhammType.Tuple(WhammType.Bool, WhammType.U8);

        var a = Value(data, table, call, "count", WhammType.U32, [7, 0, 0, 0]);
        var b = Value(data, table, later, "count", WhammType.U32, [0, 0, 0, 0], readFrom: a); // prints a's value under its own id
        var t1 = Value(data, table, call, "t", iu, [0xFF, 0xFF, 0xFF, 0xFF, 9]);
        var small = Value(data, table, begin, "small", WhammType.U8, [200]);
        var t2 = Value(data, table, later, "t", bu, [1, 3]);
        var global = data.Reserve(8, 8);
        data.Write(global, BitConverter.GetBytes(1000.18));
        table.AddGlobal("total", WhammType.F64, "4", global);
        Assert.Equal(6, table.Count);

        var argument = table.Write(data);
        foreach (var (address, bytes) in data.Segments()) bytes.Span.CopyTo(host.Memory.GetSpan((int)address, bytes.Length));
        host.Action(CoreLibrary.Exports.Report)((int)argument);

        string[] expected =
        [
            $"{small}, memaddr, small, u8, i32, script0, , 0, 0, 2_wasm:begin:<no-mode>, 200",
            $"{a}, memaddr, count, u32, i32, script0, g, 3, 10, 0_wasm:opcode:call:before, 7",
            $"{b}, memaddr, count, u32, i32, script0, #5, 5, 4, 0_wasm:opcode:call:before, 7",
            $"{t2}, memaddr, t, (bool,u8), (i32; i32), script0, #5, 5, 4, 0_wasm:opcode:call:before, (true; 3)",
            $"{t1}, memaddr, t, (i32,u8), (i32; i32), script0, g, 3, 10, 0_wasm:opcode:call:before, (-1; 9)",
            "4, global_id, total, f64, f64, script0, , , , , +1.00018e3",
        ];
        var lines = host.TakeOutput().Split('\n');
        Assert.Equal(Header, lines[2]);
        Assert.Equal(expected, lines[3..^1]);
    }

    [Fact]
    public void RowsOfSeveralChunksInTwoGroupsPrintInOrder()
    {
        using var host = new CoreHost();
        const int Sites = 30_000; // three bytes a row: 90 KB a group, in chunks of 4, 8, 16, 32 and 64 KiB
        var data = new StaticData((uint)host.Alloc(1 << 20));
        var table = new ReportTable();
        var counts = new List<string>();
        var totals = new List<string>();
        for (var i = 0; i < Sites; i++)
        {
            var (fid, pc) = ((uint)(i / 1000), i % 1000 * 7);
            var site = new ReportSite(fid, pc, $"f{fid}", 0, "wasm:opcode:nop:before");
            var count = Value(data, table, site, "n", WhammType.U32, BitConverter.GetBytes(i * 3));
            counts.Add($"{count}, memaddr, n, u32, i32, script0, f{fid}, {fid}, {pc}, 0_wasm:opcode:nop:before, {i * 3}");
            var total = Value(data, table, site, "t", WhammType.U64, BitConverter.GetBytes((long)i << 33));
            totals.Add($"{total}, memaddr, t, u64, i64, script0, f{fid}, {fid}, {pc}, 0_wasm:opcode:nop:before, {(long)i << 33}");
        }

        var argument = table.Write(data);
        foreach (var (address, bytes) in data.Segments()) bytes.Span.CopyTo(host.Memory.GetSpan((int)address, bytes.Length));
        host.Action(CoreLibrary.Exports.Report)((int)argument);

        var lines = host.TakeOutput().Split('\n');
        Assert.Equal([.. counts, .. totals], lines[3..^1]);
    }

    [Fact]
    public void RowsAllocatedOutOfAddressOrderAreAnInternalError()
    {
        var table = new ReportTable();
        var site = new ReportSite(0, 1, "f", 0, "wasm:opcode:nop:before");
        var kind = table.SiteKind("n", WhammType.U32, site.ProbeIndex, site.Rule);
        table.AddSiteRow(kind, site.Fid, site.FunctionName, site.Pc, 104, 104);
        var e = Assert.Throws<InstrumentationException>(() => table.AddSiteRow(kind, site.Fid, site.FunctionName, site.Pc, 100, 100));
        Assert.True(e.IsInternal);
    }

    /// <summary>A site variable with its initial bytes in <paramref name="data"/>; its address.</summary>
    private static uint Value(StaticData data, ReportTable table, ReportSite site, string name, WhammType type, byte[] bytes, uint? readFrom = null)
    {
        var address = data.Reserve(bytes.Length, 4);
        data.Write(address, bytes);
        table.AddSiteRow(table.SiteKind(name, type, site.ProbeIndex, site.Rule), site.Fid, site.FunctionName, site.Pc, address, readFrom ?? address);
        return address;
    }
}
