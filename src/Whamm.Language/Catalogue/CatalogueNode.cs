namespace Whamm.Language.Catalogue;

/// <summary>
/// A named level of the catalogue that binds variables and functions: a provider, a package or an
/// event. Probes see the bindings of every level above them.
/// </summary>
public abstract class CatalogueNode
{
    private protected CatalogueNode(string name, string doc, IReadOnlyList<BoundVariable> variables, IReadOnlyList<BoundFunction> functions)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(doc);
        Name = name;
        Doc = doc;
        Variables = variables;
        Functions = functions;
    }

    /// <summary>The name matched by rule patterns.</summary>
    public string Name { get; }

    /// <summary>Documentation for <c>whamm info</c>.</summary>
    public string Doc { get; }

    /// <summary>Variables bound at this level, in display order.</summary>
    public IReadOnlyList<BoundVariable> Variables { get; }

    /// <summary>Functions bound at this level.</summary>
    public IReadOnlyList<BoundFunction> Functions { get; }

    /// <summary>The variable of this level named <paramref name="name"/> (exact names win over indexed families), or null.</summary>
    public BoundVariable? FindVariable(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        BoundVariable? family = null;
        foreach (var v in Variables)
        {
            if (!v.IsIndexedFamily && v.Name == name) return v;
            if (family is null && v.IsIndexedFamily && v.Matches(name)) family = v;
        }
        return family;
    }

    /// <summary>The function of this level named <paramref name="name"/>, or null.</summary>
    public BoundFunction? FindFunction(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var f in Functions)
        {
            if (f.Name == name) return f;
        }
        return null;
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
