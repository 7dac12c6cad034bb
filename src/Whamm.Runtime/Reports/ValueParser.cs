using System.Globalization;

namespace Whamm.Runtime.Reports;

/// <summary>
/// Reads a value column by its type (reference §3.6): integers in decimal, floats as Rust's <c>{:+e}</c>,
/// <c>true</c>/<c>false</c>, strings raw, tuples <c>(a; b)</c>, maps <c>k->v;k->v</c> (inside a map dump
/// tuples are <c>(a,b)</c>) or <c>empty map</c>. Strings are printed without quotes, so a string that
/// contains a separator can make a value unreadable; the reader then gives up (null) rather than guess.
/// </summary>
internal sealed class ValueParser
{
    private const string RowSeparator = "; ";
    private const string MapTupleSeparator = ",";
    private const string EntrySeparator = ";";
    private const string Arrow = "->";
    private const string EmptyMap = "empty map";

    private readonly string text;
    private int pos;

    private ValueParser(string text) => this.text = text;

    /// <summary>The value of a report row whose type is <paramref name="type"/>, or null when the text does not fit it.</summary>
    public static ReportValue? Parse(ReportType type, string text)
    {
        var parser = new ValueParser(text);
        var value = parser.Read(type, inMap: false, []);
        return value is not null && parser.pos == text.Length ? value : null;
    }

    private ReportValue? Read(ReportType type, bool inMap, string[] stops) => type.Kind switch
    {
        ReportTypeKind.Tuple => ReadTuple(type, inMap),
        ReportTypeKind.Map => inMap ? null : ReadMap(type, stops),
        _ => Scalar(type, ReadUntil(stops)),
    };

    private TupleValue? ReadTuple(ReportType type, bool inMap)
    {
        var start = pos;
        var separator = inMap ? MapTupleSeparator : RowSeparator;
        if (!Accept("(")) return null;
        var elements = new List<ReportValue>(type.Elements.Count);
        for (var i = 0; i < type.Elements.Count; i++)
        {
            var last = i == type.Elements.Count - 1;
            if (Read(type.Elements[i], inMap, [last ? ")" : separator]) is not { } element) return null;
            elements.Add(element);
            if (!last && !Accept(separator)) return null;
        }
        return Accept(")") ? new TupleValue(text[start..pos], elements) : null;
    }

    private MapValue? ReadMap(ReportType type, string[] stops)
    {
        var start = pos;
        if (Accept(EmptyMap)) return new MapValue(EmptyMap, []);
        var entries = new List<MapEntry>();
        do
        {
            if (Read(type.Elements[0], inMap: true, [Arrow]) is not { } key || !Accept(Arrow)) return null;
            if (Read(type.Elements[1], inMap: true, [EntrySeparator, .. stops]) is not { } value) return null;
            entries.Add(new MapEntry(key, value));
        }
        while (pos < text.Length && !stops.Any(s => text.AsSpan(pos).StartsWith(s, StringComparison.Ordinal)) && Accept(EntrySeparator));
        return new MapValue(text[start..pos], entries);
    }

    /// <summary>The text up to the earliest of <paramref name="stops"/> (or the end).</summary>
    private string ReadUntil(string[] stops)
    {
        var end = text.Length;
        foreach (var stop in stops)
        {
            var at = text.IndexOf(stop, pos, StringComparison.Ordinal);
            if (at >= 0 && at < end) end = at;
        }
        var scalar = text[pos..end];
        pos = end;
        return scalar;
    }

    private bool Accept(string token)
    {
        if (!text.AsSpan(pos).StartsWith(token, StringComparison.Ordinal)) return false;
        pos += token.Length;
        return true;
    }

    private static ReportValue? Scalar(ReportType type, string s) => type.Kind switch
    {
        ReportTypeKind.Integer => Int128.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? new IntegerValue(s, n) : null,
        ReportTypeKind.Float => ParseFloat(s) is { } f ? new FloatValue(s, f) : null,
        ReportTypeKind.Bool => s switch { "true" => new BoolValue(s, true), "false" => new BoolValue(s, false), _ => null },
        ReportTypeKind.Str => new StringValue(s),
        _ => null,
    };

    /// <summary>Rust's <c>{:+e}</c>: a sign, then digits with an exponent, or <c>inf</c>; <c>NaN</c> has no sign.</summary>
    private static double? ParseFloat(string s) => s switch
    {
        "NaN" => double.NaN,
        "+inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        _ when s.Length > 1 && s[0] is '+' or '-' && char.IsAsciiDigit(s[1])
            && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };
}
