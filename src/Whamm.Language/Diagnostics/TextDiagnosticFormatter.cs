using System.Text;
using Whamm.Language.Text;

namespace Whamm.Language.Diagnostics;

/// <summary>
/// rustc-style text, as Whamm 1.0 prints it:
/// <code>
/// error[ParsingError WH0010]@wasm:opcode:call:before: expected `;`, found `}`
///  --> probe.mm:3:10
///   |
/// 3 |     x = 1
///   |          ^--- expected `;`, found `}`
///   |
/// </code>
/// The primary span is underlined with <c>^</c> (<c>^---</c> for a position), secondary labels with
/// <c>-</c>, in source order; lines more than one apart are separated by <c>...</c>; a multi-line span
/// shows its first and last line. Tabs in the source are kept so the underline lines up.
/// </summary>
internal sealed class TextDiagnosticFormatter(bool colour)
{
    private const string Reset = "\u001b[0m";
    private const string BoldRed = "\u001b[1;31m";
    private const string BoldYellow = "\u001b[1;33m";
    private const string BoldBlue = "\u001b[1;34m";
    private const string Bold = "\u001b[1m";

    /// <summary>Longer source lines are shown as a window around their marks.</summary>
    private const int MaxLineWidth = 160;

    /// <summary>Columns of context kept on each side of the marks in a window.</summary>
    private const int WindowContext = 40;

    private readonly record struct Annotation(TextSpan Span, bool Primary, string Label);

    private readonly record struct Mark(int Line, int StartColumn, int EndColumn, bool Primary, bool ZeroWidth, string? Label);

