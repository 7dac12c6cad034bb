using Whamm.Language.Catalogue;

namespace Whamm.Language.Semantics;

/// <summary>
/// Where in the catalogue each (non-family) bound variable or function name is bound, so that "not found"
/// can say where a name would exist (<c>alt_call_by_id</c> is bound by <c>wasm:opcode:call</c>, …).
/// </summary>
internal static class BoundNameIndex
{
    private const int Shown = 3;

    private static readonly Lazy<Dictionary<string, List<string>>> Index = new(Build);

    /// <summary>The rule prefixes that bind <paramref name="name"/>, as text for a hint, or null when none does.</summary>
    public static string? WhereBound(string name)
    {
        if (!Index.Value.TryGetValue(name, out var places)) return null;
        return places.Count <= Shown + 1
            ? string.Join(", ", places)
            : string.Join(", ", places.Take(Shown)) + $" and {places.Count - Shown} more";
    }

    private static Dictionary<string, List<string>> Build()
    {
        var index = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(CatalogueNode node, string where)
        {
            foreach (var v in node.Variables.Where(v => !v.IsIndexedFamily)) Add1(v.Name, where);
            foreach (var f in node.Functions) Add1(f.Name, where);
        }
        void Add1(string name, string where)
        {
            if (!index.TryGetValue(name, out var list)) index[name] = list = [];
            if (!list.Contains(where)) list.Add(where);
        }
        foreach (var provider in WasmCatalogue.Providers)
        {
            Add(provider, provider.Name);
            foreach (var package in provider.Packages)
            {
                Add(package, $"{provider.Name}:{package.Name}");
                foreach (var e in package.Events) Add(e, $"{provider.Name}:{package.Name}:{e.Name}");
            }
        }
        return index;
    }
}
