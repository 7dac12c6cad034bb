using Whamm.Wasm.Binary;
using Whamm.Wasm.Instructions;
using Whamm.Wasm.Model;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Types;

namespace Whamm.Wasm.Validation;

/// <summary>
/// Everything the validator needs to know about a module, computed once and shared (read-only, so
/// thread-safe) by every <see cref="FunctionValidator"/>: the flattened type space with canonical
/// (iso-recursive) type identities and declared supertypes, the index spaces, element segment types,
/// the data count and the set of functions that <c>ref.func</c> may name.
/// Constructing one validates the type section (well-formedness, subtyping, feature use) and throws
/// <see cref="WasmException"/> when it is invalid.
/// </summary>
public sealed class ValidationContext
{
    private const byte KindFunc = 0, KindStruct = 1, KindArray = 2;

    private readonly byte[] _kind;
    private readonly int[] _canon;
    private readonly int[] _super;
    private readonly byte[] _depth;
    private readonly bool[] _declared;

    /// <summary>Builds the context for <paramref name="module"/>, validating its type section.</summary>
    public ValidationContext(Module module, Feature features = Feature.Wasmtime)
    {
        Module = module;
        Features = features;
        Locator = new EntryLocator(module);
        Spaces = new IndexSpaces(module);
        Types = Spaces.Types;
        var n = Types.Length;
        _kind = new byte[n];
        _canon = new int[n];
        _super = new int[n];
        _depth = new byte[n];
        FuncTypes = new FuncType?[n];
        for (var i = 0; i < n; i++)
        {
            switch (Types[i].Composite)
            {
                case FuncType f: _kind[i] = KindFunc; FuncTypes[i] = f; break;
                case StructType: _kind[i] = KindStruct; break;
                default: _kind[i] = KindArray; break;
            }
        }
        CanonicalizeTypes();

        FunctionTypes = Spaces.FunctionTypes;
        Tables = Spaces.Tables;
        Memories = Spaces.Memories;
        Globals = Spaces.Globals;
        Tags = Spaces.Tags;
        ImportedFunctions = Spaces.ImportedFunctions;
        ImportedGlobals = Spaces.ImportedGlobals;
        var elements = new ValType[module.Elements.Count];
        for (var i = 0; i < elements.Length; i++)
        {
            var e = module.Elements[i];
            elements[i] = e.Functions is not null ? ValType.FuncRef : e.Type;
        }
        ElementTypes = elements;
        DataCount = module.HasDataCount ? module.Data.Count : -1;
        _declared = new bool[FunctionTypes.Length];
        CollectDeclaredFunctions();
    }

    /// <summary>The module.</summary>
    public Module Module { get; }
    /// <summary>The proposals validation accepts.</summary>
    public Feature Features { get; }
    /// <summary>The module's index spaces.</summary>
    public IndexSpaces Spaces { get; }
    /// <summary>Every defined type, in index order.</summary>
    public SubType[] Types { get; }
    /// <summary>The function type at each type index (null for struct and array types).</summary>
    public FuncType?[] FuncTypes { get; }
    /// <summary>Type index of each function (imports first).</summary>
    public uint[] FunctionTypes { get; }
    /// <summary>Each table's type (imports first).</summary>
    public TableType[] Tables { get; }
    /// <summary>Each memory's type (imports first).</summary>
    public MemoryType[] Memories { get; }
    /// <summary>Each global's type (imports first).</summary>
    public GlobalType[] Globals { get; }
    /// <summary>Each tag's type (imports first).</summary>
    public TagType[] Tags { get; }
    /// <summary>The reference type of each element segment.</summary>
    public ValType[] ElementTypes { get; }
    /// <summary>The data count section's value, or -1 when the module has none.</summary>
    public int DataCount { get; }
    /// <summary>How many functions are imported.</summary>
    public int ImportedFunctions { get; }
    /// <summary>How many globals are imported.</summary>
    public int ImportedGlobals { get; }

    internal EntryLocator Locator { get; }

