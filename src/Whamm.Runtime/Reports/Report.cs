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
    /// before it) and ends at the first line after the header that is not a row.
    /// </summary>
    public static Report Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        var banner = Array.IndexOf(lines, Banner);
        if (banner < 0 || banner + 1 >= lines.Length || lines[banner + 1] != Header)
            return new Report(text, false, [], text, "");

        var tableStart = banner > 0 && lines[banner - 1].Length == 0 ? banner - 1 : banner;
        var rows = new List<ReportRow>();
        var next = banner + 2;
        while (next < lines.Length && ParseRow(lines[next]) is { } row)
        {
            rows.Add(row);
            next++;
        }
        var before = Join(lines, 0, tableStart);
        var after = next < lines.Length ? string.Join('\n', lines[next..]) : "";
        return new Report(text, true, rows, before, after);
    }

    /// <summary>The lines [0, count) with their newlines.</summary>
    private static string Join(string[] lines, int start, int count) =>
        count == 0 ? "" : string.Join('\n', lines[start..(start + count)]) + "\n";

    /// <summary>
    /// Reads one row. The first six columns never contain <c>", "</c> (types spell tuples with <c>,</c> and
    /// Wasm types with <c>; </c>); the site columns are found by their shape, so that the value, printed
    /// raw last, may contain anything, and a function name may contain commas.
    /// </summary>
    internal static ReportRow? ParseRow(string line)
    {
        var head = line.Split(", ", 7);
        if (head.Length < 7) return null;
        if (!long.TryParse(head[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return null;
        if (ReportType.Parse(head[3]) is not { } type) return null;
        var site = SiteColumns().Match(head[6]);
        if (!site.Success) return null;
        if (!Number(site.Groups["fid"].Value, out var fid) || !Number(site.Groups["pc"].Value, out var pc)) return null;
        var valueText = site.Groups["value"].Value;
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

    /// <summary><c>fname, fid, pc, probe_id, value</c>: the site columns are all set (digits, digits, <c>N_rule</c>) or all empty.</summary>
    [GeneratedRegex(@"^(?:(?<fname>.*?), (?<fid>\d{1,10}), (?<pc>\d{1,10}), (?<probe>\d+_[^ ,]+)|(?<fname>), (?<fid>), (?<pc>), (?<probe>)), (?<value>.*)$", RegexOptions.Singleline | RegexOptions.ExplicitCapture)]
    private static partial Regex SiteColumns();
}
