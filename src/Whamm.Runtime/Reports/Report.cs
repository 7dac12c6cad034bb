using System.Globalization;
using System.Text.RegularExpressions;

namespace Whamm.Runtime.Reports;

/// <summary>
/// What an instrumented module printed through its report channel, read: the CSV report's rows (reference
/// §3.6) and whatever else was printed before or after it (script prints, a custom <c>wasm:report</c>).
/// <see cref="Text"/> keeps the exact output, so <c>--format csv</c> stays byte-identical.
/// </summary>
/// <example><code>
/// var report = Report.Parse(captured);
/// foreach (var row in report.Rows) Console.WriteLine($"{row.FunctionName} pc {row.Pc}: {row.Name} = {row.ValueText}");
/// </code></example>
public sealed partial class Report
{
    /// <summary>The banner line: 33 <c>=</c>, <c> REPORT CSV FLUSH </c>, 36 <c>=</c>.</summary>
    public static readonly string Banner = new string('=', 33) + " REPORT CSV FLUSH " + new string('=', 36);

    /// <summary>The header line after the banner.</summary>
    public const string Header = "id, id_type, name, whamm_type, wasm_type, script_id, fname, fid, pc, probe_id, value(s)";

    private Report(string text, bool hasTable, IReadOnlyList<ReportRow> rows, string before, string after)
    {
        Text = text;
        HasTable = hasTable;
        Rows = rows;
        Before = before;
        After = after;
    }

    /// <summary>Everything printed, exactly.</summary>
    public string Text { get; }

    /// <summary>Whether the output holds the CSV report (banner and header).</summary>
    public bool HasTable { get; }

    /// <summary>The rows in printed order.</summary>
    public IReadOnlyList<ReportRow> Rows { get; }

    /// <summary>What was printed before the report (everything, when there is no report table).</summary>
    public string Before { get; }

    /// <summary>What was printed after the last row.</summary>
    public string After { get; }

    /// <summary>Whether nothing at all was printed.</summary>
    public bool IsEmpty => Text.Length == 0;

    /// <summary>
    /// Reads <paramref name="text"/>. The table starts at the banner (with the empty line the flush prints
    /// before it) and ends at the first line after the header that is not a row. Lines are read in place:
    /// a map's row can be hundreds of megabytes.
    /// </summary>
    public static Report Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var banner = LinesAt(text, Banner + "\n" + Header, out var headerEnd);
        if (banner < 0) return new Report(text, false, [], text, "");

        var tableStart = banner > 0 && text[banner - 1] == '\n' && (banner == 1 || text[banner - 2] == '\n') ? banner - 1 : banner;
        var rows = new List<ReportRow>();
        var next = headerEnd;
        while (next < text.Length)
        {
            var end = text.IndexOf('\n', next);
            if (end < 0) end = text.Length;
            if (ParseRow(text, next, end) is not { } row) break;
            rows.Add(row);
            next = Math.Min(end + 1, text.Length);
        }
        return new Report(text, true, rows, text[..tableStart], text[next..]);
    }

    /// <summary>Where <paramref name="lines"/> first stand as whole lines (-1 when nowhere); <paramref name="end"/> is after their last newline.</summary>
    private static int LinesAt(string text, string lines, out int end)
    {
        for (var at = text.IndexOf(lines, StringComparison.Ordinal); at >= 0; at = text.IndexOf(lines, at + 1, StringComparison.Ordinal))
        {
            end = at + lines.Length;
            if (at > 0 && text[at - 1] != '\n' || end < text.Length && text[end] != '\n') continue;
            end = Math.Min(end + 1, text.Length);
            return at;
        }
        end = 0;
        return -1;
    }

    /// <summary>
    /// Reads the row in <paramref name="text"/>[<paramref name="start"/>, <paramref name="end"/>). The first six
    /// columns never contain <c>", "</c> (types spell tuples with <c>,</c> and Wasm types with <c>; </c>); the
    /// site columns are found by their shape, so that the value, printed raw last, may contain anything, and a
    /// function name may contain commas.
    /// </summary>
    private static ReportRow? ParseRow(string text, int start, int end)
    {
        var head = new string[6];
        var pos = start;
        for (var i = 0; i < head.Length; i++)
        {
            var comma = text.AsSpan(pos, end - pos).IndexOf(", ", StringComparison.Ordinal);
            if (comma < 0) return null;
            head[i] = text.Substring(pos, comma);
            pos += comma + 2;
        }
        if (!long.TryParse(head[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return null;
        if (ReportType.Parse(head[3]) is not { } type) return null;
        var site = SiteColumns().Match(text, pos, end - pos);
        if (!site.Success) return null;
        if (!Number(site.Groups["fid"].Value, out var fid) || !Number(site.Groups["pc"].Value, out var pc)) return null;
        var valueText = text[(site.Index + site.Length)..end];
        var probe = site.Groups["probe"].Value;
        var fname = site.Groups["fname"].Value;
        return new ReportRow(id, head[1], head[2], type, head[4], head[5],
            fname.Length == 0 && fid is null ? null : fname, fid, pc, probe.Length == 0 ? null : probe,
            ValueParser.Parse(type, valueText), valueText);
    }

    /// <summary>An empty column (null) or a <c>u32</c>; false when the digits do not fit.</summary>
    private static bool Number(string s, out uint? value)
    {
        value = null;
        if (s.Length == 0) return true;
        if (!uint.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return false;
        value = n;
        return true;
    }

    /// <summary>
    /// <c>fname, fid, pc, probe_id, </c> before the value: the site columns are all empty (a script global: tried
    /// first, so that a long value is not searched for a site) or all set (digits, digits, <c>N_rule</c>).
    /// </summary>
    [GeneratedRegex(@"^(?:(?<fname>), (?<fid>), (?<pc>), (?<probe>)|(?<fname>.*?), (?<fid>\d{1,10}), (?<pc>\d{1,10}), (?<probe>\d+_[^ ,]+)), ", RegexOptions.Singleline | RegexOptions.ExplicitCapture)]
    private static partial Regex SiteColumns();
}
