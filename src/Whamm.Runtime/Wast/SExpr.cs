namespace Whamm.Runtime.Wast;

/// <summary>A position in a script: character offset, 1-based line and 1-based column (in characters).</summary>
public readonly record struct SourcePosition(int Offset, int Line, int Column)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Line}:{Column}";
}

/// <summary>Whether a comment is a <c>;;</c> line comment or a <c>(; ;)</c> block comment.</summary>
public enum WastCommentKind
{
    /// <summary><c>;; …</c> to the end of the line.</summary>
    Line,
    /// <summary><c>(; … ;)</c>, possibly nested and spanning lines.</summary>
    Block,
}

/// <summary>
/// A comment of a script, kept with its position so a harness can read annotation comments such as
/// <c>;; WHAMM --&gt; &lt;script&gt;</c>, <c>;; @instrument</c> or <c>;; @passes_uninstr</c>.
/// </summary>
/// <param name="Text">The comment as written, markers included (<c>;; @instrument</c>).</param>
/// <param name="Kind">Line or block.</param>
/// <param name="Start">Where it starts.</param>
public sealed record WastComment(string Text, WastCommentKind Kind, SourcePosition Start)
{
    /// <summary>The text without the comment markers and surrounding whitespace (<c>@instrument</c>).</summary>
    public string Body => (Kind == WastCommentKind.Line ? Text[2..] : Text[2..^2]).Trim();
}

/// <summary>A node of the script's s-expression tree.</summary>
internal abstract record SExpr(SourcePosition Start, int EndOffset);

/// <summary>A parenthesised list.</summary>
internal sealed record SList(List<SExpr> Items, SourcePosition Start, int EndOffset) : SExpr(Start, EndOffset)
{
    /// <summary>The leading keyword, or null when the list does not start with an atom.</summary>
    public string? Head => Items.Count > 0 && Items[0] is SAtom atom ? atom.Text : null;
}

/// <summary>A keyword, number, or identifier (<c>$x</c>; quoted identifiers are decoded to <c>$</c> + text).</summary>
internal sealed record SAtom(string Text, SourcePosition Start, int EndOffset) : SExpr(Start, EndOffset)
{
    public bool IsId => Text.StartsWith('$');
}

/// <summary>A string literal: its decoded bytes.</summary>
internal sealed record SString(byte[] Bytes, SourcePosition Start, int EndOffset) : SExpr(Start, EndOffset)
{
    public string Utf8 => System.Text.Encoding.UTF8.GetString(Bytes);
}
