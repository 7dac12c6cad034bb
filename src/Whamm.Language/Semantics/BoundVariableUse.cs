using Whamm.Language.Catalogue;

namespace Whamm.Language.Semantics;

/// <summary>
/// A bound variable a probe needs at one match: used by name in its predicate or body, or needed to
/// compute one that is (the <see cref="BoundVariable.DerivedFrom"/> of <c>effective_addr</c> needs
/// <c>addr</c> and <c>offset</c>, and <c>addr</c> needs <c>arg0</c>).
/// </summary>
/// <param name="Name">The name as used (<c>arg0</c>, not the family's <c>arg[0:9]+</c>).</param>
/// <param name="Variable">The catalogue definition at this match.</param>
/// <param name="Type">Its type: the probe's type bound when there is one, else the catalogue's.</param>
/// <param name="IsDirect">True when the script names it; false when only a derived variable needs it.</param>
public sealed record BoundVariableUse(string Name, BoundVariable Variable, WhammType Type, bool IsDirect)
{
    /// <summary>True when the value is a compile-time constant at each match site (it folds away in predicates).</summary>
    public bool IsStatic => Variable.IsStatic;

    /// <inheritdoc/>
    public override string ToString() => $"{Name}: {Type} ({(IsStatic ? "static" : "dynamic")}{(IsDirect ? "" : ", derived")})";
}
