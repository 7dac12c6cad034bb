using System.Globalization;
using System.Reflection;
using System.Text;

namespace Whamm.Runtime.Reports.Html;

/// <summary>
/// Writes a <see cref="Report"/> as one self-contained HTML page (<c>whamm run --report-html</c>): no
/// network at all (inline CSS, JavaScript and SVG), charts where a picture says more (hottest sites and
/// functions, totals per opcode, map contents; see <see cref="ReportCharts"/>), and the rows as a table
/// that sorts by any column and filters by text. The table and charts are in the HTML itself, so the page
/// reads without JavaScript too.
/// </summary>
public static class ReportHtmlWriter
{
    private static readonly string[] Columns = ["id", "id_type", "name", "whamm_type", "wasm_type", "script_id", "fname", "fid", "pc", "probe_id", "value(s)"];
    private static readonly bool[] Numeric = [true, false, false, false, false, false, false, true, true, false, true];

    /// <summary>Writes the page for <paramref name="report"/> about <paramref name="context"/> to <paramref name="stream"/> (UTF-8).</summary>
    public static void Write(Report report, ReportContext context, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(stream);
        using var html = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        var title = $"Whamm report: {context.Script} on {context.App}";
        html.Write($"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{E(title)}</title>\n<style>\n{Asset("report.css")}</style>\n</head>\n<body>\n");
        html.Write($"<header>\n<h1>Whamm report</h1>\n<p class=\"meta\"><code>{E(context.Script)}</code> on <code>{E(context.App)}</code>: <span class=\"outcome\">{E(context.Outcome)}</span>; {report.Rows.Count} report rows</p>\n</header>\n");
        WriteCharts(html, report);
        WriteTable(html, report);
        WriteOutput(html, "Printed before the report", report.Before);
        WriteOutput(html, "Printed after the report", report.After);
        html.Write($"<script>\n{Asset("report.js")}</script>\n</body>\n</html>\n");
    }

    private static void WriteCharts(TextWriter html, Report report)
    {
        var charts = ReportCharts.For(report);
        if (charts.Count == 0) return;
        html.Write("<section>\n<h2>Charts</h2>\n<div class=\"charts\">\n");
        foreach (var chart in charts)
        {
            html.Write($"<figure class=\"chart\"><figcaption><b>{E(chart.Title)}</b><span>{E(chart.Caption)}</span></figcaption>\n");
            html.Write(SvgBarChart.Render(chart));
            html.Write("\n</figure>\n");
        }
        html.Write("</div>\n</section>\n");
    }

    private static void WriteTable(TextWriter html, Report report)
    {
        html.Write("<section>\n<h2>Rows</h2>\n");
        if (!report.HasTable)
        {
            html.Write("<p class=\"empty\">The program printed no CSV report.</p>\n</section>\n");
            return;
        }
        html.Write("<div class=\"tools\"><input id=\"filter\" type=\"search\" placeholder=\"Filter rows (any column)\" aria-label=\"Filter rows\"><span id=\"count\"></span></div>\n");
        html.Write("<table id=\"rows\">\n<thead><tr>");
        for (var i = 0; i < Columns.Length; i++) html.Write($"<th{(Numeric[i] ? " data-type=\"num\"" : "")}>{Columns[i]}</th>");
        html.Write("</tr></thead>\n<tbody>\n");
        foreach (var row in report.Rows)
        {
            html.Write("<tr>");
            Cell(html, row.Id.ToString(CultureInfo.InvariantCulture), row.Id);
            Cell(html, row.IdType);
            Cell(html, row.Name);
            Cell(html, row.Type.Text);
            Cell(html, row.WasmType);
            Cell(html, row.ScriptId);
            Cell(html, row.FunctionName ?? "");
            Cell(html, row.Fid?.ToString(CultureInfo.InvariantCulture) ?? "", row.Fid);
            Cell(html, row.Pc?.ToString(CultureInfo.InvariantCulture) ?? "", row.Pc);
            Cell(html, row.ProbeId ?? "");
            Cell(html, row.Value is MapValue { Count: > ReportDisplay.MapEntries } map ? ReportDisplay.MapText(map, "->", ";") : row.ValueText, row.Value?.Number, "value");
            html.Write("</tr>\n");
        }
        html.Write("</tbody>\n</table>\n</section>\n");
    }

    /// <summary>A cell; a number sorts by <c>data-v</c> and is right-aligned.</summary>
    private static void Cell(TextWriter html, string text, double? number = null, string? cls = null)
    {
        var classes = string.Join(' ', new[] { number is null ? null : "num", cls }.Where(c => c is not null));
        html.Write("<td");
        if (classes.Length > 0) html.Write($" class=\"{classes}\"");
        if (number is { } n) html.Write($" data-v=\"{n.ToString("R", CultureInfo.InvariantCulture)}\"");
        html.Write($">{E(text)}</td>");
    }

    private static void WriteOutput(TextWriter html, string heading, string text)
    {
        if (text.Trim().Length == 0) return;
        html.Write($"<section>\n<h2>{E(heading)}</h2>\n<pre class=\"output\">{E(text)}</pre>\n</section>\n");
    }

    private static string E(string s) => SvgBarChart.Escape(s);

    private static string Asset(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Whamm.Runtime.Reports.{name}")
            ?? throw new InvalidOperationException($"the report asset {name} is not embedded");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
