using Whamm.Language.Text;

namespace Whamm.Language.Syntax;

/// <summary>A top-level item of a script: <c>use</c>, a probe, a <c>fn</c> definition or a global statement.</summary>
/// <param name="Span">The source range.</param>
public abstract record MemberSyntax(TextSpan Span) : SyntaxNode(Span);

/// <summary><c>use name;</c> — imports a library (only before the first probe).</summary>
/// <param name="Span">From <c>use</c> to <c>;</c>.</param>
/// <param name="Library">The library name.</param>
public sealed record UseDirectiveSyntax(TextSpan Span, IdentifierSyntax Library) : MemberSyntax(Span)
{
    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> ChildNodes() => [Library];
}

/// <summary><c>rule [/ predicate /] { body }</c></summary>
/// <param name="Span">From the rule to <c>}</c>.</param>
/// <param name="Rule">The probe rule.</param>
/// <param name="Predicate">The predicate between slashes, or null.</param>
/// <param name="Body">The body (an empty body is legal; for <c>alt</c> it deletes the instruction).</param>
public sealed record ProbeSyntax(TextSpan Span, ProbeRuleSyntax Rule, ExpressionSyntax? Predicate, BlockSyntax Body) : MemberSyntax(Span)
{
    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> ChildNodes() => Predicate is null ? [Rule, Body] : [Rule, Predicate, Body];
}

/// <summary><c>fn name(a: T, …) [-&gt; R] { body }</c></summary>
/// <param name="Span">From <c>fn</c> to <c>}</c>.</param>
/// <param name="Name">The function's name.</param>
/// <param name="Parameters">The parameters.</param>
/// <param name="ReturnType">The result type, or null for none.</param>
/// <param name="Body">The body.</param>
public sealed record FunctionSyntax(TextSpan Span, IdentifierSyntax Name, IReadOnlyList<ParameterSyntax> Parameters, TypeSyntax? ReturnType, BlockSyntax Body)
    : MemberSyntax(Span)
{
    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> ChildNodes() =>
        ReturnType is null ? [Name, .. Parameters, Body] : [Name, .. Parameters, ReturnType, Body];
}

/// <summary>A statement at the top level of the script (declaration, assignment, call, …).</summary>
/// <param name="Span">The statement's source range.</param>
/// <param name="Statement">The statement.</param>
public sealed record GlobalStatementSyntax(TextSpan Span, StatementSyntax Statement) : MemberSyntax(Span)
{
    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> ChildNodes() => [Statement];
}
