namespace Whamm.Runtime.Reports.Html;

/// <summary>One bar: what it stands for, its value, and a line of detail for its tooltip.</summary>
internal sealed record Bar(string Label, double Value, string Detail);

/// <summary>A bar chart: a title, a caption saying what is shown, the bars in drawing order.</summary>
internal sealed record Chart(string Title, string Caption, IReadOnlyList<Bar> Bars);

/// <summary>
/// Chooses the charts where a picture says more than the table: for each numeric per-site variable, its
/// hottest sites, its hottest functions (sites summed) and, when the probes name opcodes, its total per
/// opcode; for each map with numeric values, its contents. A chart needs at least two bars.
/// </summary>
internal static class ReportCharts
{
    /// <summary>The most bars one chart draws (the largest values; the caption says how many there were).</summary>
    public const int MaxBars = 20;

    /// <summary>The most per-site variables charted, in order of appearance.</summary>
    private const int MaxVariables = 4;

    public static IReadOnlyList<Chart> For(Report report)
    {
        var charts = new List<Chart>();
        var variables = report.Rows.Where(r => r.IsSite && r.Value?.Number is not null).GroupBy(r => r.Name).Take(MaxVariables);
        foreach (var rows in variables)
        {
            var name = rows.Key;
            Add(charts, $"Hottest sites: {name}", "sites",
                rows.Select(r => new Bar($"{r.FunctionName} pc {r.Pc}", r.Value!.Number!.Value, $"{r.FunctionName} (fid {r.Fid}), pc {r.Pc}, {r.ProbeId}")), byValue: true);
            Add(charts, $"Hottest functions: {name} summed per function", "functions",
                Sum(rows, r => $"{r.FunctionName}", r => $"fid {r.Fid}"), byValue: true);
            Add(charts, $"{name} per opcode", "opcodes",
                Sum(rows.Where(r => r.Opcode is not null), r => r.Opcode!, _ => "summed over its sites"), byValue: true);
        }
        foreach (var row in report.Rows)
        {
            if (row.Value is not MapValue map || map.Entries.Any(e => e.Value.Number is null)) continue;
            Add(charts, $"Map {row.Name}: {row.Type.Text}", "entries",
                map.Entries.Select(e => new Bar(e.Key.Text, e.Value.Number!.Value, $"{row.Name}[{e.Key.Text}] = {e.Value.Text}")), byValue: map.Entries.Count > MaxBars);
        }
        return charts;
    }

    private static IEnumerable<Bar> Sum(IEnumerable<ReportRow> rows, Func<ReportRow, string> key, Func<ReportRow, string> detail) =>
        rows.GroupBy(key).Select(g => new Bar(g.Key, g.Sum(r => r.Value!.Number!.Value), $"{detail(g.First())}, {g.Count()} site(s)"));

    /// <summary>Adds the chart when it has at least two bars: the <see cref="MaxBars"/> largest when <paramref name="byValue"/>, else the first ones in order.</summary>
    private static void Add(List<Chart> charts, string title, string what, IEnumerable<Bar> bars, bool byValue)
    {
        var all = bars.ToList();
        if (all.Count < 2) return;
        var shown = (byValue ? all.OrderByDescending(b => b.Value) : all.AsEnumerable()).Take(MaxBars).ToList();
        var caption = shown.Count == all.Count
            ? $"{all.Count} {what}"
            : $"the {shown.Count} largest of {all.Count} {what}";
        charts.Add(new Chart(title, caption, shown));
    }
}
