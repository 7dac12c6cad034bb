using Whamm.Language.Catalogue;
using Whamm.Language.Syntax;
using Whamm.Language.Text;

namespace Whamm.Language.Semantics;

/// <summary>Where a variable lives and how long (reference §1.6).</summary>
public enum VariableKind
{
    /// <summary>A script global (<c>var</c> or <c>report var</c> at the top level): one instance for the whole run.</summary>
    Global,
    /// <summary>A local of a probe body or function body: zero-initialised at every execution.</summary>
    Local,
    /// <summary>A parameter of a <c>fn</c>.</summary>
    Parameter,
    /// <summary>An <c>unshared</c> or <c>report</c> variable of a probe: one instance per match site, kept for the whole run.</summary>
    Unshared,
    /// <summary>A variable the compiler binds for the probe's event (<c>fid</c>, <c>arg0</c>, <c>opname</c>, …).</summary>
    Bound,
    /// <summary>A Whamm-level built-in variable (<c>APP_MEMID</c>).</summary>
    Builtin,
}

/// <summary>A variable: declared by the script, a function parameter, a bound variable of an event or a built-in.</summary>
public sealed class VariableSymbol : Symbol
{
    internal VariableSymbol(string name, WhammType type, VariableKind variableKind, TextSpan? declarationSpan,
        bool isReport = false, VariableDeclarationSyntax? declaration = null, BoundVariable? bound = null, TypeSyntax? typeBound = null)
        : base(name, declarationSpan)
    {
        Type = type;
        VariableKind = variableKind;
        IsReport = isReport;
        Declaration = declaration;
        Bound = bound;
        TypeBound = typeBound;
    }

    /// <inheritdoc/>
    public override SymbolKind Kind => SymbolKind.Variable;

    /// <summary>The variable's type (for a bound variable, its type bound when the probe gives one).</summary>
    public WhammType Type { get; }

    /// <summary>Where it lives.</summary>
    public VariableKind VariableKind { get; }

    /// <summary>True for <c>report</c> variables (flushed in the end-of-run report).</summary>
    public bool IsReport { get; }

    /// <summary>The declaration, for script variables.</summary>
    public VariableDeclarationSyntax? Declaration { get; }

    /// <summary>
    /// For a bound variable, the catalogue definition it was resolved to (for a glob rule, the one of
    /// the first event of the group of matches that share this body's checking; <see cref="CheckedMatch.BoundVariables"/>
    /// has each match's own).
    /// </summary>
    public BoundVariable? Bound { get; }

    /// <summary>The type bound a probe rule gave this bound variable, or null.</summary>
    public TypeSyntax? TypeBound { get; }

    /// <summary>
    /// True when the value is a compile-time constant at each match site: static bound variables
    /// (<c>fid</c>, <c>pc</c>, <c>imm0</c>, …) and <c>APP_MEMID</c>.
    /// </summary>
    public bool IsStatic => VariableKind == VariableKind.Builtin || Bound?.IsStatic == true;

    /// <inheritdoc/>
    public override string ToString() => $"{Name}: {Type}";
}