    internal bool Has(Feature f) => (Features & f) == f;

    /// <summary>Whether <c>ref.func</c> may name function <paramref name="funcIndex"/> (the spec's C.refs).</summary>
    public bool IsDeclared(uint funcIndex) => funcIndex < (uint)_declared.Length && _declared[funcIndex];

    /// <summary>The canonical identity of a type index: equal for iso-recursively equivalent types.</summary>
    public int CanonicalId(uint typeIndex) => _canon[typeIndex];

    /// <summary>The declared supertype of a type, or -1.</summary>
    public int SupertypeOf(uint typeIndex) => _super[typeIndex];

    /// <summary>The function type of function <paramref name="funcIndex"/>, or null when out of range or not a function type.</summary>
    public FuncType? FuncTypeOfFunction(uint funcIndex)
    {
        if (funcIndex >= (uint)FunctionTypes.Length) return null;
        var t = FunctionTypes[funcIndex];
        return t < (uint)FuncTypes.Length ? FuncTypes[t] : null;
    }

    // ---------------------------------------------------------------- subtyping

    /// <summary>Whether <paramref name="a"/> matches <paramref name="b"/> (a &lt;: b).</summary>
    public bool IsSubtype(ValType a, ValType b)
    {
        if (a.Kind != ValKind.Ref || b.Kind != ValKind.Ref) return a.Kind == b.Kind;
        if (a.Nullable && !b.Nullable) return false;
        return IsHeapSubtype(a.Heap, b.Heap);
    }

    /// <summary>Heap-type subtyping: any &gt; eq &gt; {i31, struct, array} &gt; none; func &gt; concrete function types &gt; nofunc; extern &gt; noextern; exn &gt; noexn.</summary>
    public bool IsHeapSubtype(HeapType a, HeapType b)
    {
        if (a.IsConcrete)
        {
            var ai = a.TypeIndex;
            if (b.IsConcrete) return IsConcreteSubtype(ai, b.TypeIndex);
            var top = b.Abstract;
            return _kind[ai] switch
            {
                KindFunc => top == AbstractHeap.Func,
                KindStruct => top is AbstractHeap.Struct or AbstractHeap.Eq or AbstractHeap.Any,
                _ => top is AbstractHeap.Array or AbstractHeap.Eq or AbstractHeap.Any,
            };
        }
        var x = a.Abstract;
        if (b.IsConcrete) return _kind[b.TypeIndex] == KindFunc ? x == AbstractHeap.NoFunc : x == AbstractHeap.None;
        return IsAbstractSubtype(x, b.Abstract);
    }

    /// <summary>Subtyping among abstract heap types.</summary>
    public static bool IsAbstractSubtype(AbstractHeap a, AbstractHeap b)
    {
        if (a == b) return true;
        return a switch
        {
            AbstractHeap.None => b is AbstractHeap.Any or AbstractHeap.Eq or AbstractHeap.I31 or AbstractHeap.Struct or AbstractHeap.Array,
            AbstractHeap.I31 or AbstractHeap.Struct or AbstractHeap.Array => b is AbstractHeap.Eq or AbstractHeap.Any,
            AbstractHeap.Eq => b == AbstractHeap.Any,
            AbstractHeap.NoFunc => b == AbstractHeap.Func,
            AbstractHeap.NoExtern => b == AbstractHeap.Extern,
            AbstractHeap.NoExn => b == AbstractHeap.Exn,
            _ => false,
        };
    }

    private bool IsConcreteSubtype(uint a, uint b)
    {
        var target = _canon[b];
        var cur = (int)a;
        for (var guard = 0; cur >= 0 && guard <= ValidationLimits.MaxSubtypingDepth + 1; guard++)
        {
            if (_canon[cur] == target) return true;
            cur = _super[cur];
        }
        return false;
    }

