using Whamm.Language.Text;

namespace Whamm.Language.Syntax;

/// <summary>A name as written (variable, function, parameter, library or method name).</summary>
/// <param name="Span">The source range of the name.</param>
/// <param name="Text">The name; empty when error recovery made it up.</param>
public sealed record IdentifierSyntax(TextSpan Span, string Text) : SyntaxNode(Span)
{
    /// <summary>True when the name is missing from the source (error recovery).</summary>
    public bool IsMissing => Text.Length == 0;
}
