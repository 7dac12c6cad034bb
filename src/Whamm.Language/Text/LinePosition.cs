namespace Whamm.Language.Text;

/// <summary>A line and column, both 1-based, as printed in diagnostics (<c>path:line:col</c>).</summary>
/// <param name="Line">The line number, starting at 1.</param>
/// <param name="Column">The column, starting at 1, counted in Unicode scalar values (a tab is one column).</param>
public readonly record struct LinePosition(int Line, int Column)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Line}:{Column}";
}
