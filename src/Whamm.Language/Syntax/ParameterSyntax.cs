using Whamm.Language.Text;

namespace Whamm.Language.Syntax;

/// <summary>
/// <c>name: type</c> — a parameter of a <c>fn</c> definition, or one entry of a probe rule's type-bound
/// group (<c>wasm:opcode:call(arg0: i32):before</c>).
/// </summary>
/// <param name="Span">From the name to the end of the type.</param>
/// <param name="Name">The name.</param>
/// <param name="Type">The declared type.</param>
public sealed record ParameterSyntax(TextSpan Span, IdentifierSyntax Name, TypeSyntax Type) : SyntaxNode(Span)
{
    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> ChildNodes() => [Name, Type];
}
