using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;
using Whamm.Runtime.Reports;

namespace Whamm.Cli;

/// <summary>
/// Prints a <see cref="Report"/> for people (<c>whamm run</c>'s default): a rule headed <c>whamm report</c> that
/// separates it from the program's output, whatever the monitor printed besides the report (verbatim), and the
/// rows as a table of variable, type, site (function, fid, pc), probe and value. Colour only on a terminal
/// without <c>NO_COLOR</c>; a redirected output is laid out 120 columns wide.
/// </summary>
internal static class ReportConsole
{
    private const int RedirectedWidth = 120;

    /// <summary>The most per-site rows the table shows (script globals and maps are always shown): the layout costs ~70 µs
    /// a row, and a per-site report can have a million.</summary>
    private const int MaxSiteRows = 2000;

    public static void Write(Report report, TextWriter output, bool terminal)
    {
        var colour = terminal && Environment.GetEnvironmentVariable("NO_COLOR") is null;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = colour ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = colour ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!terminal) console.Profile.Width = RedirectedWidth;

        console.Write(new Rule("[bold]whamm report[/]").LeftJustified());
        output.Write(report.Before);
        if (report.HasTable) console.Write(Table(report));
        output.Write(report.After);
        output.Flush();
    }

    private static Table Table(Report report)
    {
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("variable");
        table.AddColumn("type");
        table.AddColumn("function");
        table.AddColumn(new TableColumn("fid").RightAligned());
        table.AddColumn(new TableColumn("pc").RightAligned());
        table.AddColumn("probe");
        table.AddColumn(new TableColumn("value"));
        foreach (var row in Shown(report))
        {
            table.AddRow(
                new Text(row.Name),
                new Text(row.Type.Text),
                new Text(row.FunctionName ?? ""),
                new Text(row.Fid?.ToString(CultureInfo.InvariantCulture) ?? ""),
                new Text(row.Pc?.ToString(CultureInfo.InvariantCulture) ?? ""),
                new Text(row.ProbeId ?? ""),
                Value(row));
        }
        table.Caption(Caption(report));
        return table;
    }

    /// <summary>The rows shown, in printed order: every script global and map, the first <see cref="MaxSiteRows"/> per-site rows.</summary>
    private static IEnumerable<ReportRow> Shown(Report report)
    {
        var sites = 0;
        return report.Rows.Where(r => !r.IsSite || sites++ < MaxSiteRows);
    }

    /// <summary>How many rows there are, and what is left out (and where to find it).</summary>
    private static string Caption(Report report)
    {
        var count = report.Rows.Count;
        var parts = new List<string> { count == 1 ? "1 row" : string.Create(CultureInfo.InvariantCulture, $"{count:N0} rows") };
        if (report.Rows.Count(r => r.IsSite) > MaxSiteRows) parts.Add(string.Create(CultureInfo.InvariantCulture, $"the first {MaxSiteRows:N0} per-site rows shown"));
        if (Shown(report).Any(r => r.Value is MapValue { Count: > ReportDisplay.MapEntries }))
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"a map shows its first {ReportDisplay.MapEntries:N0} entries"));
        return parts.Count == 1 ? parts[0] : $"{string.Join("; ", parts)} (--format csv, --report-json or --report-html: all of them)";
    }

    /// <summary>The value as printed; a map one entry per line (the first <see cref="ReportDisplay.MapEntries"/>), so that a large map stays readable.</summary>
    private static IRenderable Value(ReportRow row) => row.Value switch
    {
        MapValue { Count: > 0 } map => new Text(ReportDisplay.MapText(map, " -> ", "\n")),
        _ => new Text(row.ValueText),
    };
}
