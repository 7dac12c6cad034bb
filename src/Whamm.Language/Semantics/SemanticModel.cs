using Whamm.Language.Syntax;

namespace Whamm.Language.Semantics;

/// <summary>
/// What the type checker learned about one body (the global statements, a <c>fn</c>, or a probe's
/// predicate and body for a group of its matches): the type of every expression it checked and the
/// symbol every name, call and declaration resolved to. Keyed by node identity. Immutable.
/// </summary>
public sealed class SemanticModel
{
    private readonly Dictionary<SyntaxNode, WhammType> types;
    private readonly Dictionary<SyntaxNode, Symbol> symbols;

    internal SemanticModel(Dictionary<SyntaxNode, WhammType> types, Dictionary<SyntaxNode, Symbol> symbols, IReadOnlyList<VariableSymbol> declared)
    {
        this.types = types;
        this.symbols = symbols;
        DeclaredVariables = declared;
    }

    /// <summary>The variables declared in the body, in source order (parameters first for a function).</summary>
    public IReadOnlyList<VariableSymbol> DeclaredVariables { get; }

    /// <summary>The <c>unshared</c> and <c>report</c> variables declared in a probe body, in source order.</summary>
    public IEnumerable<VariableSymbol> UnsharedVariables => DeclaredVariables.Where(v => v.VariableKind == VariableKind.Unshared);

    /// <summary>
    /// The type of <paramref name="expression"/> after literal typing from context (so <c>1</c> in
    /// <c>x + 1</c> with <c>x: u8</c> is <c>u8</c>); <see cref="WhammType.Error"/> after an error; null when
    /// the expression was not checked (it is not in this body).
    /// </summary>
    public WhammType? TypeOf(ExpressionSyntax expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return types.GetValueOrDefault(expression);
    }

    /// <summary>
    /// The symbol a node resolved to: a <see cref="NameExpressionSyntax"/> to its variable, function or
    /// library; a <see cref="CallExpressionSyntax"/> to the function called; a
    /// <see cref="VariableDeclarationSyntax"/> or a <see cref="ParameterSyntax"/> to the variable it
    /// declares. Null when the name did not resolve.
    /// </summary>
    public Symbol? SymbolOf(SyntaxNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return symbols.GetValueOrDefault(node);
    }

    /// <summary>Every checked expression (and assignment target) with its type, keyed by node identity.</summary>
    public IReadOnlyDictionary<SyntaxNode, WhammType> Types => types.AsReadOnly();
}
