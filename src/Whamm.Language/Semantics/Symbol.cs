using Whamm.Language.Text;

namespace Whamm.Language.Semantics;

/// <summary>What a name in a script refers to.</summary>
public enum SymbolKind
{
    /// <summary>A variable (<see cref="VariableSymbol"/>).</summary>
    Variable,
    /// <summary>A function (<see cref="FunctionSymbol"/>).</summary>
    Function,
    /// <summary>A library named by <c>use</c>, or <c>whamm_core</c> (<see cref="LibrarySymbol"/>).</summary>
    Library,
}

/// <summary>
/// A named entity the type checker resolves names to: a variable, a function or a library. Symbols
/// are immutable; those made for one probe's body belong to that body's <see cref="SemanticModel"/>.
/// </summary>
public abstract class Symbol
{
    private protected Symbol(string name, TextSpan? declarationSpan)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        DeclarationSpan = declarationSpan;
    }

    /// <summary>The name.</summary>
    public string Name { get; }

    /// <summary>What kind of entity this is.</summary>
    public abstract SymbolKind Kind { get; }

    /// <summary>Where the script declares it; null for compiler-defined symbols (built-ins, bound variables, library functions).</summary>
    public TextSpan? DeclarationSpan { get; }

    /// <summary>True for symbols the compiler defines (built-ins, bound variables and functions, libraries).</summary>
    public bool IsCompilerDefined => DeclarationSpan is null;

    /// <inheritdoc/>
    public override string ToString() => Name;
}
