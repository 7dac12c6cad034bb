using Whamm.Wasm.Model;
using Whamm.Wasm.Types;

namespace Whamm.Wasm.Editing;

/// <summary>
/// Merges a library's type section into the module an editor edits, for <see cref="ModuleLinker"/>: each recursion
/// group, mapped into the module's type space, reuses an identical group of the module (or one merged before), else
/// is appended as it is. Groups are compared with the references to their own members made relative, so identical
/// groups at different positions match; a one-type group is the same with or without <c>rec</c>.
/// </summary>
internal sealed class TypeMerger
{
    // Where references into a group are rebased for comparison: above any real type index, within HeapType's range.
    private const uint Relative = 1u << 30;
    private readonly ModuleEditor _editor;
    private readonly Dictionary<RecGroup, uint> _firstByShape = [];
    private readonly List<uint> _canonical = [];

    public TypeMerger(ModuleEditor editor)
    {
        _editor = editor;
        foreach (var group in editor.Module.RecGroups) Add(group);
    }

    /// <summary>The first index of a type identical to <paramref name="typeIndex"/>: equal canonical indices, same type.</summary>
    public uint Canonical(uint typeIndex) => _canonical[(int)typeIndex];

    /// <summary>Merges the library's groups in order; returns the module's type index of each library type.</summary>
    public uint[] Merge(Module library)
    {
        var table = new uint[library.Types.Count];
        var libraryStart = 0;
        foreach (var group in library.RecGroups)
        {
            // Types only refer to earlier groups and to their own, so the table is complete for this group.
            var at = (uint)_canonical.Count;
            for (var i = 0; i < group.Types.Length; i++) table[libraryStart + i] = at + (uint)i;
            var mapped = new Reencoder(new IndexMap().SetTable(IndexSpace.Type, table)).MapRecGroup(group);
            var first = _firstByShape.TryGetValue(Shape(mapped, at), out var existing) ? existing : Append(mapped);
            for (var i = 0; i < group.Types.Length; i++) table[libraryStart + i] = first + (uint)i;
            libraryStart += group.Types.Length;
        }
        return table;
    }

    private uint Append(RecGroup group)
    {
        var first = _editor.AddRecGroup(group);
        if (first != _canonical.Count) throw new InvalidOperationException("the type section changed while a library was being linked");
        Add(group);
        return first;
    }

    private void Add(RecGroup group)
    {
        var start = (uint)_canonical.Count;
        var shape = Shape(group, start);
        if (!_firstByShape.TryGetValue(shape, out var first)) _firstByShape.Add(shape, first = start);
        for (var i = 0u; i < group.Types.Length; i++) _canonical.Add(first + i);
    }

    private static RecGroup Shape(RecGroup group, uint start)
    {
        var plain = group.Types.Length == 1 && group.Explicit ? group with { Explicit = false } : group;
        return new Reencoder(new IndexMap().Insert(IndexSpace.Type, start, Relative - start)).MapRecGroup(plain);
    }
}
