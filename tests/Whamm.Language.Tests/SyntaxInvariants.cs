using Whamm.Language.Syntax;

namespace Whamm.Language.Tests;

/// <summary>Structural properties every parsed tree has, checked by several tests.</summary>
public static class SyntaxInvariants
{
    /// <summary>Children inside parents, in source order, and everything inside the text.</summary>
    public static void AssertSpansNest(ScriptSyntax script)
    {
        foreach (var node in script.DescendantNodesAndSelf())
        {
            Assert.True(node.Span.End <= script.Source.Length, $"{node.GetType().Name} {node.Span} reaches past the text");
            int last = node.Span.Start;
            foreach (var child in node.ChildNodes())
            {
                Assert.True(node.Span.Contains(child.Span),
                    $"{child.GetType().Name} {child.Span} is outside its parent {node.GetType().Name} {node.Span}");
                Assert.True(child.Span.Start >= last,
                    $"{child.GetType().Name} {child.Span} comes before its previous sibling in {node.GetType().Name}");
                last = child.Span.Start;
            }
        }
    }
}
