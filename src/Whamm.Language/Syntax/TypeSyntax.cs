using Whamm.Language.Text;

namespace Whamm.Language.Syntax;

/// <summary>A type as written: a primitive, a tuple <c>(T1, T2)</c> or a map <c>map&lt;K, V&gt;</c>.</summary>
/// <param name="Span">The source range.</param>
public abstract record TypeSyntax(TextSpan Span) : SyntaxNode(Span);

/// <summary>A primitive type name such as <c>u32</c> or <c>str</c>.</summary>
/// <param name="Span">The source range of the name.</param>
/// <param name="Kind">Which primitive.</param>
public sealed record PrimitiveTypeSyntax(TextSpan Span, PrimitiveTypeKind Kind) : TypeSyntax(Span);

/// <summary>A tuple type <c>(T1, T2, …)</c>; <c>()</c> is the empty tuple and <c>(T)</c> a one-element tuple.</summary>
/// <param name="Span">From <c>(</c> to <c>)</c>.</param>
/// <param name="Elements">The element types.</param>
public sealed record TupleTypeSyntax(TextSpan Span, IReadOnlyList<TypeSyntax> Elements) : TypeSyntax(Span)
{
    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> ChildNodes() => Elements;
}

/// <summary>A map type <c>map&lt;K, V&gt;</c>.</summary>
/// <param name="Span">From <c>map</c> to <c>&gt;</c>.</param>
/// <param name="Key">The key type.</param>
/// <param name="Value">The value type.</param>
public sealed record MapTypeSyntax(TextSpan Span, TypeSyntax Key, TypeSyntax Value) : TypeSyntax(Span)
{
    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> ChildNodes() => [Key, Value];
}

/// <summary>A type that is missing from the source (error recovery; a diagnostic was reported).</summary>
/// <param name="Span">A zero-length span where the type belongs.</param>
public sealed record MissingTypeSyntax(TextSpan Span) : TypeSyntax(Span);
