using Whamm.Runtime.Reports;
using static Whamm.Runtime.Tests.Reports.ReportSamples;

namespace Whamm.Runtime.Tests.Reports;

public class ReportParserTests
{
    private static ReportRow Row(string line) => Assert.Single(Report.Parse(Table(line)).Rows);

    [Fact]
    public void SiteRowHasItsSiteAndProbe()
    {
        var row = Row(SiteCount);
        Assert.Equal((21024L, "memaddr", "count", "u32", "i32", "script0"), (row.Id, row.IdType, row.Name, row.Type.Text, row.WasmType, row.ScriptId));
        Assert.Equal(("main", 2u, 7u), (row.FunctionName, row.Fid, row.Pc));
        Assert.Equal(("0_wasm:opcode:call:before", 0, "wasm:opcode:call:before", "call"), (row.ProbeId, row.ProbeIndex, row.Rule, row.Opcode));
        Assert.Equal(new IntegerValue("3", 3), row.Value);
        Assert.True(row.IsSite);
    }

    [Fact]
    public void GlobalRowHasNoSiteAndExactU64()
    {
        var row = Row(GlobalTotal);
        Assert.Equal((null, null, null, null), (row.FunctionName, row.Fid, row.Pc, row.ProbeId));
        Assert.False(row.IsSite);
        Assert.Equal((Int128)ulong.MaxValue, Assert.IsType<IntegerValue>(row.Value).Value);
    }

    [Fact]
    public void TupleElementsAreReadByTheirTypes()
    {
        var tuple = Assert.IsType<TupleValue>(Row(Pair).Value);
        Assert.Equal([new IntegerValue("14", 14), new IntegerValue("-9223372036854775808", long.MinValue), new BoolValue("true", true)], tuple.Elements);
    }

    [Fact]
    public void NestedTupleWithAStringContainingACommaAndSpace()
    {
        var outer = Assert.IsType<TupleValue>(Row(Nested).Value);
        var inner = Assert.IsType<TupleValue>(outer.Elements[1]);
        Assert.Equal(new StringValue("calls, twice"), inner.Elements[1]);
        Assert.Equal("(-7; calls, twice)", inner.Text);
    }

    [Fact]
    public void MapWithTupleKeysInKeyOrder()
    {
        var map = Assert.IsType<MapValue>(Row(Graph).Value);
        Assert.Equal(3, map.Count);
        Assert.Equal(["(1,0)", "(2,0)", "(2,1)"], map.Entries.Select(e => e.Key.Text));
        Assert.Equal([3.0, 1.0, 3.0], map.Entries.Select(e => e.Value.Number!.Value));
        var key = Assert.IsType<TupleValue>(map.Entries.ElementAt(2).Key);
        Assert.Equal([new IntegerValue("2", 2), new IntegerValue("1", 1)], key.Elements);
    }

    [Fact]
    public void LargeMapIsCountedAndItsEntriesReadWhenEnumerated()
    {
        var map = Assert.IsType<MapValue>(Row(Trace(100_000)).Value);
        Assert.Equal(100_000, map.Count);
        var last = map.Entries.Last();
        Assert.Equal(("(99999,false)", 99999 % 7.0), (last.Key.Text, last.Value.Number!.Value));
        Assert.Equal(Enumerable.Range(0, 100_000).Sum(a => a % 7), map.Entries.Sum(e => (int)e.Value.Number!.Value));
    }

    [Fact]
    public void LargeMapShowsItsFirstEntriesAndHowManyMore()
    {
        var map = Assert.IsType<MapValue>(Row(Trace(ReportDisplay.MapEntries + 1234)).Value);
        var lines = ReportDisplay.MapText(map, " -> ", "\n").Split('\n');
        Assert.Equal(ReportDisplay.MapEntries + 1, lines.Length);
        Assert.Equal(("(0,false) -> 0", "(999,false) -> 5", "… and 1,234 more entries"), (lines[0], lines[^2], lines[^1]));
        var small = Assert.IsType<MapValue>(Row(Graph).Value);
        Assert.Equal(small.Text, ReportDisplay.MapText(small, "->", ";"));
    }

