using Whamm.Runtime.Reports;

namespace Whamm.Runtime.Tests.Reports;

/// <summary>Report outputs as the core library prints them (shapes from the rewriter's scenarios).</summary>
internal static class ReportSamples
{
    public static string Table(params string[] rows) => "\n" + Report.Banner + "\n" + Report.Header + "\n" + string.Concat(rows.Select(r => r + "\n"));

    public const string SiteCount = "21024, memaddr, count, u32, i32, script0, main, 2, 7, 0_wasm:opcode:call:before, 3";
    public const string SiteCount2 = "21028, memaddr, count, u32, i32, script0, main, 2, 29, 0_wasm:opcode:call:before, 1";
    public const string SiteInOther = "21032, memaddr, count, u32, i32, script0, twice, 1, 5, 0_wasm:opcode:i32.add:before, 5";
    public const string GlobalTotal = "2, global_id, total, u64, i64, script0, , , , , 18446744073709551615";
    public const string Pair = "4, global_id, pair, (u32,i64,bool), (i32; i64; i32), script0, , , , , (14; -9223372036854775808; true)";
    public const string Nested = "7, global_id, nested, (u8,(i32,str)), (i32; i32; i32; i32), script0, , , , , (255; (-7; calls, twice))";
    public const string Graph = "0, map_id, graph, map<(u32,u32),u32>, i32, script0, , , , , (1,0)->3;(2,0)->1;(2,1)->3";
    public const string EmptyMap = "1, map_id, seen, map<u32,str>, i32, script0, , , , , empty map";
    /// <summary>A memory trace of <paramref name="entries"/> addresses, each read <c>address % 7</c> times.</summary>
    public static string Trace(int entries) =>
        "0, map_id, trace, map<(u32,bool),u32>, i32, script0, , , , , " + string.Join(';', Enumerable.Range(0, entries).Select(a => $"({a},false)->{a % 7}"));

    public const string Floats = "8, global_id, ratio, (f64,f32,f64,f64), (f64; f32; f64; f64), script0, , , , , (+1.00018e3; -0e0; +inf; NaN)";
}