    public string Format(Diagnostic d)
    {
        var sb = new StringBuilder();
        string severityColour = d.IsError ? BoldRed : BoldYellow;
        sb.Append(Paint($"{(d.IsError ? "error" : "warning")}[{d.Kind} {d.Id}]", severityColour));
        if (d.Rule is not null)
            sb.Append(Paint("@" + d.Rule, Bold));
        sb.Append(Paint(": " + d.Message, Bold)).Append('\n');

        if (d.Source is null)
            return sb.Append('\n').ToString();
        var source = d.Source;
        if (d.Span is not { } primary)
        {
            sb.Append(' ').Append(Paint("-->", BoldBlue)).Append(' ').Append(source.Path).Append("\n\n");
            return sb.ToString();
        }

        var annotations = new List<Annotation> { new(primary, true, d.PrimaryLabel ?? d.Message) };
        annotations.AddRange(d.Labels.Select(l => new Annotation(l.Span, false, l.Message)));
        var marks = annotations.SelectMany(a => ToMarks(source, a)).ToList();
        var lines = marks.Select(m => m.Line).Distinct().Order().ToList();
        int width = (lines[^1] + 1).ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        string pad = new(' ', width);
        string gutter = Paint(pad + " |", BoldBlue);

        sb.Append(pad).Append(Paint("-->", BoldBlue)).Append(' ')
          .Append(source.Path).Append(':').Append(source.GetLinePosition(primary.Start)).Append('\n');
        sb.Append(gutter).Append('\n');
        int previous = -1;
        foreach (int line in lines)
        {
            if (previous >= 0 && line > previous + 1)
                sb.Append(Paint("...", BoldBlue)).Append('\n');
            previous = line;
            var lineMarks = marks.Where(m => m.Line == line).OrderBy(m => m.StartColumn).ThenBy(m => !m.Primary).ToList();
            string text = Window(source.GetLineText(line), lineMarks);
            string number = (line + 1).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width);
            AppendTrimmed(sb, Paint(number + " |", BoldBlue) + (text.Length > 0 ? " " + text : ""));
            foreach (var mark in lineMarks)
                AppendTrimmed(sb, gutter + " " + Underline(text, mark));
        }
        sb.Append(gutter).Append("\n\n");
        return sb.ToString();
    }

    /// <summary>
    /// A source line longer than <see cref="MaxLineWidth"/> columns is cut down to a window around its
    /// marks, with <c>...</c> where text was left out; <paramref name="marks"/> are shifted to match.
    /// </summary>
    private static string Window(string line, List<Mark> marks)
    {
        var starts = ColumnStarts(line);
        int columns = starts.Count - 1;
        if (columns <= MaxLineWidth || marks.Count == 0)
            return line;
        int low = marks.Min(m => m.StartColumn);
        int high = marks.Max(m => Math.Max(m.EndColumn, m.StartColumn + 1));
        int from = Math.Max(1, low - WindowContext);
        int to = Math.Min(columns + 1, Math.Max(high, low + 1) + WindowContext);
        to = Math.Min(to, from + MaxLineWidth);
        string prefix = from > 1 ? "..." : "";
        string shown = prefix + line[starts[from - 1]..starts[to - 1]] + (to <= columns ? "..." : "");
        int shift = from - 1 - prefix.Length;
        for (int i = 0; i < marks.Count; i++)
        {
            var m = marks[i];
            int start = Math.Max(m.StartColumn - shift, prefix.Length + 1);
            int end = Math.Clamp(m.EndColumn - shift, start, to - shift);
            marks[i] = m with { StartColumn = start, EndColumn = end };
        }
        return shown;
    }

    /// <summary>The char index where each column starts, plus the line's length at the end.</summary>
    private static List<int> ColumnStarts(string line)
    {
        var starts = new List<int>(line.Length + 1);
        for (int i = 0; i < line.Length; i++)
        {
            if (char.IsLowSurrogate(line[i]) && i > 0 && char.IsHighSurrogate(line[i - 1]))
                continue;
            starts.Add(i);
        }
        starts.Add(line.Length);
        return starts;
    }

    private string Underline(string lineText, Mark mark)
    {
        var sb = new StringBuilder();
        // Spaces up to the column, keeping tabs so the marks line up under the source.
        int column = 1;
        for (int i = 0; i < lineText.Length && column < mark.StartColumn; i++)
        {
            if (char.IsHighSurrogate(lineText[i]) && i + 1 < lineText.Length && char.IsLowSurrogate(lineText[i + 1]))
                i++;
            sb.Append(lineText[i] == '\t' ? '\t' : ' ');
            column++;
        }
        if (column < mark.StartColumn)
            sb.Append(' ', mark.StartColumn - column);
        char c = mark.Primary ? '^' : '-';
        string marks = mark.ZeroWidth
            ? (mark.Primary ? "^---" : "-")
            : new string(c, Math.Max(1, mark.EndColumn - mark.StartColumn));
        string label = mark.Label is { Length: > 0 } l ? " " + l : "";
        sb.Append(Paint(marks + label, mark.Primary ? BoldRed : BoldBlue));
        return sb.ToString();
    }

    private static IEnumerable<Mark> ToMarks(SourceText source, Annotation a)
    {
        var span = a.Span;
        int startLine = source.GetLineIndex(span.Start);
        int end = span.End;
        // A span ending just after a line break ends, visually, on the line before.
        if (span.Length > 0 && end > span.Start && source.GetLineIndex(end) > startLine && source.GetLineStart(source.GetLineIndex(end)) == end)
            end = source.GetLineSpan(source.GetLineIndex(end) - 1).End;
        int endLine = source.GetLineIndex(Math.Max(end, span.Start));
        int startColumn = source.GetLinePosition(span.Start).Column;
        if (endLine == startLine)
        {
            int endColumn = source.GetLinePosition(Math.Max(end, span.Start)).Column;
            yield return new Mark(startLine, startColumn, endColumn, a.Primary, span.IsEmpty, a.Label);
            yield break;
        }
        var firstLine = source.GetLineSpan(startLine);
        yield return new Mark(startLine, startColumn, source.GetLinePosition(firstLine.End).Column, a.Primary, false, null);
        var lastLine = source.GetLineSpan(endLine);
        int firstNonBlank = lastLine.Start;
        while (firstNonBlank < end && source[firstNonBlank] is ' ' or '\t')
            firstNonBlank++;
        yield return new Mark(endLine, source.GetLinePosition(firstNonBlank).Column,
            source.GetLinePosition(end).Column, a.Primary, false, a.Label);
    }

    private static void AppendTrimmed(StringBuilder sb, string line) => sb.Append(line.TrimEnd(' ')).Append('\n');

    private string Paint(string text, string code) => colour ? code + text + Reset : text;
}
