using System.Globalization;

namespace Whamm.Runtime.Reports;

/// <summary>
/// Reads a value column by its type (reference §3.6): integers in decimal, floats as Rust's <c>{:+e}</c>,
/// <c>true</c>/<c>false</c>, strings raw, tuples <c>(a; b)</c>, maps <c>k->v;k->v</c> (inside a map dump
/// tuples are <c>(a,b)</c>) or <c>empty map</c>. Strings are printed without quotes, so a string that
/// contains a separator can make a value unreadable; the reader then gives up (null) rather than guess.
/// A memory trace's map can hold tens of millions of entries, so a map is checked without allocating and
/// its entries are read only when enumerated (<see cref="MapValue.Entries"/>).
/// </summary>
internal sealed class ValueParser
{
    private const string RowSeparator = "; ";
    private const string MapTupleSeparator = ",";
    private const string EntrySeparator = ";";
    private const string Arrow = "->";
    private const string EmptyMap = "empty map";

    private readonly string text;
    private readonly bool build;
    private int pos;

    private ValueParser(string text, bool build)
    {
        this.text = text;
        this.build = build;
    }

    /// <summary>The value of a report row whose type is <paramref name="type"/>, or null when the text does not fit it.</summary>
    public static ReportValue? Parse(ReportType type, string text)
    {
        var parser = new ValueParser(text, build: true);
        var value = parser.Read(type, inMap: false, default, out var fits);
        return fits && parser.pos == text.Length ? value : null;
    }

    /// <summary>The entries of a map dump that <see cref="Parse"/> accepted, read one at a time.</summary>
    public static IEnumerable<MapEntry> Entries(ReportType type, string text)
    {
        if (text == EmptyMap) yield break;
        var parser = new ValueParser(text, build: true);
        do yield return parser.ReadEntry(type, default)!;
        while (parser.Accept(EntrySeparator));
    }

    /// <summary>The tokens that end a scalar: the closing or separating token of what encloses it (at most two levels).</summary>
    private readonly record struct Stops(string? First, string? Second = null);

    /// <summary>Reads a value; <paramref name="fits"/> says whether the text fits the type. The value is null unless building.</summary>
    private ReportValue? Read(ReportType type, bool inMap, Stops stops, out bool fits)
    {
        switch (type.Kind)
        {
            case ReportTypeKind.Tuple:
                return ReadTuple(type, inMap, out fits);
            case ReportTypeKind.Map when !inMap:
                return ReadMap(type, stops, out fits);
            case ReportTypeKind.Map:
                fits = false;
                return null;
            default:
                var start = pos;
                var end = ScalarEnd(stops);
                pos = end;
                return Scalar(type, start, end, out fits);
        }
    }

    private TupleValue? ReadTuple(ReportType type, bool inMap, out bool fits)
    {
        var start = pos;
        var separator = inMap ? MapTupleSeparator : RowSeparator;
        fits = false;
        if (!Accept("(")) return null;
        var elements = build ? new List<ReportValue>(type.Elements.Count) : null;
        for (var i = 0; i < type.Elements.Count; i++)
        {
            var last = i == type.Elements.Count - 1;
            var element = Read(type.Elements[i], inMap, new Stops(last ? ")" : separator), out var elementFits);
            if (!elementFits) return null;
            elements?.Add(element!);
            if (!last && !Accept(separator)) return null;
        }
        if (!Accept(")")) return null;
        fits = true;
        return elements is null ? null : new TupleValue(text[start..pos], elements);
    }

    /// <summary>Checks every entry (counting them) without keeping any; the entries are read again when enumerated.</summary>
    private MapValue? ReadMap(ReportType type, Stops stops, out bool fits)
    {
        var start = pos;
        var count = 0;
        fits = true;
        if (!Accept(EmptyMap))
        {
            var checker = build ? new ValueParser(text, build: false) { pos = pos } : this;
            do
            {
                checker.ReadEntry(type, stops, out fits);
                if (!fits) return null;
                count++;
            }
            while (checker.pos < text.Length && !checker.AtStop(stops) && checker.Accept(EntrySeparator));
            pos = checker.pos;
        }
        return build ? new MapValue(text[start..pos], type, count) : null;
    }

    private MapEntry? ReadEntry(ReportType type, Stops stops) => ReadEntry(type, stops, out _);

    private MapEntry? ReadEntry(ReportType type, Stops stops, out bool fits)
    {
        var key = Read(type.Elements[0], inMap: true, new Stops(Arrow), out fits);
        if (!fits || !Accept(Arrow)) return Fail(out fits);
        var value = Read(type.Elements[1], inMap: true, new Stops(EntrySeparator, stops.First), out fits);
        if (!fits) return null;
        return build ? new MapEntry(key!, value!) : null;
    }

    private static MapEntry? Fail(out bool fits)
    {
        fits = false;
        return null;
    }

    /// <summary>Where the scalar at <see cref="pos"/> ends: at the earliest stop, or the end of the text.</summary>
    private int ScalarEnd(Stops stops)
    {
        var end = text.Length;
        foreach (var stop in (ReadOnlySpan<string?>)[stops.First, stops.Second])
        {
            if (stop is null) continue;
            var at = text.AsSpan(pos, end - pos).IndexOf(stop, StringComparison.Ordinal);
            if (at >= 0) end = pos + at;
        }
        return end;
    }

    private bool AtStop(Stops stops) =>
        stops.First is { } first && text.AsSpan(pos).StartsWith(first, StringComparison.Ordinal)
        || stops.Second is { } second && text.AsSpan(pos).StartsWith(second, StringComparison.Ordinal);

    private bool Accept(string token)
    {
        if (!text.AsSpan(pos).StartsWith(token, StringComparison.Ordinal)) return false;
        pos += token.Length;
        return true;
    }

    private ReportValue? Scalar(ReportType type, int start, int end, out bool fits)
    {
        var s = text.AsSpan(start, end - start);
        switch (type.Kind)
        {
            case ReportTypeKind.Integer:
                fits = Int128.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n);
                return fits && build ? new IntegerValue(s.ToString(), n) : null;
            case ReportTypeKind.Float:
                var f = ParseFloat(s);
                fits = f is not null;
                return fits && build ? new FloatValue(s.ToString(), f!.Value) : null;
            case ReportTypeKind.Bool:
                fits = s is "true" or "false";
                return fits && build ? new BoolValue(s.ToString(), s is "true") : null;
            case ReportTypeKind.Str:
                fits = true;
                return build ? new StringValue(s.ToString()) : null;
            default:
                fits = false;
                return null;
        }
    }

    /// <summary>Rust's <c>{:+e}</c>: a sign, then digits with an exponent, or <c>inf</c>; <c>NaN</c> has no sign.</summary>
    private static double? ParseFloat(ReadOnlySpan<char> s) => s switch
    {
        "NaN" => double.NaN,
        "+inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        _ when s.Length > 1 && s[0] is '+' or '-' && char.IsAsciiDigit(s[1])
            && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };
}