    [Fact]
    public void MapWithABadEntryFarInIsKeptAsTextOnly()
    {
        var row = Row(Trace(5000).Replace("(4000,false)->3", "(4000,false)->x", StringComparison.Ordinal));
        Assert.Null(row.Value);
    }

    [Fact]
    public void EmptyMapHasNoEntries()
    {
        var map = Assert.IsType<MapValue>(Row(EmptyMap).Value);
        Assert.Empty(map.Entries);
        Assert.Equal(0, map.Count);
        Assert.Equal("empty map", map.Text);
    }

    [Fact]
    public void FloatsInRustScientificNotation()
    {
        var values = Assert.IsType<TupleValue>(Row(Floats).Value).Elements.Cast<FloatValue>().Select(f => f.Value).ToArray();
        Assert.Equal(1000.18, values[0]);
        Assert.True(double.IsNegative(values[1]) && values[1] == 0);
        Assert.Equal(double.PositiveInfinity, values[2]);
        Assert.True(double.IsNaN(values[3]));
    }

    [Theory]
    [InlineData("u32", "twelve")]
    [InlineData("f64", "1.5")]          // {:+e} always has a sign
    [InlineData("bool", "yes")]
    [InlineData("(u32,u32)", "(1; 2; 3)")]
    [InlineData("map<u32,u32>", "1->2;3")]
    public void ValueThatDoesNotFitItsTypeIsKeptAsTextOnly(string type, string text)
    {
        var row = Row($"2, global_id, x, {type}, i32, script0, , , , , {text}");
        Assert.Null(row.Value);
        Assert.Equal(text, row.ValueText);
    }

    [Fact]
    public void FunctionNameWithCommasIsFoundByTheShapeOfTheSiteColumns()
    {
        var row = Row("40, memaddr, n, u32, i32, script0, f(int, int), 3, 12, 1_wasm:func:entry:<no-mode>, 9");
        Assert.Equal(("f(int, int)", 3u, 12u, "wasm:func:entry:<no-mode>", 9.0), (row.FunctionName, row.Fid, row.Pc, row.Rule, row.Value!.Number));
        Assert.Null(row.Opcode);
    }

    [Fact]
    public void TextAroundTheTableIsKeptAndRowsStopAtTheFirstNonRow()
    {
        var text = "hello from the monitor\n" + Table(SiteCount, SiteCount2) + "== map0 CSV FLUSH ==\nempty map\n";
        var report = Report.Parse(text);
        Assert.True(report.HasTable);
        Assert.Equal(2, report.Rows.Count);
        Assert.Equal("hello from the monitor\n", report.Before);
        Assert.Equal("== map0 CSV FLUSH ==\nempty map\n", report.After);
        Assert.Equal(text, report.Text);
    }

    [Fact]
    public void HeaderAtTheEndOfTheOutputIsAnEmptyTable()
    {
        var report = Report.Parse("x\n" + Report.Banner + "\n" + Report.Header);
        Assert.True(report.HasTable);
        Assert.Empty(report.Rows);
        Assert.Equal(("x\n", ""), (report.Before, report.After));
        Assert.False(Report.Parse("x " + Report.Banner + "\n" + Report.Header + "\n").HasTable); // not a line of its own
    }

    [Fact]
    public void OutputWithoutTheBannerIsAllBefore()
    {
        var report = Report.Parse("custom report: 42\n");
        Assert.False(report.HasTable);
        Assert.Empty(report.Rows);
        Assert.Equal("custom report: 42\n", report.Before);
        Assert.False(report.IsEmpty);
        Assert.True(Report.Parse("").IsEmpty);
    }

    [Theory]
    [InlineData("u8")]
    [InlineData("map<(u32,(i8,str)),f64>")]
    [InlineData("(bool,str)")]
    public void TypesRoundTrip(string text) => Assert.Equal(text, ReportType.Parse(text)?.Text);

    [Theory]
    [InlineData("u128")]
    [InlineData("map<u32>")]
    [InlineData("(u32,")]
    [InlineData("u32 ")]
    public void UnknownTypesAreRefused(string text) => Assert.Null(ReportType.Parse(text));
}
