using Whamm.Language.Text;

namespace Whamm.Language.Syntax;

/// <summary>
/// The base of the immutable syntax tree. Every node has the <see cref="TextSpan"/> of the source it
/// came from; a node made up by error recovery (see <see cref="MissingExpressionSyntax"/>) has a
/// zero-length span where the missing text belongs, and a node made by a later phase keeps the span
/// of the node it came from. The tree uses no Wasm types.
/// </summary>
/// <param name="Span">The source range of the node.</param>
public abstract record SyntaxNode(TextSpan Span)
{
    /// <summary>The direct children, in source order.</summary>
    public virtual IEnumerable<SyntaxNode> ChildNodes() => [];

    /// <summary>This node and all nodes below it, depth first, in source order.</summary>
    public IEnumerable<SyntaxNode> DescendantNodesAndSelf()
    {
        var stack = new Stack<SyntaxNode>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            foreach (var child in node.ChildNodes().Reverse())
                stack.Push(child);
        }
    }

    /// <summary>The canonical source form of this node (see <see cref="SyntaxPrinter"/>), in every node type.</summary>
    public sealed override string ToString() => SyntaxPrinter.Print(this);
}
