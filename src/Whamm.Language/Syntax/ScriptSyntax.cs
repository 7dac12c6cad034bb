using Whamm.Language.Text;

namespace Whamm.Language.Syntax;

/// <summary>A whole script (<c>.mm</c> file): its members in source order.</summary>
/// <param name="Span">The whole text.</param>
/// <param name="Source">The text it was parsed from.</param>
/// <param name="Members">The top-level items in source order.</param>
public sealed record ScriptSyntax(TextSpan Span, SourceText Source, IReadOnlyList<MemberSyntax> Members) : SyntaxNode(Span)
{
    /// <summary>The <c>use</c> directives.</summary>
    public IEnumerable<UseDirectiveSyntax> Uses => Members.OfType<UseDirectiveSyntax>();

    /// <summary>The probes, in source order.</summary>
    public IEnumerable<ProbeSyntax> Probes => Members.OfType<ProbeSyntax>();

    /// <summary>The <c>fn</c> definitions.</summary>
    public IEnumerable<FunctionSyntax> Functions => Members.OfType<FunctionSyntax>();

    /// <summary>The global statements, in source order (before and after probes alike).</summary>
    public IEnumerable<StatementSyntax> GlobalStatements => Members.OfType<GlobalStatementSyntax>().Select(g => g.Statement);

    /// <inheritdoc/>
    public override IEnumerable<SyntaxNode> ChildNodes() => Members;
}
