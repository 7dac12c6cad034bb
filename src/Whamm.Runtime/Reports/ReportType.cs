namespace Whamm.Runtime.Reports;

/// <summary>What kind of value a <see cref="ReportType"/> describes.</summary>
public enum ReportTypeKind
{
    /// <summary><c>u8</c> … <c>i64</c>.</summary>
    Integer,
    /// <summary><c>f32</c>, <c>f64</c>.</summary>
    Float,
    /// <summary><c>bool</c>.</summary>
    Bool,
    /// <summary><c>str</c>.</summary>
    Str,
    /// <summary><c>(T,U,…)</c>.</summary>
    Tuple,
    /// <summary><c>map&lt;K,V&gt;</c>.</summary>
    Map,
}

/// <summary>
/// A Whamm type as the report's <c>whamm_type</c> column spells it: <c>u32</c>, <c>f64</c>, <c>bool</c>,
/// <c>str</c>, <c>(u8,(i32,str))</c>, <c>map&lt;(u32,u32),u32&gt;</c>. It tells how to read the value column.
/// </summary>
public sealed class ReportType
{
    private static readonly Dictionary<string, ReportType> Scalars = new(StringComparer.Ordinal)
    {
        ["u8"] = new(ReportTypeKind.Integer, "u8"), ["i8"] = new(ReportTypeKind.Integer, "i8"),
        ["u16"] = new(ReportTypeKind.Integer, "u16"), ["i16"] = new(ReportTypeKind.Integer, "i16"),
        ["u32"] = new(ReportTypeKind.Integer, "u32"), ["i32"] = new(ReportTypeKind.Integer, "i32"),
        ["u64"] = new(ReportTypeKind.Integer, "u64"), ["i64"] = new(ReportTypeKind.Integer, "i64"),
        ["f32"] = new(ReportTypeKind.Float, "f32"), ["f64"] = new(ReportTypeKind.Float, "f64"),
        ["bool"] = new(ReportTypeKind.Bool, "bool"), ["str"] = new(ReportTypeKind.Str, "str"),
    };

    private ReportType(ReportTypeKind kind, string text, IReadOnlyList<ReportType>? elements = null)
    {
        Kind = kind;
        Text = text;
        Elements = elements ?? [];
    }

    /// <summary>The kind.</summary>
    public ReportTypeKind Kind { get; }

    /// <summary>The type as written in the report.</summary>
    public string Text { get; }

    /// <summary>A tuple's element types; a map's key and value types; empty for scalars.</summary>
    public IReadOnlyList<ReportType> Elements { get; }

    /// <summary>Whether the value is a number (integer or float), the kind charts can draw.</summary>
    public bool IsNumber => Kind is ReportTypeKind.Integer or ReportTypeKind.Float;

    /// <summary>Reads <paramref name="text"/>, or null when it is not a type the report prints.</summary>
    public static ReportType? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pos = 0;
        var type = Read(text, ref pos);
        return type is not null && pos == text.Length ? type : null;
    }

    /// <inheritdoc/>
    public override string ToString() => Text;

    private static ReportType? Read(string text, ref int pos)
    {
        var start = pos;
        if (pos < text.Length && text[pos] == '(')
        {
            pos++;
            var elements = new List<ReportType>();
            while (true)
            {
                if (Read(text, ref pos) is not { } element) return null;
                elements.Add(element);
                if (pos >= text.Length) return null;
                if (text[pos++] == ')') break;
                if (text[pos - 1] != ',') return null;
            }
            return new ReportType(ReportTypeKind.Tuple, text[start..pos], elements);
        }
        if (text.AsSpan(pos).StartsWith("map<", StringComparison.Ordinal))
        {
            pos += 4;
            if (Read(text, ref pos) is not { } key || pos >= text.Length || text[pos++] != ',') return null;
            if (Read(text, ref pos) is not { } value || pos >= text.Length || text[pos++] != '>') return null;
            return new ReportType(ReportTypeKind.Map, text[start..pos], [key, value]);
        }
        while (pos < text.Length && char.IsAsciiLetterOrDigit(text[pos])) pos++;
        return Scalars.GetValueOrDefault(text[start..pos]);
    }
}
