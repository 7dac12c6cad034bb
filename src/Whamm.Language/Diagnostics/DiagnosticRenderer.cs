namespace Whamm.Language.Diagnostics;

/// <summary>
/// Renders diagnostics for people (rustc-style, plain or coloured) or for tools (JSON). The model
/// never formats itself; whether to colour is the caller's decision (colour only on a terminal).
/// </summary>
/// <example>
/// <code>
/// var (script, diagnostics) = Parser.Parse(SourceText.From(text, "probe.mm"));
/// Console.Error.Write(DiagnosticRenderer.Render(diagnostics,
///     Console.IsErrorRedirected ? DiagnosticFormat.Plain : DiagnosticFormat.Colour));
/// </code>
/// </example>
public static class DiagnosticRenderer
{
    /// <summary>All of <paramref name="diagnostics"/> rendered in <paramref name="format"/>, in the order given.</summary>
    public static string Render(IEnumerable<Diagnostic> diagnostics, DiagnosticFormat format)
    {
        var writer = new StringWriter { NewLine = "\n" };
        Render(writer, diagnostics, format);
        return writer.ToString();
    }

    /// <summary>Writes <paramref name="diagnostics"/> in <paramref name="format"/> to <paramref name="writer"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An unknown format.</exception>
    public static void Render(TextWriter writer, IEnumerable<Diagnostic> diagnostics, DiagnosticFormat format)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(diagnostics);
        switch (format)
        {
            case DiagnosticFormat.Plain:
            case DiagnosticFormat.Colour:
                var text = new TextDiagnosticFormatter(format == DiagnosticFormat.Colour);
                foreach (var d in diagnostics)
                    writer.Write(text.Format(d));
                break;
            case DiagnosticFormat.Json:
                writer.Write(JsonDiagnosticFormatter.Format(diagnostics));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "unknown diagnostic format");
        }
    }
}
