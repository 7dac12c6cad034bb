using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Whamm.Runtime.Reports;
using Whamm.Runtime.Reports.Html;
using static Whamm.Runtime.Tests.Reports.ReportSamples;

namespace Whamm.Runtime.Tests.Reports;

public class ReportWriterTests
{
    private static readonly ReportContext Context = new("calls.mm", "app.wasm", "exit 0");

    private static string Render(Action<Report, ReportContext, Stream> write, string text)
    {
        using var stream = new MemoryStream();
        write(Report.Parse(text), Context, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static JsonElement Json(params string[] rows) => JsonDocument.Parse(Render(ReportJsonWriter.Write, Table(rows))).RootElement;

    [Fact]
    public void JsonHasTheDocumentedTopLevelFields()
    {
        var json = Json(SiteCount);
        Assert.Equal("whamm-report/1", json.GetProperty("schema").GetString());
        Assert.Equal(("calls.mm", "app.wasm", "exit 0"), (json.GetProperty("script").GetString(), json.GetProperty("app").GetString(), json.GetProperty("outcome").GetString()));
        Assert.True(json.GetProperty("has_table").GetBoolean());
        Assert.Equal("", json.GetProperty("before").GetString());
        Assert.Equal("", json.GetProperty("after").GetString());
    }

    [Fact]
    public void JsonSiteRow()
    {
        var row = Json(SiteCount).GetProperty("rows")[0];
        Assert.Equal(
            """{"id":21024,"id_type":"memaddr","name":"count","whamm_type":"u32","wasm_type":"i32","script_id":"script0","fname":"main","fid":2,"pc":7,"probe":"0_wasm:opcode:call:before","probe_index":0,"rule":"wasm:opcode:call:before","opcode":"call","value":3,"text":"3"}""",
            JsonSerializer.Serialize(row));
    }

    [Fact]
    public void JsonGlobalRowHasNullSiteAndAnExactU64()
    {
        var row = Json(GlobalTotal).GetProperty("rows")[0];
        foreach (var field in (string[])["fname", "fid", "pc", "probe", "probe_index", "rule", "opcode"])
            Assert.Equal(JsonValueKind.Null, row.GetProperty(field).ValueKind);
        Assert.Equal(ulong.MaxValue, row.GetProperty("value").GetUInt64());
    }

    [Fact]
    public void JsonValuesAreTyped()
    {
        var rows = Json(Pair, Graph, EmptyMap, Floats, "9, global_id, broken, u32, i32, script0, , , , , n/a").GetProperty("rows");
        Assert.Equal("[14,-9223372036854775808,true]", JsonSerializer.Serialize(rows[0].GetProperty("value")));
        Assert.Equal("""[{"key":[1,0],"value":3},{"key":[2,0],"value":1},{"key":[2,1],"value":3}]""", JsonSerializer.Serialize(rows[1].GetProperty("value")));
        Assert.Equal("[]", rows[2].GetProperty("value").GetRawText());
        var floats = rows[3].GetProperty("value");
        Assert.Equal((1000.18, "-0", "+inf", "NaN"), (floats[0].GetDouble(), floats[1].GetRawText(), floats[2].GetString(), floats[3].GetString()));
        Assert.Equal(JsonValueKind.Null, rows[4].GetProperty("value").ValueKind);
        Assert.Equal("n/a", rows[4].GetProperty("text").GetString());
    }

    [Fact]
    public void HtmlIsSelfContained()
    {
        var html = Render(ReportHtmlWriter.Write, Table(SiteCount, SiteCount2, SiteInOther, Graph));
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.DoesNotMatch(@"(?i)\b(src|href)\s*=", html);
        Assert.DoesNotContain("http", html);
        Assert.DoesNotContain("@import", html);
        Assert.Contains("<style>", html);
        Assert.Contains("<script>", html);
    }

    [Fact]
    public void HtmlTableHasOneRowPerReportRowWithTheValuesAsPrinted()
    {
        var html = Render(ReportHtmlWriter.Write, Table(SiteCount, GlobalTotal, Graph));
        var body = Regex.Match(html, "<tbody>(.*)</tbody>", RegexOptions.Singleline).Groups[1].Value;
        var rows = Regex.Matches(body, "<tr>(.*?)</tr>").Select(m => Regex.Matches(m.Groups[1].Value, "<td[^>]*>(.*?)</td>").Select(c => c.Groups[1].Value).ToArray()).ToArray();
        Assert.Equal(3, rows.Length);
        Assert.Equal(["21024", "memaddr", "count", "u32", "i32", "script0", "main", "2", "7", "0_wasm:opcode:call:before", "3"], rows[0]);
        Assert.Equal("18446744073709551615", rows[1][10]);
        Assert.Equal("(1,0)-&gt;3;(2,0)-&gt;1;(2,1)-&gt;3", rows[2][10]);
    }

    [Fact]
    public void HtmlEscapesWhatTheMonitorPrinted()
    {
        var html = Render(ReportHtmlWriter.Write, "<script>alert(1)</script>\n" + Table("3, global_id, s, str, (i32; i32), script0, , , , , </td><img>"));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("&lt;/td&gt;&lt;img&gt;", html);
        Assert.DoesNotContain("<img>", html);
    }

    [Fact]
    public void HtmlChartsTheHottestSitesFunctionsOpcodesAndMaps()
    {
        var html = Render(ReportHtmlWriter.Write, Table(SiteCount, SiteCount2, SiteInOther, Graph));
        var titles = Regex.Matches(html, "<figcaption><b>(.*?)</b>").Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(["Hottest sites: count", "Hottest functions: count summed per function", "count per opcode", "Map graph: map&lt;(u32,u32),u32&gt;"], titles);
        // Hottest sites by value: twice pc 5 (5), main pc 7 (3), main pc 29 (1).
        var sites = Regex.Match(html, "Hottest sites: count.*?</svg>", RegexOptions.Singleline).Value;
        Assert.Equal(["twice pc 5", "main pc 7", "main pc 29"], Regex.Matches(sites, "<text class=\"label\"[^>]*>(.*?)</text>").Select(m => m.Groups[1].Value));
        // Functions summed: main 3 + 1 = 4, twice 5.
        var functions = Regex.Match(html, "Hottest functions.*?</svg>", RegexOptions.Singleline).Value;
        Assert.Equal(["5", "4"], Regex.Matches(functions, "<text class=\"value\"[^>]*>(.*?)</text>").Select(m => m.Groups[1].Value));
    }

    [Fact]
    public void LargeMapIsChartedByItsLargestEntriesAndShownInPart()
    {
        var html = Render(ReportHtmlWriter.Write, Table(Trace(50_000)));
        Assert.Contains("the 20 largest of 50000 entries", html);
        var chart = Regex.Match(html, "Map trace.*?</svg>", RegexOptions.Singleline).Value;
        // Value 6 first at addresses 6, 13, 20…: the 20 largest are the first 20 of them, in order.
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"({6 + 7 * i},false)"), Regex.Matches(chart, "<text class=\"label\"[^>]*>(.*?)</text>").Select(m => m.Groups[1].Value));
        Assert.Contains("(999,false)-&gt;5;… and 49,000 more entries</td>", html);
        Assert.DoesNotContain("(1000,false)", html);
    }

    [Fact]
    public void JsonHasEveryEntryOfALargeMapAndItsText()
    {
        var row = Json(Trace(50_000)).GetProperty("rows")[0];
        var entries = row.GetProperty("value");
        Assert.Equal(50_000, entries.GetArrayLength());
        Assert.Equal("[49999,false]", entries[49_999].GetProperty("key").GetRawText().Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal));
        Assert.Equal(49_999 % 7, entries[49_999].GetProperty("value").GetInt32());
        Assert.Equal(Trace(50_000).Split(", ")[^1], row.GetProperty("text").GetString());
    }

    [Fact]
    public void HtmlWithoutACsvReportSaysSoAndShowsTheOutput()
    {
        var html = Render(ReportHtmlWriter.Write, "custom: 42\n");
        Assert.Contains("printed no CSV report", html);
        Assert.Contains("<pre class=\"output\">custom: 42\n</pre>", html);
        Assert.DoesNotContain("<table", html);
    }
}