    /// <summary>The top of the hierarchy <paramref name="h"/> belongs to (func, extern, exn or any).</summary>
    public HeapType TopOf(HeapType h)
    {
        if (h.IsConcrete) return _kind[h.TypeIndex] == KindFunc ? HeapType.Func : HeapType.Any;
        return h.Abstract switch
        {
            AbstractHeap.Func or AbstractHeap.NoFunc => HeapType.Func,
            AbstractHeap.Extern or AbstractHeap.NoExtern => HeapType.Extern,
            AbstractHeap.Exn or AbstractHeap.NoExn => HeapType.Exn,
            _ => HeapType.Any,
        };
    }

    internal bool IsFuncType(uint typeIndex) => typeIndex < (uint)_kind.Length && _kind[typeIndex] == KindFunc;
    internal bool IsStructType(uint typeIndex) => typeIndex < (uint)_kind.Length && _kind[typeIndex] == KindStruct;
    internal bool IsArrayType(uint typeIndex) => typeIndex < (uint)_kind.Length && _kind[typeIndex] == KindArray;

    // ---------------------------------------------------------------- value type checks

    /// <summary>
    /// Checks that a value type is usable under <see cref="Features"/> and names only existing types;
    /// returns the error message, or null.
    /// </summary>
    internal string? CheckValType(ValType t)
    {
        switch (t.Kind)
        {
            case ValKind.I32 or ValKind.I64 or ValKind.F32 or ValKind.F64: return null;
            case ValKind.V128: return Has(Feature.Simd) ? null : "SIMD support is not enabled";
            case ValKind.Ref: return CheckRefType(t);
            default: return $"invalid value type {t}";
        }
    }

    internal string? CheckRefType(ValType t)
    {
        if (!Has(Feature.ReferenceTypes)) return "reference types support is not enabled";
        if (t.Heap.IsConcrete)
        {
            if (!Has(Feature.FunctionReferences)) return "function references required for index reference types";
            if (t.Heap.TypeIndex >= (uint)Types.Length) return $"unknown type {t.Heap.TypeIndex}: type index out of bounds";
            return null;
        }
        if (!t.Nullable && !Has(Feature.FunctionReferences)) return "function references required for non-nullable types";
        switch (t.Heap.Abstract)
        {
            case AbstractHeap.Func or AbstractHeap.Extern: return null;
            case AbstractHeap.Exn or AbstractHeap.NoExn:
                return Has(Feature.Exceptions) || Has(Feature.LegacyExceptions) ? null : "exception refs not supported without the exception handling feature";
            default:
                return Has(Feature.Gc) ? null : "heap types not supported without the gc feature";
        }
    }

    internal string? CheckHeapType(HeapType h)
    {
        return CheckRefType(ValType.Ref(h, true));
    }

    // ---------------------------------------------------------------- canonicalisation

    private WasmException TypeError(int group, string message) =>
        new(WasmErrorKind.Invalid, message, Locator.Locate(SectionId.Type, group), "type");

