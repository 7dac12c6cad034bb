using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Whamm.Language.Text;

namespace Whamm.Language.Diagnostics;

/// <summary>
/// Diagnostics as a JSON array: <c>{"id","severity","kind","message","rule"?,"file"?,"span"?,"labels"}</c>,
/// each span as <c>{"start","end","line","column","endLine","endColumn"}</c> (offsets 0-based, lines and
/// columns 1-based). Written with <see cref="Utf8JsonWriter"/> (no reflection, trimming-safe).
/// </summary>
internal static class JsonDiagnosticFormatter
{
    public static string Format(IEnumerable<Diagnostic> diagnostics)
    {
        using var stream = new MemoryStream();
        var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var json = new Utf8JsonWriter(stream, options))
        {
            json.WriteStartArray();
            foreach (var d in diagnostics)
                Write(json, d);
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n";
    }

    private static void Write(Utf8JsonWriter json, Diagnostic d)
    {
        json.WriteStartObject();
        json.WriteString("id", d.Id);
        json.WriteString("severity", d.IsError ? "error" : "warning");
        json.WriteString("kind", d.Kind.ToString());
        json.WriteString("message", d.Message);
        if (d.Rule is not null)
            json.WriteString("rule", d.Rule);
        if (d.Source is not null)
            json.WriteString("file", d.Source.Path);
        if (d.Source is not null && d.Span is { } span)
        {
            json.WritePropertyName("span");
            WriteSpan(json, d.Source, span);
        }
        json.WriteStartArray("labels");
        if (d.Source is not null)
        {
            foreach (var label in d.Labels)
            {
                json.WriteStartObject();
                json.WriteString("message", label.Message);
                json.WritePropertyName("span");
                WriteSpan(json, d.Source, label.Span);
                json.WriteEndObject();
            }
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteSpan(Utf8JsonWriter json, SourceText source, TextSpan span)
    {
        var start = source.GetLinePosition(span.Start);
        var end = source.GetLinePosition(span.End);
        json.WriteStartObject();
        json.WriteNumber("start", span.Start);
        json.WriteNumber("end", span.End);
        json.WriteNumber("line", start.Line);
        json.WriteNumber("column", start.Column);
        json.WriteNumber("endLine", end.Line);
        json.WriteNumber("endColumn", end.Column);
        json.WriteEndObject();
    }
}
