using Whamm.Wasm.Model;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Validation;

namespace Whamm.Wasm.Editing;

/// <summary>
/// Merges a library module into the module a <see cref="ModuleEditor"/> edits (<see cref="ModuleEditor.Link"/>):
/// <code>
/// app: (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (type $w))) (memory 1) (func $main …)
/// lib: (import "wasi_snapshot_preview1" "fd_write" (func (type $w))) (memory 1) (global $n (mut i32) …)
///      (func $count (export "count") … global.get $n … i32.store …)
/// out: (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (type $w)))   ;; identical import: reused
///      (memory 1) (memory 1)                                                    ;; the library's is memory 1
///      (global $n (mut i32) …)
///      (func $main …) (func $whamm_core:count … global.get 0 … i32.store 1 …)   ;; renumbered; not exported
/// </code>
/// Types merge through <see cref="TypeMerger"/>; each import resolves to a function the caller names, else to an
/// identical import of the module, else is added; everything else is appended after the module's own entities and
/// renumbered by <see cref="Reencoder"/> with an explicit table per index space. The library's exports, start
/// function and custom sections other than function names are not carried over (an export's declaration of a function
/// for <c>ref.func</c> is, as a declarative segment).
/// </summary>
internal static class ModuleLinker
{
    public static LinkedLibrary Link(ModuleEditor editor, Module library, LinkOptions options)
    {
        // The renumbering tables cover only what a valid library can refer to.
        if (ModuleValidator.TryValidate(library, Feature.All) is { } invalid)
            throw new ArgumentException($"the library is invalid: {invalid.Message}", nameof(library), invalid);
        var app = editor.Module;
        var merger = new TypeMerger(editor);
        var types = merger.Merge(library);
        var (imports, addedFunctions) = ResolveImports(editor, merger, library, types, options);

        // Definitions go after the module's own, in the numbering that counts the imports just added.
        var functions = Table(imports[ExternalKind.Func], app.FunctionCount, library.Functions.Count);
        var tables = Table(imports[ExternalKind.Table], app.TableCount, library.Tables.Count);
        var memories = Table(imports[ExternalKind.Memory], app.MemoryCount, library.Memories.Count);
        var globals = Table(imports[ExternalKind.Global], app.GlobalCount, library.Globals.Count);
        var tags = Table(imports[ExternalKind.Tag], app.TagCount, library.Tags.Count);
        var map = new IndexMap()
            .SetTable(IndexSpace.Type, types)
            .SetTable(IndexSpace.Func, functions)
            .SetTable(IndexSpace.Table, tables)
            .SetTable(IndexSpace.Memory, memories)
            .SetTable(IndexSpace.Global, globals)
            .SetTable(IndexSpace.Tag, tags)
            .Insert(IndexSpace.Elem, 0, (uint)app.Elements.Count)
            .Insert(IndexSpace.Data, 0, (uint)app.Data.Count);
        var remapped = Remapped(library, map);

        foreach (var f in remapped.Functions) editor.AddFunction(f.TypeIndex, f.Body);
        foreach (var t in remapped.Tables) editor.AddTable(t.Type, t.Init);
        foreach (var m in library.Memories) editor.AddMemory(m);
        foreach (var t in remapped.Tags) editor.AddTag(t.TypeIndex);
        foreach (var g in remapped.Globals) editor.AddGlobal(g.Type, g.Init);
        foreach (var e in remapped.Elements) editor.AddElement(e);
        foreach (var d in remapped.Data) editor.AddData(d);
        // data.drop and memory.init of active segments need the count too.
        if (library.HasDataCount) app.HasDataCount = true;
        if (ReferencedExports(library) is { Length: > 0 } referenced)
            editor.DeclareFunctionReferences(Array.ConvertAll(referenced, f => functions[f]));

        if (remapped.Names is { } names)
        {
            // Name what the link created; a reused import or an application function keeps its name.
            var firstDefined = (uint)(app.FunctionCount - library.Functions.Count);
            foreach (var (index, name) in names.FunctionNames)
            {
                if (index >= firstDefined || addedFunctions.Contains(index)) editor.SetFunctionName(index, options.NamePrefix + name);
            }
        }
        return new LinkedLibrary(types, functions, tables, memories, globals, tags, remapped.Exports);
    }

