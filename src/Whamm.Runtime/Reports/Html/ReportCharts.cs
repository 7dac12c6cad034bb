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
            if (row.Value is not MapValue map || !Drawable(map)) continue;
            Add(charts, $"Map {row.Name}: {row.Type.Text}", "entries", map.Entries, e => e.Value.Number!.Value,
                e => new Bar(e.Key.Text, e.Value.Number!.Value, $"{row.Name}[{e.Key.Text}] = {e.Value.Text}"), byValue: map.Count > MaxBars);
        }
        return charts;
    }

    /// <summary>Whether every value is a number a bar can show: any integer, a float unless NaN or infinite.</summary>
    private static bool Drawable(MapValue map) => map.Type.Elements[1].Kind switch
    {
        ReportTypeKind.Integer => true,
        ReportTypeKind.Float => map.Entries.All(e => e.Value.Number is not null),
        _ => false,
    };

    private static IEnumerable<Bar> Sum(IEnumerable<ReportRow> rows, Func<ReportRow, string> key, Func<ReportRow, string> detail) =>
        rows.GroupBy(key).Select(g => new Bar(g.Key, g.Sum(r => r.Value!.Number!.Value), $"{detail(g.First())}, {g.Count()} site(s)"));

    private static void Add(List<Chart> charts, string title, string what, IEnumerable<Bar> bars, bool byValue) =>
        Add(charts, title, what, bars, b => b.Value, b => b, byValue);

    /// <summary>
    /// Adds the chart when there are at least two items: the <see cref="MaxBars"/> largest when <paramref name="byValue"/>
    /// (earlier first among equals), else the first ones in order. Only the shown items become bars: a map may have
    /// tens of millions of entries.
    /// </summary>
    private static void Add<T>(List<Chart> charts, string title, string what, IEnumerable<T> items, Func<T, double> value, Func<T, Bar> bar, bool byValue)
    {
        var largest = new PriorityQueue<T, (double Value, long Order)>(LargestLast.Instance);
        var first = new List<T>();
        long count = 0;
        foreach (var item in items)
        {
            if (byValue) largest.Enqueue(item, (value(item), count));
            else if (first.Count < MaxBars) first.Add(item);
            if (largest.Count > MaxBars) largest.Dequeue();
            count++;
        }
        if (count < 2) return;
        var shown = byValue ? Drain(largest) : first;
        var caption = shown.Count == count
            ? $"{count} {what}"
            : $"the {shown.Count} largest of {count} {what}";
        charts.Add(new Chart(title, caption, shown.Select(bar).ToList()));
    }

    /// <summary>The queue's items, largest first.</summary>
    private static List<T> Drain<T>(PriorityQueue<T, (double, long)> queue)
    {
        var items = new List<T>(queue.Count);
        while (queue.TryDequeue(out var item, out _)) items.Add(item);
        items.Reverse();
        return items;
    }

    /// <summary>Orders the smallest value, and among equals the later item, first: what a bounded queue of the largest drops.</summary>
    private sealed class LargestLast : IComparer<(double Value, long Order)>
    {
        public static readonly LargestLast Instance = new();

        public int Compare((double Value, long Order) x, (double Value, long Order) y) =>
            x.Value != y.Value ? x.Value.CompareTo(y.Value) : y.Order.CompareTo(x.Order);
    }
}
