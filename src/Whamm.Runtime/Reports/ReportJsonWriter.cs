using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Whamm.Runtime.Reports;

/// <summary>
/// Writes a <see cref="Report"/> as JSON (<c>whamm run --report-json</c>); the schema, <c>whamm-report/1</c>,
/// is documented in <c>Reports/README.md</c>. Values are typed: integers are exact JSON numbers (even
/// beyond 2^53), finite floats numbers, NaN and infinities the strings <c>NaN</c>/<c>+inf</c>/<c>-inf</c>,
/// tuples arrays, maps arrays of <c>{"key", "value"}</c> objects; <c>text</c> keeps each value as printed.
/// </summary>
public static class ReportJsonWriter
{
    /// <summary>The value of the top-level <c>schema</c> field.</summary>
    public const string Schema = "whamm-report/1";

    /// <summary>Writes <paramref name="report"/> about <paramref name="context"/> to <paramref name="stream"/> (UTF-8, indented).</summary>
    public static void Write(Report report, ReportContext context, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(stream);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("schema", Schema);
        json.WriteString("script", context.Script);
        json.WriteString("app", context.App);
        json.WriteString("outcome", context.Outcome);
        json.WriteBoolean("has_table", report.HasTable);
        json.WriteStartArray("rows");
        foreach (var row in report.Rows) WriteRow(json, row);
        json.WriteEndArray();
        json.WriteString("before", report.Before);
        json.WriteString("after", report.After);
        json.WriteEndObject();
    }

    private static void WriteRow(Utf8JsonWriter json, ReportRow row)
    {
        json.WriteStartObject();
        json.WriteNumber("id", row.Id);
        json.WriteString("id_type", row.IdType);
        json.WriteString("name", row.Name);
        json.WriteString("whamm_type", row.Type.Text);
        json.WriteString("wasm_type", row.WasmType);
        json.WriteString("script_id", row.ScriptId);
        json.WriteString("fname", row.FunctionName);
        WriteNullable(json, "fid", row.Fid);
        WriteNullable(json, "pc", row.Pc);
        json.WriteString("probe", row.ProbeId);
        WriteNullable(json, "probe_index", (uint?)row.ProbeIndex);
        json.WriteString("rule", row.Rule);
        json.WriteString("opcode", row.Opcode);
        json.WritePropertyName("value");
        if (row.Value is { } value) WriteValue(json, value);
        else json.WriteNullValue();
        json.WritePropertyName("text");
        WriteLongString(json, row.ValueText);
        json.WriteEndObject();
    }

    /// <summary>The most characters written (or bytes held) at a time: a map's text can be hundreds of megabytes.</summary>
    private const int Chunk = 1 << 16;

    /// <summary>A string value written in pieces, flushing as it goes.</summary>
    private static void WriteLongString(Utf8JsonWriter json, string text)
    {
        if (text.Length <= Chunk)
        {
            json.WriteStringValue(text);
            return;
        }
        for (var at = 0; at < text.Length;)
        {
            var length = Math.Min(Chunk, text.Length - at);
            if (at + length < text.Length && char.IsHighSurrogate(text[at + length - 1])) length--; // keep a pair together
            json.WriteStringValueSegment(text.AsSpan(at, length), isFinalSegment: at + length == text.Length);
            at += length;
            json.Flush();
        }
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, uint? value)
    {
        if (value is { } v) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }

    private static void WriteValue(Utf8JsonWriter json, ReportValue value)
    {
        switch (value)
        {
            case IntegerValue i:
                json.WriteRawValue(i.Value.ToString(CultureInfo.InvariantCulture), skipInputValidation: true);
                break;
            case FloatValue f when double.IsFinite(f.Value):
                json.WriteNumberValue(f.Value);
                break;
            case FloatValue f:
                json.WriteStringValue(f.Text);
                break;
            case BoolValue b:
                json.WriteBooleanValue(b.Value);
                break;
            case StringValue s:
                json.WriteStringValue(s.Text);
                break;
            case TupleValue t:
                json.WriteStartArray();
                foreach (var e in t.Elements) WriteValue(json, e);
                json.WriteEndArray();
                break;
            case MapValue m:
                json.WriteStartArray();
                foreach (var entry in m.Entries)
                {
                    json.WriteStartObject();
                    json.WritePropertyName("key");
                    WriteValue(json, entry.Key);
                    json.WritePropertyName("value");
                    WriteValue(json, entry.Value);
                    json.WriteEndObject();
                    if (json.BytesPending > Chunk) json.Flush();
                }
                json.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"unknown report value {value.GetType().Name}", nameof(value));
        }
    }
}