    /// <summary>
    /// The module's index of each library import, by kind in library order, and the function imports it added.
    /// Every import is decided before any is added, so a refused addition leaves the imports as they were.
    /// </summary>
    private static (Dictionary<ExternalKind, List<uint>> ByKind, HashSet<uint> AddedFunctions) ResolveImports(
        ModuleEditor editor, TypeMerger merger, Module library, uint[] types, LinkOptions options)
    {
        var app = editor.Module;
        var typeMap = new Reencoder(new IndexMap().SetTable(IndexSpace.Type, types));
        var mapped = library.Imports.Select(typeMap.MapImport).ToArray();
        var resolved = mapped.Select(i => (i.Kind == ExternalKind.Func ? Resolve(app, merger, i, options) : null) ?? FindIdentical(app, merger, i))
            .ToArray();
        for (var i = 0; i < mapped.Length; i++)
        {
            if (resolved[i] is null) editor.CheckImportable(mapped[i].Kind);
        }

        // Added imports go after the existing ones of their kind: they move the module's definitions of that kind,
        // which a resolved index may name, and not each other.
        var added = new IndexMap();
        var final = new uint[mapped.Length];
        var addedFunctions = new HashSet<uint>();
        for (var i = 0; i < mapped.Length; i++)
        {
            if (resolved[i] is not null) continue;
            final[i] = editor.AddImport(mapped[i]);
            added.Insert(Reencoder.SpaceOf(mapped[i].Kind), final[i], 1);
            if (mapped[i].Kind == ExternalKind.Func) addedFunctions.Add(final[i]);
        }
        var byKind = Enum.GetValues<ExternalKind>().ToDictionary(k => k, _ => new List<uint>());
        for (var i = 0; i < mapped.Length; i++)
        {
            var kind = mapped[i].Kind;
            byKind[kind].Add(resolved[i] is { } existing ? added.Map(Reencoder.SpaceOf(kind), existing) : final[i]);
        }
        return (byKind, addedFunctions);
    }

    /// <summary>The function <see cref="LinkOptions.ResolveFunction"/> names for a function import, checked.</summary>
    private static uint? Resolve(Module app, TypeMerger merger, Import import, LinkOptions options)
    {
        if (options.ResolveFunction?.Invoke(import) is not { } index) return null;
        var what = $"LinkOptions.ResolveFunction resolved the library's import {import.Module}.{import.Name} to function {index}";
        if (index >= app.FunctionCount) throw new ArgumentException($"{what}, but the module has {app.FunctionCount} functions");
        var type = app.FunctionTypeIndex(index);
        if (merger.Canonical(type) != merger.Canonical(import.FuncType))
            throw new ArgumentException($"{what} of type {app.Types[(int)type].Composite}, but the import's type is {app.Types[(int)import.FuncType].Composite}");
        return index;
    }

    /// <summary>
    /// The library's exported functions its code takes with <c>ref.func</c>: the export declared them, and exports are
    /// not carried over, so they need a declarative segment instead.
    /// </summary>
    private static uint[] ReferencedExports(Module library)
    {
        var exported = library.Exports.Where(e => e.Kind == ExternalKind.Func).Select(e => e.Index).ToHashSet();
        if (exported.Count == 0) return [];
        var referenced = new SortedSet<uint>();
        foreach (var f in library.Functions)
        {
            var code = f.Body.Instructions();
            while (!code.AtEnd)
            {
                var instruction = code.Read();
                if (instruction.Op == Op.RefFunc && exported.Contains(instruction.Index)) referenced.Add(instruction.Index);
            }
        }
        return [.. referenced];
    }

    /// <summary>The index of an import of the module with the same module, name, kind and type, if any.</summary>
    private static uint? FindIdentical(Module app, TypeMerger merger, Import import)
    {
        var candidates = app.ImportsOf(import.Kind);
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            if (c.Module != import.Module || c.Name != import.Name) continue;
            var same = import.Kind switch
            {
                ExternalKind.Func => merger.Canonical(c.FuncType) == merger.Canonical(import.FuncType),
                ExternalKind.Tag => merger.Canonical(c.Tag.TypeIndex) == merger.Canonical(import.Tag.TypeIndex) && c.Tag.Attribute == import.Tag.Attribute,
                _ => c == import,
            };
            if (same) return (uint)i;
        }
        return null;
    }

    /// <summary>The module's index of each library entity of one kind: its imports as resolved, then its definitions from <paramref name="firstDefined"/>.</summary>
    private static uint[] Table(List<uint> imported, int firstDefined, int definedCount) =>
        [.. imported, .. Enumerable.Range(firstDefined, definedCount).Select(i => (uint)i)];

    /// <summary>The library's definitions, exports and names renumbered through <paramref name="map"/> (the library is not changed).</summary>
    private static Module Remapped(Module library, IndexMap map)
    {
        var copy = new Module { Names = library.Names };
        copy.Functions.AddRange(library.Functions);
        copy.Tables.AddRange(library.Tables);
        copy.Tags.AddRange(library.Tags);
        copy.Globals.AddRange(library.Globals);
        copy.Exports.AddRange(library.Exports);
        copy.Elements.AddRange(library.Elements);
        copy.Data.AddRange(library.Data);
        new Reencoder(map).Apply(copy);
        return copy;
    }
}
