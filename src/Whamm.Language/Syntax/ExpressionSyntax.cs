using Whamm.Language.Text;

namespace Whamm.Language.Syntax;

/// <summary>
/// An expression. Parentheses leave no node of their own: <c>(a + b)</c> is the
/// <see cref="BinaryExpressionSyntax"/> with the span of <c>a + b</c>.
/// </summary>
/// <param name="Span">The source range.</param>
public abstract record ExpressionSyntax(TextSpan Span) : SyntaxNode(Span);

/// <summary>A reference to a variable, bound variable or library by name (<c>count</c>, <c>arg0</c>, <c>fid</c>).</summary>
/// <param name="Span">The source range of the name.</param>
/// <param name="Name">The name.</param>
public sealed record NameExpressionSyntax(TextSpan Span, IdentifierSyntax Name) : ExpressionSyntax(Span)
{
    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> ChildNodes() => [Name];
}

/// <summary><c>op operand</c> for <c>!</c>, <c>~</c> and <c>-</c>. A <c>-</c> written directly before a decimal literal is part of the literal instead (<c>-10</c>).</summary>
/// <param name="Span">From the operator to the end of the operand.</param>
/// <param name="Operator">The operator.</param>
/// <param name="OperatorSpan">The operator's source range.</param>
/// <param name="Operand">The operand.</param>
public sealed record UnaryExpressionSyntax(TextSpan Span, UnaryOperator Operator, TextSpan OperatorSpan, ExpressionSyntax Operand)
    : ExpressionSyntax(Span)
{
    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> ChildNodes() => [Operand];
}

/// <summary><c>left op right</c>.</summary>
/// <param name="Span">From the left operand to the end of the right one.</param>
/// <param name="Left">The left operand.</param>
/// <param name="Operator">The operator.</param>
/// <param name="OperatorSpan">The operator's source range.</param>
/// <param name="Right">The right operand.</param>
public sealed record BinaryExpressionSyntax(TextSpan Span, ExpressionSyntax Left, BinaryOperator Operator, TextSpan OperatorSpan, ExpressionSyntax Right)
    : ExpressionSyntax(Span)
{
    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> ChildNodes() => [Left, Right];
}

/// <summary><c>condition ? whenTrue : whenFalse</c> — a general expression (our extension; Whamm 1.0 allows it only as a whole right-hand side).</summary>
/// <param name="Span">From the condition to the end of the false branch.</param>
/// <param name="Condition">The condition.</param>
/// <param name="WhenTrue">The value when the condition holds.</param>
/// <param name="WhenFalse">The value otherwise.</param>
public sealed record TernaryExpressionSyntax(TextSpan Span, ExpressionSyntax Condition, ExpressionSyntax WhenTrue, ExpressionSyntax WhenFalse)
    : ExpressionSyntax(Span)
{
    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> ChildNodes() => [Condition, WhenTrue, WhenFalse];
}

/// <summary><c>operand as T</c>; <c>T</c> is a primitive type (the parser reports anything else).</summary>
/// <param name="Span">From the operand to the end of the type.</param>
/// <param name="Operand">The value converted.</param>
/// <param name="Type">The target type.</param>
public sealed record CastExpressionSyntax(TextSpan Span, ExpressionSyntax Operand, TypeSyntax Type) : ExpressionSyntax(Span)
{
    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> ChildNodes() => [Operand, Type];
}

/// <summary>A tuple literal <c>(e1, e2, …)</c> with at least two elements, or the empty tuple <c>()</c>.</summary>
/// <param name="Span">From <c>(</c> to <c>)</c>.</param>
/// <param name="Elements">The elements.</param>
public sealed record TupleExpressionSyntax(TextSpan Span, IReadOnlyList<ExpressionSyntax> Elements) : ExpressionSyntax(Span)
{
    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> ChildNodes() => Elements;
}

/// <summary>A map access <c>target[index]</c> (read, or the target of an assignment or <c>++</c>).</summary>
/// <param name="Span">From the target to <c>]</c>.</param>
/// <param name="Target">The map.</param>
/// <param name="Index">The key.</param>
public sealed record IndexExpressionSyntax(TextSpan Span, ExpressionSyntax Target, ExpressionSyntax Index) : ExpressionSyntax(Span)
{
    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> ChildNodes() => [Target, Index];
}

/// <summary>A tuple element <c>target.N</c> (nested: <c>t.1.0</c>).</summary>
/// <param name="Span">From the target to the end of the index.</param>
/// <param name="Target">The tuple.</param>
/// <param name="Index">The 0-based element number.</param>
/// <param name="IndexSpan">The source range of the number.</param>
public sealed record FieldAccessExpressionSyntax(TextSpan Span, ExpressionSyntax Target, int Index, TextSpan IndexSpan) : ExpressionSyntax(Span)
{
    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> ChildNodes() => [Target];
}

/// <summary>
/// A call: <c>f(args)</c> (no receiver), <c>lib.f(args)</c> or <c>s.len()</c> (receiver <c>lib</c>/<c>s</c>:
/// whether a receiver names a library or a <c>str</c> value is for the type checker to decide), optionally
/// annotated <c>@static</c> or <c>@init</c> (the parser makes sure annotated calls have a receiver).
/// </summary>
/// <param name="Span">From the annotation or callee to <c>)</c>.</param>
/// <param name="Receiver">The expression before the dot, or null for a plain function call.</param>
/// <param name="Name">The function or method name.</param>
/// <param name="Arguments">The arguments.</param>
/// <param name="Annotation">The call annotation.</param>
/// <param name="AnnotationSpan">The annotation's source range (empty at the call's start when there is none).</param>
public sealed record CallExpressionSyntax(
    TextSpan Span,
    ExpressionSyntax? Receiver,
    IdentifierSyntax Name,
    IReadOnlyList<ExpressionSyntax> Arguments,
    CallAnnotation Annotation,
    TextSpan AnnotationSpan) : ExpressionSyntax(Span)
{
    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> ChildNodes() =>
        Receiver is null ? [Name, .. Arguments] : [Receiver, Name, .. Arguments];
}

/// <summary>An expression missing from the source (error recovery; a diagnostic was reported).</summary>
/// <param name="Span">A zero-length span where the expression belongs, or the span of skipped text.</param>
public sealed record MissingExpressionSyntax(TextSpan Span) : ExpressionSyntax(Span);
