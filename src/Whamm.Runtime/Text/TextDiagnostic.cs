using System.Text;

namespace Whamm.Runtime.Text;

/// <summary>
/// An error in WebAssembly text (a <c>.wat</c> module or a <c>.wast</c> script): where it is and what is
/// wrong. Rendering is separate from the model: <see cref="ToString"/> gives the one-line
/// <c>FILE:LINE:COL: error: message</c> form and <see cref="Render"/> adds the source line and a caret.
/// </summary>
/// <param name="Code">A stable code for the kind of error (see <see cref="TextDiagnosticCodes"/>).</param>
/// <param name="Path">The file, or a placeholder such as <c>&lt;text&gt;</c> for text that came from memory.</param>
/// <param name="Line">1-based line, or 0 when the parser gave no position.</param>
/// <param name="Column">1-based column counted in characters, or 0 when unknown.</param>
/// <param name="Message">What is wrong, without location.</param>
/// <param name="SourceLine">The text of the offending line (no line terminator), when known.</param>
public sealed record TextDiagnostic(string Code, string Path, int Line, int Column, string Message, string? SourceLine = null)
{
    /// <summary>Whether the diagnostic has a line and column.</summary>
    public bool HasPosition => Line > 0;

    /// <summary><c>FILE:LINE:COL: error: message</c> (or <c>FILE: error: message</c> without a position).</summary>
    public override string ToString() =>
        HasPosition ? $"{Path}:{Line}:{Column}: error: {Message}" : $"{Path}: error: {Message}";

    /// <summary>The one-line form followed by the source line and a caret under the column.</summary>
    public string Render()
    {
        var sb = new StringBuilder(ToString());
        if (SourceLine is null || !HasPosition) return sb.ToString();
        var number = Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var pad = new string(' ', number.Length);
        sb.Append('\n').Append(pad).Append(" |\n");
        sb.Append(number).Append(" | ").Append(SourceLine).Append('\n');
        sb.Append(pad).Append(" | ");
        // Keep tabs so the caret lines up under the column in a terminal.
        var prefix = SourceLine.AsSpan(0, Math.Min(Math.Max(Column - 1, 0), SourceLine.Length));
        foreach (var c in prefix) sb.Append(c == '\t' ? '\t' : ' ');
        sb.Append('^');
        return sb.ToString();
    }

    /// <summary>A diagnostic at <paramref name="line"/>:<paramref name="column"/> of <paramref name="text"/>, quoting that line.</summary>
    public static TextDiagnostic At(string code, string path, string text, int line, int column, string message) =>
        new(code, path, line, column, message, LineOf(text, line));

    /// <summary>The text of 1-based line <paramref name="line"/>, or null when out of range.</summary>
    public static string? LineOf(string text, int line)
    {
        if (line <= 0) return null;
        var start = 0;
        for (var current = 1; current < line; current++)
        {
            var next = text.IndexOf('\n', start);
            if (next < 0) return null;
            start = next + 1;
        }
        var end = text.IndexOf('\n', start);
        var span = end < 0 ? text[start..] : text[start..end];
        return span.TrimEnd('\r');
    }
}

/// <summary>The stable codes of <see cref="TextDiagnostic"/> (numbered, never reused).</summary>
public static class TextDiagnosticCodes
{
    /// <summary>The text parser rejected a module: a syntax error, an unknown identifier, a bad literal.</summary>
    public const string Syntax = "WAT0001";
    /// <summary>The input is not valid UTF-8.</summary>
    public const string Encoding = "WAT0002";
    /// <summary>A <c>.wast</c> script command is malformed.</summary>
    public const string Script = "WAT0003";
}

/// <summary>Thrown when text cannot be parsed; carries the <see cref="TextDiagnostic"/>.</summary>
public sealed class TextParseException(TextDiagnostic diagnostic) : Exception(diagnostic.ToString())
{
    /// <summary>Where and what.</summary>
    public TextDiagnostic Diagnostic { get; } = diagnostic;
}
