using System.Globalization;
using System.Net;
using System.Text;

namespace Whamm.Runtime.Reports.Html;

/// <summary>
/// Draws a <see cref="Chart"/> as inline SVG: horizontal bars from a common zero, the label on the left,
/// the value at the end of the bar, the detail in a tooltip. Negative values draw to the left of zero.
/// </summary>
internal static class SvgBarChart
{
    private const int Width = 760;
    private const int LabelWidth = 220;
    private const int ValueWidth = 110;
    private const int RowHeight = 22;
    private const int BarHeight = 16;
    private const int MaxLabel = 32;

    public static string Render(Chart chart)
    {
        var plot = Width - LabelWidth - ValueWidth;
        var max = chart.Bars.Max(b => Math.Max(b.Value, 0));
        var min = chart.Bars.Min(b => Math.Min(b.Value, 0));
        var span = max - min == 0 ? 1 : max - min;
        var zero = LabelWidth + plot * (-min / span);
        var height = chart.Bars.Count * RowHeight + 4;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"bars\" role=\"img\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{Escape(chart.Title)}</title>");
        for (var i = 0; i < chart.Bars.Count; i++)
        {
            var bar = chart.Bars[i];
            var y = i * RowHeight + 2;
            var length = plot * Math.Abs(bar.Value) / span;
            var x = bar.Value < 0 ? zero - length : zero;
            var label = bar.Label.Length > MaxLabel ? bar.Label[..(MaxLabel - 1)] + "…" : bar.Label;
            var value = Format(bar.Value);
            svg.Append("<g class=\"bar\">");
            svg.Append(CultureInfo.InvariantCulture, $"<title>{Escape(bar.Label)}: {value} ({Escape(bar.Detail)})</title>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"label\" x=\"{LabelWidth - 8}\" y=\"{y + BarHeight - 3}\" text-anchor=\"end\">{Escape(label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"{(bar.Value < 0 ? "neg" : "pos")}\" x=\"{x:0.##}\" y=\"{y}\" width=\"{Math.Max(length, 1):0.##}\" height=\"{BarHeight}\" rx=\"2\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"value\" x=\"{Math.Max(x + length, zero) + 6:0.##}\" y=\"{y + BarHeight - 3}\">{value}</text>");
            svg.Append("</g>");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{zero:0.##}\" x2=\"{zero:0.##}\" y1=\"0\" y2=\"{height}\"/>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>Whole numbers with thousands separators; others with up to 6 significant digits.</summary>
    private static string Format(double v) =>
        Math.Abs(v) < 1e15 && v == Math.Floor(v) ? v.ToString("#,0", CultureInfo.InvariantCulture) : v.ToString("G6", CultureInfo.InvariantCulture);

    internal static string Escape(string s) => WebUtility.HtmlEncode(s);
}
