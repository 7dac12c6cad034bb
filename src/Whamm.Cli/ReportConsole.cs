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
        foreach (var row in report.Rows)
        {
            table.AddRow(
                new Text(row.Name),
                new Text(row.Type.Text),
                new Text(row.FunctionName ?? ""),
                new Text(row.Fid?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""),
                new Text(row.Pc?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""),
                new Text(row.ProbeId ?? ""),
                Value(row));
        }
        var rows = report.Rows.Count == 1 ? "1 row" : $"{report.Rows.Count} rows";
        table.Caption(report.Rows.Any(r => r.Value is MapValue { Count: > ReportDisplay.MapEntries })
            ? $"{rows}; a map shows its first {ReportDisplay.MapEntries:N0} entries (--format csv or --report-json: all of them)"
            : rows);
        return table;
    }

    /// <summary>The value as printed; a map one entry per line (the first <see cref="ReportDisplay.MapEntries"/>), so that a large map stays readable.</summary>
    private static IRenderable Value(ReportRow row) => row.Value switch
    {
        MapValue { Count: > 0 } map => new Text(ReportDisplay.MapText(map, " -> ", "\n")),
        _ => new Text(row.ValueText),
    };
}
