namespace Whamm.Language.Text;

/// <summary>
/// An immutable script text with the path it came from and its line starts, mapping offsets to
/// <see cref="LinePosition"/>s. Lines end at <c>\n</c> (a preceding <c>\r</c> belongs to the break).
/// </summary>
public sealed class SourceText
{
    private readonly int[] lineStarts;

    private SourceText(string text, string path)
    {
        Text = text;
        Path = path;
        lineStarts = ComputeLineStarts(text);
    }

    /// <summary>The path shown in diagnostics (may be empty for text that came from no file).</summary>
    public string Path { get; }

    /// <summary>The whole text.</summary>
    public string Text { get; }

    /// <summary>Number of characters.</summary>
    public int Length => Text.Length;

    /// <summary>Number of lines (an empty text has one empty line; a final newline starts a last, empty line).</summary>
    public int LineCount => lineStarts.Length;

    /// <summary>The character at <paramref name="index"/>.</summary>
    public char this[int index] => Text[index];

    /// <summary>A source text over <paramref name="text"/>, shown as <paramref name="path"/> in diagnostics.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> or <paramref name="path"/> is null.</exception>
    public static SourceText From(string text, string path = "")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        return new SourceText(text, path);
    }

    /// <summary>Reads <paramref name="path"/> as UTF-8 (a byte-order mark is dropped); diagnostics show <paramref name="displayPath"/> or the path itself.</summary>
    public static SourceText ReadFile(string path, string? displayPath = null) =>
        From(File.ReadAllText(path), displayPath ?? path);

    /// <summary>The text covered by <paramref name="span"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The span reaches past the end of the text.</exception>
    public string ToString(TextSpan span)
    {
        CheckSpan(span);
        return Text.Substring(span.Start, span.Length);
    }

    /// <inheritdoc/>
    public override string ToString() => Text;

    /// <summary>The 0-based index of the line holding <paramref name="position"/> (the end of the text belongs to the last line).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="position"/> is outside <c>[0, Length]</c>.</exception>
    public int GetLineIndex(int position)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(position, Text.Length);
        int index = Array.BinarySearch(lineStarts, position);
        return index >= 0 ? index : ~index - 1;
    }

    /// <summary>The 1-based line and column of <paramref name="position"/>.</summary>
    public LinePosition GetLinePosition(int position)
    {
        int line = GetLineIndex(position);
        int start = lineStarts[line];
        int column = 1;
        for (int i = start; i < position; i++)
            if (!char.IsLowSurrogate(Text[i]) || i == start || !char.IsHighSurrogate(Text[i - 1]))
                column++;
        return new LinePosition(line + 1, column);
    }

    /// <summary>The offset where the 0-based line <paramref name="lineIndex"/> starts.</summary>
    public int GetLineStart(int lineIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lineIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(lineIndex, lineStarts.Length);
        return lineStarts[lineIndex];
    }

    /// <summary>The span of the 0-based line <paramref name="lineIndex"/>, without its line break.</summary>
    public TextSpan GetLineSpan(int lineIndex)
    {
        int start = GetLineStart(lineIndex);
        int end = lineIndex + 1 < lineStarts.Length ? lineStarts[lineIndex + 1] - 1 : Text.Length;
        if (end > start && Text[end - 1] == '\r' && lineIndex + 1 < lineStarts.Length)
            end--;
        return TextSpan.FromBounds(start, end);
    }

    /// <summary>The text of the 0-based line <paramref name="lineIndex"/>, without its line break.</summary>
    public string GetLineText(int lineIndex) => ToString(GetLineSpan(lineIndex));

    private void CheckSpan(TextSpan span)
    {
        if (span.End > Text.Length)
            throw new ArgumentOutOfRangeException(nameof(span), $"span {span} reaches past the end of the text ({Text.Length})");
    }

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
            if (text[i] == '\n')
                starts.Add(i + 1);
        return [.. starts];
    }
}
