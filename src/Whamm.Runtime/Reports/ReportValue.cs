namespace Whamm.Runtime.Reports;

/// <summary>
/// A value of the report, read by its <see cref="ReportType"/>: <see cref="IntegerValue"/>,
/// <see cref="FloatValue"/>, <see cref="BoolValue"/>, <see cref="StringValue"/>, <see cref="TupleValue"/> or
/// <see cref="MapValue"/>. <see cref="Text"/> is always the text as the module printed it.
/// </summary>
public abstract record ReportValue(string Text)
{
    /// <summary>The value as a number for charts (integers and floats), else null.</summary>
    public virtual double? Number => null;
}

/// <summary>An integer of any width and signedness (<c>u64</c> and <c>i64</c> both fit).</summary>
/// <param name="Text">As printed.</param>
/// <param name="Value">The value.</param>
public sealed record IntegerValue(string Text, Int128 Value) : ReportValue(Text)
{
    /// <inheritdoc/>
    public override double? Number => (double)Value;
}

/// <summary>A float printed as Rust's <c>{:+e}</c> (<c>+1.5e0</c>, <c>-0e0</c>, <c>+inf</c>, <c>NaN</c>).</summary>
/// <param name="Text">As printed.</param>
/// <param name="Value">The value.</param>
public sealed record FloatValue(string Text, double Value) : ReportValue(Text)
{
    /// <inheritdoc/>
    public override double? Number => double.IsFinite(Value) ? Value : null;
}

/// <summary><c>true</c> or <c>false</c>.</summary>
/// <param name="Text">As printed.</param>
/// <param name="Value">The value.</param>
public sealed record BoolValue(string Text, bool Value) : ReportValue(Text);

/// <summary>A <c>str</c>, printed raw.</summary>
/// <param name="Text">As printed, which is the string.</param>
public sealed record StringValue(string Text) : ReportValue(Text);

/// <summary>A tuple: <c>(a; b; (c; d))</c> in a row, <c>(a,b,(c,d))</c> inside a map dump.</summary>
/// <param name="Text">As printed.</param>
/// <param name="Elements">The elements.</param>
public sealed record TupleValue(string Text, IReadOnlyList<ReportValue> Elements) : ReportValue(Text);

/// <summary>
/// A map dump, <c>k->v;k->v</c> sorted by key, or <c>empty map</c>. A memory trace's map can have tens of millions
/// of entries, so they are read from <see cref="ReportValue.Text"/> each time <see cref="Entries"/> is enumerated.
/// </summary>
public sealed record MapValue : ReportValue
{
    internal MapValue(string text, ReportType type, int count) : base(text)
    {
        Type = type;
        Count = count;
    }

    /// <summary>The map's type, <c>map&lt;K,V&gt;</c>.</summary>
    public ReportType Type { get; }

    /// <summary>How many entries the map has.</summary>
    public int Count { get; }

    /// <summary>The entries in printed (key) order, read one at a time.</summary>
    public IEnumerable<MapEntry> Entries => ValueParser.Entries(Type, Text);
}

/// <summary>One entry of a <see cref="MapValue"/>.</summary>
/// <param name="Key">The key.</param>
/// <param name="Value">The value.</param>
public sealed record MapEntry(ReportValue Key, ReportValue Value);
