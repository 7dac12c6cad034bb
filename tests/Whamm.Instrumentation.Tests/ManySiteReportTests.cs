using System.Globalization;
using System.Text;
using Whamm.Language.Semantics;
using Whamm.Language.Text;
using Whamm.Wasm.Reading;

namespace Whamm.Instrumentation.Tests;

/// <summary>
/// The default report of thousands of sites (a per-site row per <c>i32.const</c> and per <c>drop</c> of a generated
/// program), compared with rows computed here from how the program is built: function <c>k</c> is
/// <c>PairsIn(k)</c> × <c>i32.const 1; drop</c> without locals (so instruction pair <c>j</c> is at pc <c>1 + 3j</c>
/// and <c>3j + 3</c>), run <c>k % 3 + 1</c> times by <c>_start</c>; even functions are named, odd ones print as
/// <c>#fid</c>.
/// </summary>
public sealed class ManySiteReportTests
{
    private const int Functions = 40;
    private static int PairsIn(int k) => 50 + k;
    private static int Runs(int k) => k % 3 + 1;

    private const string Script = """
        report var total: u64;
        wasm:opcode:i32.const:before { report var count: u32; count++; total++; }
        wasm:opcode:drop:before { report var weight: u64; weight = weight + pc as u64; }
        """;

    [Fact]
    public void EveryRowMatchesTheProgramsShape()
    {
        var rows = ReportRows(Run(App()));

        var expected = ExpectedRows();
        Assert.True(expected.Count > 4000, $"only {expected.Count} rows");
        Assert.Equal(expected, rows.Select(r => r.Tail));
        // Ids are the variables' addresses: distinct, in allocation order within each type group.
        var siteIds = rows.Take(expected.Count - 1).Select(r => r.Id).ToArray();
        Assert.Equal(siteIds.Length, siteIds.Distinct().Count());
        var half = siteIds.Length / 2;
        Assert.True(siteIds[..half].Zip(siteIds[1..half]).All(p => p.First < p.Second), "u32 ids ascend");
        Assert.True(siteIds[half..].Zip(siteIds[(half + 1)..]).All(p => p.First < p.Second), "u64 ids ascend");
    }

    [Fact]
    public void AReportWrittenThroughTheApplicationsMemoryLeavesItsBytesAsTheyWere()
    {
        // The application exports its memory, so the report's 400 KB reach WASI through its first bytes (OutputBridge).
        var pattern = string.Concat(Enumerable.Range(0, 5000).Select(i => (char)('a' + i % 26) + "bcdefgh"));
        var memory = $"  (memory (export \"memory\") 1)\n  (data (i32.const 0) \"{pattern}\")\n";
        var after = Array.Empty<byte>();
        var stdout = Run(App(memory), instance => after = instance.GetMemory("memory")!.GetSpan(0, pattern.Length).ToArray());

        Assert.Equal(ExpectedRows(), ReportRows(stdout).Select(r => r.Tail));
        Assert.Equal(pattern, Encoding.ASCII.GetString(after));
    }

    /// <summary>Every row but the ids, in the report's order.</summary>
    private static List<string> ExpectedRows()
    {
        var expected = new List<string>();
        for (var k = 0; k < Functions; k++)
            for (var j = 0; j < PairsIn(k); j++)
                expected.Add(Row("count", "u32, i32", k, 1 + 3 * j, "0_wasm:opcode:i32.const:before", Runs(k)));
        for (var k = 0; k < Functions; k++)
            for (var j = 0; j < PairsIn(k); j++)
                expected.Add(Row("weight", "u64, i64", k, 3 + 3 * j, "1_wasm:opcode:drop:before", Runs(k) * (3 + 3 * j)));
        var total = Enumerable.Range(0, Functions).Sum(k => PairsIn(k) * Runs(k));
        expected.Add($", global_id, total, u64, i64, script0, , , , , {total}");
        return expected;
    }

    private static string Row(string name, string types, int fid, int pc, string probe, long value)
    {
        var fname = fid % 2 == 0 ? $"f{fid}" : $"#{fid}";
        return string.Create(CultureInfo.InvariantCulture, $", memaddr, {name}, {types}, script0, {fname}, {fid}, {pc}, {probe}, {value}");
    }

    private static string App(string memory = "")
    {
        var wat = new StringBuilder("(module\n").Append(memory);
        for (var k = 0; k < Functions; k++)
        {
            wat.Append(k % 2 == 0 ? $"  (func $f{k}" : "  (func");
            for (var j = 0; j < PairsIn(k); j++) wat.Append(" i32.const 1 drop");
            wat.Append(")\n");
        }
        wat.Append("  (func (export \"_start\")");
        for (var k = 0; k < Functions; k++)
            for (var r = 0; r < Runs(k); r++) wat.Append($" call {k}");
        return wat.Append("))\n").ToString();
    }

    /// <summary>Instruments <paramref name="wat"/> with <see cref="Script"/>, runs <c>_start</c> under WASI (then <paramref name="after"/>); its stdout.</summary>
    private static string Run(string wat, Action<Wasmtime.Instance>? after = null)
    {
        var (script, diagnostics) = Checker.Check(SourceText.From(Script, "many.mm"));
        Assert.False(script.HasErrors, string.Join("\n", diagnostics));
        return WasiHarness.RunStart(Instrumenter.Instrument(ModuleReader.Read(Wasmtime.Module.ConvertText(wat).ToArray()), script).ToBytes(), after);
    }

    /// <summary>The report's rows after the banner and header, split into the id and the rest of the line.</summary>
    private static (uint Id, string Tail)[] ReportRows(string stdout)
    {
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = Array.IndexOf(lines, "id, id_type, name, whamm_type, wasm_type, script_id, fname, fid, pc, probe_id, value(s)");
        Assert.True(header > 0, stdout);
        return lines[(header + 1)..]
            .Select(l => (uint.Parse(l[..l.IndexOf(',')], CultureInfo.InvariantCulture), l[l.IndexOf(',')..]))
            .ToArray();
    }
}