    private void CanonicalizeTypes()
    {
        var groups = Module.RecGroups;
        var map = new Dictionary<GroupKey, int>();
        var key = new List<int>();
        var gc = Has(Feature.Gc);
        var start = 0;
        for (var gi = 0; gi < groups.Count; gi++)
        {
            var group = groups[gi];
            var n = group.Types.Length;
            if (group.Explicit && !gc) throw TypeError(gi, "rec group usage requires `gc` proposal to be enabled");
            key.Clear();
            key.Add(n);
            for (var j = 0; j < n; j++)
            {
                var index = start + j;
                var st = Types[index];
                if (st.Supertypes.Length > ValidationLimits.MaxSupertypes)
                    throw TypeError(gi, $"value for supertype count too large: {st.Supertypes.Length}");
                var sup = -1;
                if (st.Supertypes.Length == 1)
                {
                    var s = st.Supertypes[0];
                    if (s >= (uint)index) throw TypeError(gi, "supertypes must be defined before subtypes");
                    sup = (int)s;
                }
                _super[index] = sup;
                key.Add(st.Final ? 1 : 0);
                key.Add(sup < 0 ? int.MinValue : EncodeRef(gi, (uint)sup, start, n));
                switch (st.Composite)
                {
                    case FuncType f:
                        if (f.Params.Length > ValidationLimits.MaxFunctionParams) throw TypeError(gi, "function params size is out of bounds");
                        if (f.Results.Length > ValidationLimits.MaxFunctionResults) throw TypeError(gi, "function returns size is out of bounds");
                        key.Add(1);
                        key.Add(f.Params.Length);
                        foreach (var p in f.Params) EncodeValType(key, gi, p, start, n);
                        key.Add(f.Results.Length);
                        foreach (var r in f.Results) EncodeValType(key, gi, r, start, n);
                        break;
                    case StructType s:
                        if (s.Fields.Length > ValidationLimits.MaxStructFields) throw TypeError(gi, "struct fields size is out of bounds");
                        key.Add(2);
                        key.Add(s.Fields.Length);
                        foreach (var fld in s.Fields)
                        {
                            EncodeValType(key, gi, fld.Storage, start, n);
                            key.Add(fld.Mutable ? 1 : 0);
                        }
                        break;
                    case ArrayType a:
                        key.Add(3);
                        EncodeValType(key, gi, a.Element.Storage, start, n);
                        key.Add(a.Element.Mutable ? 1 : 0);
                        break;
                }
            }
            var gk = new GroupKey(key.ToArray());
            if (map.TryGetValue(gk, out var rep))
            {
                for (var j = 0; j < n; j++)
                {
                    _canon[start + j] = rep + j;
                    _depth[start + j] = _depth[rep + j];
                }
            }
            else
            {
                map.Add(gk, start);
                for (var j = 0; j < n; j++) _canon[start + j] = start + j;
                for (var j = 0; j < n; j++) CheckSubtype(gi, start + j);
            }
            start += n;
        }
    }

    private int EncodeRef(int group, uint index, int start, int n)
    {
        if (index >= (uint)(start + n) || (index >= (uint)start && !Has(Feature.Gc)))
            throw TypeError(group, $"unknown type {index}: type index out of bounds");
        return index < (uint)start ? _canon[index] : -1 - (int)(index - (uint)start);
    }

    private void EncodeValType(List<int> key, int group, ValType t, int start, int n)
    {
        key.Add((int)t.Kind);
        if (t.Kind != ValKind.Ref) return;
        key.Add(t.Nullable ? 1 : 0);
        if (t.Heap.IsConcrete)
        {
            key.Add(1);
            key.Add(EncodeRef(group, t.Heap.TypeIndex, start, n));
        }
        else
        {
            key.Add(0);
            key.Add((int)t.Heap.Abstract);
        }
    }

    private void CheckSubtype(int group, int index)
    {
        var st = Types[index];
        var sup = _super[index];
        if (!Has(Feature.Gc) && (!st.Final || sup >= 0)) throw TypeError(group, "gc proposal must be enabled to use subtypes");
        CheckComposite(group, st.Composite);
        var depth = 0;
        if (sup >= 0)
        {
            if (Types[sup].Final) throw TypeError(group, "sub type cannot have a final super type");
            if (!CompositeMatches(index, sup)) throw TypeError(group, "sub type must match super type");
            depth = _depth[sup] + 1;
            if (depth > ValidationLimits.MaxSubtypingDepth)
                throw TypeError(group, $"sub type hierarchy too deep: found depth {depth}, cannot exceed depth {ValidationLimits.MaxSubtypingDepth}");
        }
        _depth[index] = (byte)depth;
    }

