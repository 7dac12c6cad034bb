using System.Collections.Concurrent;
using Whamm.Wasm.Binary;
using Whamm.Wasm.Model;
using Whamm.Wasm.Types;

namespace Whamm.Wasm.Editing;

/// <summary>
/// Applies an <see cref="IndexMap"/> to every reference in a module, in one place (the counterpart of
/// wasm-encoder's <c>Reencode</c>): function bodies, constant expressions (global, table and segment
/// initialisers), element function lists, exports, the start function, imported and defined entity types,
/// the type section (when type indices move) and the name section. Bodies are streamed: byte ranges are
/// copied and only instructions whose indices change are re-encoded; a body that needs no change stays the
/// same <see cref="FunctionBody"/> object, and a section none of whose entries change keeps its original
/// bytes. Function bodies are processed in parallel.
/// </summary>
public sealed class Reencoder
{
    private readonly CodeRewriter _rewriter;

    /// <summary>A reencoder for (a snapshot of) <paramref name="map"/>.</summary>
    public Reencoder(IndexMap map)
    {
        Map = map.Clone();
        _rewriter = new CodeRewriter(Map);
    }

    /// <summary>The map it applies (a copy of the one it was given).</summary>
    public IndexMap Map { get; }

    /// <summary>Bodies whose total size is below this are processed on one thread.</summary>
    public static int ParallelThreshold { get; set; } = 256 * 1024;

    /// <summary>Remaps every reference in <paramref name="module"/>, in place.</summary>
    public void Apply(Module module) => Apply(module, ModuleExtent.Of(module), null);

    /// <summary>
    /// Remaps the entries within <paramref name="old"/> (those written against the old numbering; entries
    /// added after it are already in the new one) and builds the pending body edits, old bodies through the map.
    /// </summary>
    internal void Apply(Module module, ModuleExtent old, BodyEditor?[]? editors, Function?[]? built = null)
    {
        var types = _rewriter.TypesChange;
        if (types)
        {
            for (var i = 0; i < old.RecGroups; i++)
            {
                var g = module.RecGroups[i];
                var mapped = MapRecGroup(g);
                if (!ReferenceEquals(mapped, g)) module.RecGroups[i] = mapped;
            }
        }
        if (types)
        {
            for (var i = 0; i < module.Imports.Count; i++)
            {
                var import = module.Imports[i];
                if (old.NewImports?.Contains(import) == true) continue;
                var mapped = MapImport(import);
                if (!ReferenceEquals(mapped, import)) module.Imports[i] = mapped;
            }
        }
        Functions(module, old.Functions, editors, built);
        for (var i = 0; i < old.Tables; i++)
        {
            var t = module.Tables[i];
            var type = t.Type with { Element = _rewriter.Map(t.Type.Element) };
            var init = t.Init is null ? null : ConstExpr(t.Init);
            if (type != t.Type || !ReferenceEquals(init, t.Init)) module.Tables[i] = new Table(type, init);
        }
        if (types)
        {
            for (var i = 0; i < old.Tags; i++)
            {
                var tag = module.Tags[i];
                var mapped = tag with { TypeIndex = _rewriter.MapType(tag.TypeIndex) };
                if (mapped != tag) module.Tags[i] = mapped;
            }
        }
        for (var i = 0; i < old.Globals; i++)
        {
            var g = module.Globals[i];
            var type = g.Type with { Type = _rewriter.Map(g.Type.Type) };
            var init = ConstExpr(g.Init);
            if (type != g.Type || !ReferenceEquals(init, g.Init)) module.Globals[i] = new Global(type, init);
        }
        for (var i = 0; i < old.Exports; i++)
        {
            var e = module.Exports[i];
            var index = Map.Map(SpaceOf(e.Kind), e.Index);
            if (index != e.Index) module.Exports[i] = e with { Index = index };
        }
        if (module.Start is { } start)
        {
            var mapped = Map.Map(IndexSpace.Func, start);
            if (mapped != start) module.Start = mapped;
        }
        for (var i = 0; i < old.Elements; i++)
        {
            var e = module.Elements[i];
            var mapped = MapElement(e);
            if (!ReferenceEquals(mapped, e)) module.Elements[i] = mapped;
        }
        // A segment refers to a memory and, in its offset, at most globals: when neither moves, the segments (often
        // deferred, TrackedList.Defer) are left as they are.
        var dataMoves = !Map.IsIdentityFor(IndexSpace.Memory) || !Map.IsIdentityFor(IndexSpace.Global);
        for (var i = 0; dataMoves && i < old.Data; i++)
        {
            var d = module.Data[i];
            var memory = Map.Map(IndexSpace.Memory, d.Memory);
            var offset = d.Offset is null ? null : ConstExpr(d.Offset);
            if (memory != d.Memory || !ReferenceEquals(offset, d.Offset)) module.Data[i] = d with { Memory = memory, Offset = offset };
        }
        if (module.Names is { } names)
        {
            var mapped = NameRemapper.Map(names, Map);
            if (!ReferenceEquals(mapped, names)) module.Names = mapped;
        }
    }

