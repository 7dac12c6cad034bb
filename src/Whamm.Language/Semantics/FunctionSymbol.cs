using Whamm.Language.Catalogue;
using Whamm.Language.Syntax;
using Whamm.Language.Text;

namespace Whamm.Language.Semantics;

/// <summary>Where a function comes from.</summary>
public enum FunctionKind
{
    /// <summary>A <c>fn</c> the script defines.</summary>
    User,
    /// <summary>A Whamm-level built-in (<c>strcmp</c>, <c>memid</c>, <c>read_str</c>, …; <see cref="CoreBuiltins"/>).</summary>
    Builtin,
    /// <summary>A function the event catalogue binds for a probe (<c>drop_args</c>, <c>alt_call_by_id</c>, …).</summary>
    Bound,
    /// <summary>An exported function of a library (<c>lib.f(…)</c>).</summary>
    Library,
    /// <summary>A method of <c>str</c> values (<c>s.len()</c>, <c>s.starts_with(p)</c>, …).</summary>
    StringMethod,
}

/// <summary>A parameter of a <see cref="FunctionSymbol"/>.</summary>
/// <param name="Name">The name (for messages and documentation).</param>
/// <param name="Type">The type.</param>
public sealed record ParameterInfo(string Name, WhammType Type)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Name}: {Type}";
}

/// <summary>A callable function with its signature.</summary>
public sealed class FunctionSymbol : Symbol
{
    internal FunctionSymbol(string name, FunctionKind functionKind, IReadOnlyList<ParameterInfo> parameters, WhammType returnType,
        TextSpan? declarationSpan, bool isStatic = false, FunctionSyntax? syntax = null, BoundFunction? definition = null,
        LibrarySymbol? library = null, LibraryFunction? libraryFunction = null)
        : base(name, declarationSpan)
    {
        FunctionKind = functionKind;
        Parameters = parameters;
        ReturnType = returnType;
        IsStatic = isStatic;
        Syntax = syntax;
        Definition = definition;
        Library = library;
        LibraryFunction = libraryFunction;
    }

    /// <inheritdoc/>
    public override SymbolKind Kind => SymbolKind.Function;

    /// <summary>Where it comes from.</summary>
    public FunctionKind FunctionKind { get; }

    /// <summary>The parameters in order.</summary>
    public IReadOnlyList<ParameterInfo> Parameters { get; }

    /// <summary>The result type; <see cref="WhammType.Unit"/> when it returns nothing.</summary>
    public WhammType ReturnType { get; }

    /// <summary>True when a call is folded at compile time given constant arguments (<c>memid</c>, <c>page_size</c>, string methods).</summary>
    public bool IsStatic { get; }

    /// <summary>The definition of a user function.</summary>
    public FunctionSyntax? Syntax { get; }

    /// <summary>The catalogue definition of a built-in or bound function.</summary>
    public BoundFunction? Definition { get; }

    /// <summary>The library of a library function.</summary>
    public LibrarySymbol? Library { get; }

    /// <summary>The export of a library function.</summary>
    public LibraryFunction? LibraryFunction { get; }

    /// <summary>The name as called: <c>lib.f</c> for library functions, <c>str.len</c> for methods, else the name.</summary>
    public string DisplayName => FunctionKind switch
    {
        FunctionKind.Library => $"{Library?.Name}.{Name}",
        FunctionKind.StringMethod => $"str.{Name}",
        _ => Name,
    };

    /// <summary>The signature: <c>name(p: T, …) -&gt; R</c>.</summary>
    public string Signature => $"{DisplayName}({string.Join(", ", Parameters)}) -> {ReturnType}";

    /// <inheritdoc/>
    public override string ToString() => Signature;
}
