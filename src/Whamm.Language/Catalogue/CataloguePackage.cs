namespace Whamm.Language.Catalogue;

/// <summary>The packages of the <c>wasm</c> provider, in definition order (reference §2.3).</summary>
public enum PackageKind : byte
{
    /// <summary><c>wasm:begin</c>: once, when the program starts.</summary>
    Begin,
    /// <summary><c>wasm:end</c>: once, when the program finishes.</summary>
    End,
    /// <summary><c>wasm:report</c>: replaces the default report flush.</summary>
    Report,
    /// <summary><c>wasm:func:entry|exit</c>.</summary>
    Func,
    /// <summary><c>wasm:block:start|end</c> (basic blocks).</summary>
    Block,
    /// <summary><c>wasm:opcode:&lt;op&gt;:&lt;mode&gt;</c>.</summary>
    Opcode,
}

/// <summary>A package: the second part of a probe rule.</summary>
public sealed class CataloguePackage : CatalogueNode
{
    internal CataloguePackage(PackageKind kind, string doc, IReadOnlyList<BoundVariable> variables,
        IReadOnlyList<BoundFunction> functions, IReadOnlyList<CatalogueEvent> events)
        : base(NameOf(kind), doc, variables, functions)
    {
        Kind = kind;
        Events = events;
        for (var i = 0; i < events.Count; i++)
        {
            events[i].Package = this;
            events[i].Index = i;
        }
    }

    /// <summary>Which package this is.</summary>
    public PackageKind Kind { get; }

    /// <summary>Events in catalogue order (probe numbering follows it); empty for begin, end and report.</summary>
    public IReadOnlyList<CatalogueEvent> Events { get; }

    /// <summary>The provider this package belongs to.</summary>
    public CatalogueProvider Provider { get; internal set; } = null!;

    /// <summary>The event with exactly this name (case-sensitive), or null.</summary>
    public CatalogueEvent? FindEvent(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var e in Events)
        {
            if (e.Name == name) return e;
        }
        return null;
    }

    /// <summary>The rule name of a package: its kind in lower case.</summary>
    public static string NameOf(PackageKind kind) => kind.ToString().ToLowerInvariant();
}
