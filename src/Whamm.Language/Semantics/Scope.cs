namespace Whamm.Language.Semantics;

/// <summary>
/// A level of the symbol table: the Whamm built-ins, the script (globals, functions, libraries), or a
/// probe or function body. Names are looked up from the innermost scope outwards. A body is one scope,
/// as in Whamm 1.0: a variable declared in an <c>if</c> branch is visible after it until the end of the body.
/// </summary>
internal sealed class Scope(Scope? parent)
{
    private readonly Dictionary<string, Symbol> symbols = new(StringComparer.Ordinal);

    public Scope? Parent { get; } = parent;

    /// <summary>Adds the symbol unless its name is taken in this scope; returns the holder of the name otherwise.</summary>
    public Symbol? TryDeclare(Symbol symbol)
    {
        if (symbols.TryGetValue(symbol.Name, out var existing)) return existing;
        symbols.Add(symbol.Name, symbol);
        return null;
    }

    public Symbol? LookupHere(string name) => symbols.GetValueOrDefault(name);

    public Symbol? Lookup(string name)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope.symbols.TryGetValue(name, out var symbol)) return symbol;
        }
        return null;
    }
}