    /// <summary>The index space an export or import of <paramref name="kind"/> refers to.</summary>
    public static IndexSpace SpaceOf(ExternalKind kind) => kind switch
    {
        ExternalKind.Func => IndexSpace.Func,
        ExternalKind.Table => IndexSpace.Table,
        ExternalKind.Memory => IndexSpace.Memory,
        ExternalKind.Global => IndexSpace.Global,
        ExternalKind.Tag => IndexSpace.Tag,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>
    /// Remaps and builds the functions: <paramref name="built"/> holds those built already in the new numbering
    /// (<see cref="ModuleEditor.BuildBody"/>), which an editor of theirs may have edited since.
    /// </summary>
    private void Functions(Module module, int oldCount, BodyEditor?[]? editors, Function?[]? built)
    {
        var functions = module.Functions;
        var n = functions.Count;
        if (_rewriter.IsIdentity && editors is null) return;
        var results = new Function?[n];
        long total = 0;
        for (var i = 0; i < n; i++) total += functions[i].Body.Length;
        if (total < ParallelThreshold || n < 32)
        {
            var splicer = new BodySplicer(4096);
            for (var i = 0; i < n; i++) results[i] = Function(functions[i], i < oldCount, editors?[i], Built(built, i), splicer);
        }
        else
        {
            var chunk = Math.Max(8, n / (Environment.ProcessorCount * 16));
            Parallel.ForEach(Partitioner.Create(0, n, chunk), () => new BodySplicer(64 * 1024), (range, _, splicer) =>
            {
                for (var i = range.Item1; i < range.Item2; i++) results[i] = Function(functions[i], i < oldCount, editors?[i], Built(built, i), splicer);
                return splicer;
            }, _ => { });
        }
        for (var i = 0; i < n; i++)
        {
            if (results[i] is { } f) functions[i] = f;
        }
    }

    private static Function? Built(Function?[]? built, int i) => built is not null && i < built.Length ? built[i] : null;

    /// <summary>The remapped function, or null when it does not change.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private Function? Function(Function f, bool old, BodyEditor? editor, Function? built, BodySplicer splicer)
    {
        if (built is not null) return editor is null ? built : new Function(built.TypeIndex, editor.Build(CodeRewriter.Identity, splicer));
        var rewriter = old ? _rewriter : CodeRewriter.Identity;
        var body = editor is null ? Body(f.Body, rewriter, splicer) : editor.Build(rewriter, splicer);
        var type = old ? _rewriter.MapType(f.TypeIndex) : f.TypeIndex;
        return ReferenceEquals(body, f.Body) && type == f.TypeIndex ? null : new Function(type, body);
    }

    /// <summary>The remapped body; the same object when nothing in it changes.</summary>
    public FunctionBody Body(FunctionBody body) => Body(body, _rewriter, new BodySplicer(256));

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static FunctionBody Body(FunctionBody body, CodeRewriter rewriter, BodySplicer splicer)
    {
        if (rewriter.IsIdentity) return body;
        splicer.Clear();
        var w = splicer.Writer;
        var headerChanged = false;
        if (rewriter.TypesChange && body.Locals.Any(l => l.Type.IsRef && l.Type.Heap.IsConcrete))
        {
            var header = new WasmWriter();
            WriteLocals(header, body.Locals.Select(l => l with { Type = rewriter.Map(l.Type) }));
            w.WriteBytes(header.WrittenSpan);
            headerChanged = true;
        }
        var codeStart = body.CodeOffset;
        if (!rewriter.Rewrite(body.Bytes.Span, codeStart, headerChanged ? codeStart : 0, headerChanged, [], [], w, splicer, body.FileOffset, "code"))
            return body;
        return splicer.Build(body.Bytes);
    }

    /// <summary>Writes a locals header, merging adjacent runs of one type.</summary>
    internal static void WriteLocals(WasmWriter w, IEnumerable<LocalDecl> locals)
    {
        var merged = new List<LocalDecl>();
        foreach (var l in locals)
        {
            if (l.Count == 0) continue;
            if (merged.Count > 0 && merged[^1].Type == l.Type) merged[^1] = merged[^1] with { Count = merged[^1].Count + l.Count };
            else merged.Add(l);
        }
        w.WriteU32((uint)merged.Count);
        foreach (var l in merged)
        {
            w.WriteU32(l.Count);
            w.WriteValType(l.Type);
        }
    }

    /// <summary>The remapped expression; the same object when nothing in it changes.</summary>
    public ConstExpr ConstExpr(ConstExpr expr)
    {
        if (_rewriter.IsIdentity) return expr;
        var w = new WasmWriter(expr.Bytes.Length + 8);
        return _rewriter.Rewrite(expr.Bytes.Span, 0, 0, false, [], [], w, null, expr.FileOffset, "constant expression")
            ? new ConstExpr(w.ToArray())
            : expr;
    }

    /// <summary>The remapped value type (type indices inside reference types).</summary>
    public ValType ValType(ValType type) => _rewriter.Map(type);

    /// <summary>The remapped recursion group; the same object when no type index in it moves.</summary>
    public RecGroup MapRecGroup(RecGroup group)
    {
        if (!_rewriter.TypesChange) return group;
        var types = new SubType[group.Types.Length];
        var changed = false;
        for (var i = 0; i < types.Length; i++)
        {
            types[i] = MapSubType(group.Types[i]);
            changed |= !ReferenceEquals(types[i], group.Types[i]);
        }
        return changed ? group with { Types = types } : group;
    }

    private SubType MapSubType(SubType sub)
    {
        var supers = sub.Supertypes.Select(_rewriter.MapType).ToArray();
        CompositeType composite = sub.Composite switch
        {
            FuncType f => new FuncType(f.Params.Select(_rewriter.Map).ToArray(), f.Results.Select(_rewriter.Map).ToArray()),
            StructType s => new StructType(s.Fields.Select(MapField).ToArray()),
            ArrayType a => new ArrayType(MapField(a.Element)),
            _ => sub.Composite,
        };
        var mapped = new SubType(composite, sub.Final, supers);
        return mapped.Equals(sub) ? sub : mapped;
    }

    private FieldType MapField(FieldType f) => f with { Storage = _rewriter.Map(f.Storage) };

    /// <summary>The import with the type indices in its type remapped.</summary>
    internal Import MapImport(Import import) => import.Kind switch
    {
        ExternalKind.Func when _rewriter.MapType(import.FuncType) is var t && t != import.FuncType => import with { FuncType = t },
        ExternalKind.Table when _rewriter.Map(import.Table.Element) is var e && e != import.Table.Element =>
            import with { Table = import.Table with { Element = e } },
        ExternalKind.Global when _rewriter.Map(import.Global.Type) is var g && g != import.Global.Type =>
            import with { Global = import.Global with { Type = g } },
        ExternalKind.Tag when _rewriter.MapType(import.Tag.TypeIndex) is var t && t != import.Tag.TypeIndex =>
            import with { Tag = import.Tag with { TypeIndex = t } },
        _ => import,
    };

    private ElementSegment MapElement(ElementSegment e)
    {
        var changed = false;
        var table = Map.Map(IndexSpace.Table, e.Table);
        changed |= table != e.Table;
        var offset = e.Offset is null ? null : ConstExpr(e.Offset);
        changed |= !ReferenceEquals(offset, e.Offset);
        var type = _rewriter.Map(e.Type);
        changed |= type != e.Type;
        var functions = e.Functions;
        if (functions is not null && !Map.IsIdentityFor(IndexSpace.Func))
        {
            functions = new uint[e.Functions!.Length];
            for (var i = 0; i < functions.Length; i++) functions[i] = Map.Map(IndexSpace.Func, e.Functions[i]);
            changed |= !functions.AsSpan().SequenceEqual(e.Functions);
        }
        var expressions = e.Expressions;
        if (expressions is not null)
        {
            var mapped = new ConstExpr[expressions.Length];
            var any = false;
            for (var i = 0; i < mapped.Length; i++)
            {
                mapped[i] = ConstExpr(expressions[i]);
                any |= !ReferenceEquals(mapped[i], expressions[i]);
            }
            if (any) expressions = mapped;
            changed |= any;
        }
        return changed ? e with { Table = table, Offset = offset, Type = type, Functions = functions, Expressions = expressions } : e;
    }
}

/// <summary>How many entries of each list were written against the old numbering (entries after them are new).</summary>
/// <remarks>Imports are inserted anywhere in their list, so new ones are named by reference in <see cref="NewImports"/>.</remarks>
internal readonly record struct ModuleExtent(int RecGroups, int Functions, int Tables, int Tags, int Globals,
    int Exports, int Elements, int Data)
{
    public IReadOnlySet<Import>? NewImports { get; init; }

    public static ModuleExtent Of(Module m) => new(m.RecGroups.Count, m.Functions.Count, m.Tables.Count,
        m.Tags.Count, m.Globals.Count, m.Exports.Count, m.Elements.Count, m.Data.Count);
}