    private void CheckComposite(int group, CompositeType composite)
    {
        switch (composite)
        {
            case FuncType f:
                foreach (var p in f.Params) CheckTypeSectionValType(group, p);
                foreach (var r in f.Results) CheckTypeSectionValType(group, r);
                if (f.Results.Length > 1 && !Has(Feature.MultiValue))
                    throw TypeError(group, "func type returns multiple values but the multi-value feature is not enabled");
                break;
            case StructType s:
                if (!Has(Feature.Gc)) throw TypeError(group, "struct indexed types not supported without the gc feature");
                foreach (var fld in s.Fields)
                {
                    if (!fld.Storage.IsPacked) CheckTypeSectionValType(group, fld.Storage);
                }
                break;
            case ArrayType a:
                if (!Has(Feature.Gc)) throw TypeError(group, "array indexed types not supported without the gc feature");
                if (!a.Element.Storage.IsPacked) CheckTypeSectionValType(group, a.Element.Storage);
                break;
        }
    }

    private void CheckTypeSectionValType(int group, ValType t)
    {
        if (CheckValType(t) is { } error) throw TypeError(group, error);
    }

    private bool CompositeMatches(int sub, int sup)
    {
        switch (Types[sub].Composite)
        {
            case FuncType a when Types[sup].Composite is FuncType b:
                if (a.Params.Length != b.Params.Length || a.Results.Length != b.Results.Length) return false;
                for (var i = 0; i < a.Params.Length; i++)
                {
                    if (!IsSubtype(b.Params[i], a.Params[i])) return false;
                }
                for (var i = 0; i < a.Results.Length; i++)
                {
                    if (!IsSubtype(a.Results[i], b.Results[i])) return false;
                }
                return true;
            case StructType a when Types[sup].Composite is StructType b:
                if (a.Fields.Length < b.Fields.Length) return false;
                for (var i = 0; i < b.Fields.Length; i++)
                {
                    if (!FieldMatches(a.Fields[i], b.Fields[i])) return false;
                }
                return true;
            case ArrayType a when Types[sup].Composite is ArrayType b:
                return FieldMatches(a.Element, b.Element);
            default:
                return false;
        }
    }

    private bool FieldMatches(FieldType a, FieldType b)
    {
        if (a.Mutable != b.Mutable) return false;
        return a.Mutable
            ? StorageMatches(a.Storage, b.Storage) && StorageMatches(b.Storage, a.Storage)
            : StorageMatches(a.Storage, b.Storage);
    }

    private bool StorageMatches(ValType a, ValType b)
    {
        if (a.IsPacked || b.IsPacked) return a.Kind == b.Kind;
        return IsSubtype(a, b);
    }

    // ---------------------------------------------------------------- C.refs

    private void CollectDeclaredFunctions()
    {
        foreach (var export in Module.Exports)
        {
            if (export.Kind == ExternalKind.Func) Declare(export.Index);
        }
        foreach (var segment in Module.Elements)
        {
            if (segment.Functions is { } funcs)
            {
                foreach (var f in funcs) Declare(f);
            }
            else if (segment.Expressions is { } exprs)
            {
                foreach (var e in exprs) DeclareIn(e);
            }
        }
        foreach (var g in Module.Globals) DeclareIn(g.Init);
        foreach (var t in Module.Tables)
        {
            if (t.Init is { } init) DeclareIn(init);
        }
    }

    private void Declare(uint f)
    {
        if (f < (uint)_declared.Length) _declared[f] = true;
    }

    private void DeclareIn(ConstExpr expr)
    {
        try
        {
            var reader = expr.Read();
            while (!reader.AtEnd)
            {
                var ins = reader.Read();
                if (ins.Op == Op.RefFunc) Declare(ins.Index);
            }
        }
        catch (WasmException)
        {
            // Malformed expressions are reported by the module validator.
        }
    }

    private sealed class GroupKey : IEquatable<GroupKey>
    {
        private readonly int[] _data;
        private readonly int _hash;

        public GroupKey(int[] data)
        {
            _data = data;
            var h = new HashCode();
            foreach (var d in data) h.Add(d);
            _hash = h.ToHashCode();
        }

        public bool Equals(GroupKey? other) => other is not null && _hash == other._hash && _data.AsSpan().SequenceEqual(other._data);
        public override bool Equals(object? obj) => Equals(obj as GroupKey);
        public override int GetHashCode() => _hash;
    }
}
