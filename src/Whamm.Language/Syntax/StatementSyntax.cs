using Whamm.Language.Text;

namespace Whamm.Language.Syntax;

/// <summary>A statement of a probe body, a function body, an <c>if</c> branch or the script's global scope.</summary>
/// <param name="Span">The source range, including the closing <c>;</c> when there is one.</param>
public abstract record StatementSyntax(TextSpan Span) : SyntaxNode(Span);

/// <summary><c>{ statements }</c>: the body of a probe, function or <c>if</c> branch.</summary>
/// <param name="Span">From <c>{</c> to <c>}</c>.</param>
/// <param name="Statements">The statements, in order.</param>
public sealed record BlockSyntax(TextSpan Span, IReadOnlyList<StatementSyntax> Statements) : SyntaxNode(Span)
{
    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> ChildNodes() => Statements;
}

/// <summary>A declaration modifier keyword (<c>report</c> or <c>unshared</c>).</summary>
/// <param name="Span">The keyword's source range.</param>
/// <param name="Kind">Which modifier.</param>
public sealed record ModifierSyntax(TextSpan Span, ModifierKind Kind) : SyntaxNode(Span);

/// <summary><c>[report] [unshared] var name: T [= value];</c></summary>
/// <param name="Span">From the first modifier or <c>var</c> to <c>;</c>.</param>
/// <param name="Modifiers">The modifiers in source order (each kind at most once).</param>
/// <param name="Name">The variable's name.</param>
/// <param name="Type">The declared type.</param>
/// <param name="Initializer">The initial value, or null.</param>
public sealed record VariableDeclarationSyntax(
    TextSpan Span,
    IReadOnlyList<ModifierSyntax> Modifiers,
    IdentifierSyntax Name,
    TypeSyntax Type,
    ExpressionSyntax? Initializer) : StatementSyntax(Span)
{
    /// <summary>True for <c>report var</c> (which is also unshared inside a probe).</summary>
    public bool IsReport => Modifiers.Any(m => m.Kind == ModifierKind.Report);

    /// <summary>True when <c>unshared</c> was written.</summary>
    public bool IsUnshared => Modifiers.Any(m => m.Kind == ModifierKind.Unshared);

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> ChildNodes() =>
        Initializer is null ? [.. Modifiers, Name, Type] : [.. Modifiers, Name, Type, Initializer];
}

/// <summary><c>target = value;</c> where the target is a name, a map entry <c>m[k]</c> or a tuple element <c>t.0</c>.</summary>
/// <param name="Span">From the target to <c>;</c>.</param>
/// <param name="Target">What is assigned.</param>
/// <param name="Value">The new value.</param>
public sealed record AssignmentStatementSyntax(TextSpan Span, ExpressionSyntax Target, ExpressionSyntax Value) : StatementSyntax(Span)
{
    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> ChildNodes() => [Target, Value];
}

/// <summary><c>target++;</c> or <c>target--;</c> (statements only, as in Whamm 1.0).</summary>
/// <param name="Span">From the target to <c>;</c>.</param>
/// <param name="Target">What is incremented: a name, map entry or tuple element.</param>
/// <param name="IsDecrement">True for <c>--</c>.</param>
/// <param name="OperatorSpan">The source range of <c>++</c>/<c>--</c>.</param>
public sealed record IncrementStatementSyntax(TextSpan Span, ExpressionSyntax Target, bool IsDecrement, TextSpan OperatorSpan) : StatementSyntax(Span)
{
    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> ChildNodes() => [Target];
}

/// <summary><c>call;</c> — a call evaluated for its effect (<c>f(x);</c>, <c>lib.f(x);</c>, <c>@init lib.f(x);</c>).</summary>
/// <param name="Span">From the call to <c>;</c>.</param>
/// <param name="Expression">The call (a <see cref="MissingExpressionSyntax"/> only after an error).</param>
public sealed record ExpressionStatementSyntax(TextSpan Span, ExpressionSyntax Expression) : StatementSyntax(Span)
{
    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> ChildNodes() => [Expression];
}

/// <summary><c>return;</c> or <c>return value;</c></summary>
/// <param name="Span">From <c>return</c> to <c>;</c>.</param>
/// <param name="Value">The returned value, or null.</param>
public sealed record ReturnStatementSyntax(TextSpan Span, ExpressionSyntax? Value) : StatementSyntax(Span)
{
    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> ChildNodes() => Value is null ? [] : [Value];
}

/// <summary><c>elif (condition) { … }</c></summary>
/// <param name="Span">From <c>elif</c> to <c>}</c>.</param>
/// <param name="Condition">The condition.</param>
/// <param name="Body">The branch.</param>
public sealed record ElifClauseSyntax(TextSpan Span, ExpressionSyntax Condition, BlockSyntax Body) : SyntaxNode(Span)
{
    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> ChildNodes() => [Condition, Body];
}

/// <summary><c>if (c) { … } elif (c) { … } … else { … }</c> (no <c>;</c> after it).</summary>
/// <param name="Span">From <c>if</c> to the last <c>}</c>.</param>
/// <param name="Condition">The condition.</param>
/// <param name="Then">The first branch.</param>
/// <param name="Elifs">The <c>elif</c> branches, in order.</param>
/// <param name="Else">The <c>else</c> branch, or null.</param>
public sealed record IfStatementSyntax(TextSpan Span, ExpressionSyntax Condition, BlockSyntax Then, IReadOnlyList<ElifClauseSyntax> Elifs, BlockSyntax? Else)
    : StatementSyntax(Span)
{
    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> ChildNodes() =>
        Else is null ? [Condition, Then, .. Elifs] : [Condition, Then, .. Elifs, Else];
}
