using Whamm.Language.Semantics;
namespace Whamm.Language.Catalogue;

/// <summary>When the value of a bound variable is known.</summary>
public enum VarLifetime : byte
{
    /// <summary>A compile-time constant at each match site (<c>fid</c>, <c>opname</c>, <c>imm0</c>, …); predicates on it fold away.</summary>
    Static,
    /// <summary>A run-time value (stack operands, results, locals, values derived from them).</summary>
    Dynamic,
}

/// <summary>
/// A variable the compiler binds for probes at some level of the catalogue (provider, package or
/// event). An <em>indexed family</em> such as <c>arg[0:9]+</c> stands for every name made of its
/// <see cref="Name"/> prefix followed by decimal digits (<c>arg0</c>, <c>arg12</c>).
/// </summary>
public sealed class BoundVariable
{
    /// <summary>Creates a variable.</summary>
    /// <param name="name">The name, or the prefix of an indexed family.</param>
    /// <param name="type">Its type (<see cref="WhammType.Unknown"/> when a probe must give it a type bound).</param>
    /// <param name="lifetime">Static or dynamic.</param>
    /// <param name="doc">One or two sentences for <c>whamm info</c>.</param>
    /// <param name="derivedFrom">The Whamm expression it is computed from, if any (e.g. <c>addr + offset as u32</c>).</param>
    /// <param name="isIndexedFamily">True for <c>name[0:9]+</c> families.</param>
    /// <param name="engineOnly">True when only the engine (wei) target provides it.</param>
    public BoundVariable(string name, WhammType type, VarLifetime lifetime, string doc,
        string? derivedFrom = null, bool isIndexedFamily = false, bool engineOnly = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentException.ThrowIfNullOrEmpty(doc);
        Name = name;
        Type = type;
        Lifetime = lifetime;
        Doc = doc;
        DerivedFrom = derivedFrom;
        IsIndexedFamily = isIndexedFamily;
        EngineOnly = engineOnly;
    }

    /// <summary>The name, or for an indexed family its prefix (<c>arg</c> for <c>arg[0:9]+</c>).</summary>
    public string Name { get; }

    /// <summary>True for a family of numbered variables (<c>arg[0:9]+</c>, <c>local[0:9]+</c>, …).</summary>
    public bool IsIndexedFamily { get; }

    /// <summary>The name as the reference displays it: <c>arg0</c>, or <c>arg[0:9]+</c> for a family.</summary>
    public string DisplayName => IsIndexedFamily ? Name + "[0:9]+" : Name;

    /// <summary>The type.</summary>
    public WhammType Type { get; }

    /// <summary>Static (known per match site at compile time) or dynamic (a run-time value).</summary>
    public VarLifetime Lifetime { get; }

    /// <summary>True when <see cref="Lifetime"/> is <see cref="VarLifetime.Static"/>.</summary>
    public bool IsStatic => Lifetime == VarLifetime.Static;

    /// <summary>
    /// The Whamm expression the value is derived from: a constant for per-event constants
    /// (<c>4</c>, <c>"load"</c>, <c>true</c>), an expression over other bound variables
    /// (<c>addr + offset as u32</c>), or null when the compiler computes it from the match site.
    /// </summary>
    public string? DerivedFrom { get; }

    /// <summary>True when only the engine (wei) target provides the variable.</summary>
    public bool EngineOnly { get; }

    /// <summary>True when a probe must declare the type with a type bound before using it.</summary>
    public bool NeedsTypeBound => Type.Kind == WhammTypeKind.Unknown;

    /// <summary>The documentation shown by <c>whamm info</c>.</summary>
    public string Doc { get; }

    /// <summary>
    /// Whether <paramref name="name"/> names this variable: equal to <see cref="Name"/>, or for a family
    /// the prefix followed by one or more decimal digits. Identifiers are case-sensitive.
    /// </summary>
    public bool Matches(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!IsIndexedFamily) return name == Name;
        return TryGetIndex(name, out _);
    }

    /// <summary>For a family, the number after the prefix (<c>arg12</c> → 12); false when the name is not in the family.</summary>
    public bool TryGetIndex(string name, out int index)
    {
        ArgumentNullException.ThrowIfNull(name);
        index = 0;
        if (!IsIndexedFamily || name.Length <= Name.Length || !name.StartsWith(Name, StringComparison.Ordinal)) return false;
        var digits = name.AsSpan(Name.Length);
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c)) return false;
        }
        return int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out index);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{DisplayName}: {Type}";
}
