namespace Whamm.Language.Catalogue;

/// <summary>A provider (<c>wasm</c>): the first part of a probe rule.</summary>
public sealed class CatalogueProvider : CatalogueNode
{
    internal CatalogueProvider(string name, string doc, IReadOnlyList<BoundVariable> variables,
        IReadOnlyList<BoundFunction> functions, IReadOnlyList<CataloguePackage> packages)
        : base(name, doc, variables, functions)
    {
        Packages = packages;
        foreach (var p in packages) p.Provider = this;
    }

    /// <summary>Packages in definition order.</summary>
    public IReadOnlyList<CataloguePackage> Packages { get; }

    /// <summary>The package of the given kind.</summary>
    public CataloguePackage Package(PackageKind kind)
    {
        foreach (var p in Packages)
        {
            if (p.Kind == kind) return p;
        }
        throw new ArgumentOutOfRangeException(nameof(kind), kind, "no such package");
    }
}
