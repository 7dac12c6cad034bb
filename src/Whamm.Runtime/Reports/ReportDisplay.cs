using System.Globalization;

namespace Whamm.Runtime.Reports;

/// <summary>
/// How reports for people (the console table, the HTML page) show a large map: its first
/// <see cref="MapEntries"/> entries and how many more there are. A memory trace can have tens of millions;
/// the CSV and JSON reports keep them all.
/// </summary>
public static class ReportDisplay
{
    /// <summary>The most entries of one map shown.</summary>
    public const int MapEntries = 1000;

    /// <summary>The map's first entries, <c>key{arrow}value</c> joined by <paramref name="separator"/>, then how many were left out.</summary>
    public static string MapText(MapValue map, string arrow, string separator)
    {
        ArgumentNullException.ThrowIfNull(map);
        var shown = string.Join(separator, map.Entries.Take(MapEntries).Select(e => $"{e.Key.Text}{arrow}{e.Value.Text}"));
        return map.Count <= MapEntries ? shown
            : $"{shown}{separator}… and {(map.Count - MapEntries).ToString("N0", CultureInfo.InvariantCulture)} more entries";
    }
}
