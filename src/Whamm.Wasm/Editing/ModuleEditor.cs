using Whamm.Wasm.Instructions;
using Whamm.Wasm.Model;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Types;
using Whamm.Wasm.Writing;

namespace Whamm.Wasm.Editing;

/// <summary>
/// The editing API over a <see cref="Model.Module"/>: adds types (deduplicated), imports, functions, locals,
/// globals, memories, tables, tags, segments, exports and custom sections, and edits bodies
/// (<see cref="EditBody"/>), keeping every reference right.
/// <para>
/// <b>Numbering.</b> Every index passed to or returned by the editor is in the module's <em>current</em>
/// numbering, which already counts the imports added so far. An import is inserted after the existing imports
/// of its kind (or at a chosen index of its space), so it shifts the entities of that kind after it; the references inside the module (calls,
/// <c>ref.func</c>, element segments, exports, start, initialisers, memargs, the name section, …) are not
/// rewritten one import at a time: the insertions of a batch are composed into one <see cref="IndexMap"/> and
/// applied by <see cref="Reencoder"/> in a single parallel pass when the batch is committed
/// (<see cref="Commit"/>, or automatically before an import is added after other content). Bodies being edited
/// with <see cref="EditBody"/> are remapped and spliced in that same pass (or earlier, one by one: <see cref="BuildBody"/>). Until then the module's own
/// references still use the old numbering, so write the module with <see cref="Write"/> (or after
/// <see cref="Commit"/>). Indices obtained from the module before the edits are translated with
/// <see cref="MapFromOriginal"/>. Imports of a kind must be added before definitions of that kind (a definition's
/// index would move).
/// </para>
/// <para>
/// <b>Validity.</b> <see cref="Commit"/> validates what changed (edited and added functions, and the module-level
/// parts; bodies that were only renumbered stay valid by construction) and throws <see cref="EditValidationException"/> naming the function (index and name) and the offset
/// in its body, so editing never produces a module the validator rejects without saying so.
/// </para>
/// </summary>
public sealed class ModuleEditor
{
    private readonly Lock _lock = new();
    private IndexMap _pending = new();
    private readonly IndexMap _fromOriginal = new();
    private ModuleExtent _extent;
    private BodyEditor?[] _editors = [];
    private Function?[] _built = [];
    private CodeRewriter? _buildRewriter;
    [ThreadStatic] private static BodySplicer? t_splicer;
    private bool _hasEditors;
    private bool _batchHasContent;
    private readonly HashSet<ExternalKind> _defined = [];
    private readonly Dictionary<uint, string> _pendingNames = [];
    private uint? _pendingStart;
    private readonly HashSet<int> _changed = [];
    private readonly HashSet<Import> _newImports = new(ReferenceEqualityComparer.Instance);
    private bool _moduleLevelChanged;
    private Dictionary<FuncType, uint>? _funcTypes;
    private int _typeGroupsScanned;
    private int _typesScanned;

    /// <summary>An editor for <paramref name="module"/>; <paramref name="features"/> are those validation accepts.</summary>
    public ModuleEditor(Module module, Feature features = Feature.Wasmtime)
    {
        Module = module;
        Features = features;
        _extent = ModuleExtent.Of(module);
    }

    /// <summary>The module being edited.</summary>
    public Module Module { get; }

    /// <summary>The proposals validation accepts.</summary>
    public Feature Features { get; }

    /// <summary>The index changes not yet applied to the module's references (identity when none).</summary>
    public IndexMap PendingMap => _pending;

    /// <summary>Whether <see cref="Commit"/> has work to do.</summary>
    public bool HasPendingChanges => !_pending.IsIdentity || _hasEditors || _pendingNames.Count > 0 || _pendingStart.HasValue;

    /// <summary>The current index of what was index <paramref name="index"/> of <paramref name="space"/> when the editor was created.</summary>
    public uint MapFromOriginal(IndexSpace space, uint index) => _pending.Map(space, _fromOriginal.Map(space, index));

    /// <summary>
    /// <paramref name="instruction"/>, read from an original body, with its index immediates (functions, tables,
    /// memories, globals, tags, segments) in the current numbering: for re-emitting an original instruction inside
    /// new code, which — unlike the original bytes around it — is not renumbered at commit.
    /// </summary>
    public Instruction FromOriginal(in Instruction instruction)
    {
        var slots = new ulong[] { instruction.Imm0, instruction.Imm1, instruction.Imm2, instruction.Imm3 };
        var slot = 0;
        foreach (var kind in instruction.Opcode.Immediates)
        {
            if (kind is ImmKind.MemArg or ImmKind.BlockType) continue; // not held in a slot
            if (slot < slots.Length && kind is ImmKind.Func or ImmKind.Table or ImmKind.Memory or ImmKind.Global or ImmKind.Tag
                or ImmKind.Elem or ImmKind.Data && OpDesc.SpaceOf(kind) is { } space)
                slots[slot] = MapFromOriginal(space, (uint)slots[slot]);
            slot++;
        }
        var memArg = instruction.Opcode.Has(ImmKind.MemArg)
            ? instruction.MemArg with { Memory = MapFromOriginal(IndexSpace.Memory, instruction.MemArg.Memory) }
            : instruction.MemArg;
        return new Instruction(instruction.Opcode, instruction.Offset, instruction.Length, slots[0], slots[1], slots[2], slots[3],
            memArg, instruction.BlockType, instruction.Vector);
    }

    // ------------------------------------------------------------------ types

    /// <summary>
    /// The index of a function type equal to <paramref name="type"/>: an existing plain one (its own rec group, final,
    /// no supertype), or a new one appended to the type section. Appending shifts nothing.
    /// </summary>
    public uint AddType(FuncType type)
    {
        lock (_lock)
        {
            ScanTypes();
            if (_funcTypes!.TryGetValue(type, out var existing)) return existing;
            var copy = new FuncType([.. type.Params], [.. type.Results]);
            Module.RecGroups.Add(new RecGroup([new SubType(copy)], Explicit: false));
            _moduleLevelChanged = true;
            ScanTypes();
            return _funcTypes[copy];
        }
    }

    /// <summary>The index of a function type with these parameters and results (see <see cref="AddType(FuncType)"/>).</summary>
    public uint AddType(ValType[] parameters, ValType[] results) => AddType(new FuncType(parameters, results));

    /// <summary>Appends a recursion group as it is (no deduplication); returns the index of its first type.</summary>
    public uint AddRecGroup(RecGroup group)
    {
        lock (_lock)
        {
            var first = (uint)Module.Types.Count;
            Module.RecGroups.Add(group);
            _moduleLevelChanged = true;
            return first;
        }
    }

    private void ScanTypes()
    {
        _funcTypes ??= [];
        var groups = Module.RecGroups;
        for (; _typeGroupsScanned < groups.Count; _typeGroupsScanned++)
        {
            var g = groups[_typeGroupsScanned];
            var index = (uint)_typesScanned;
            _typesScanned += g.Types.Length;
            if (g.Types.Length != 1 || !g.Types[0].IsShorthand || g.Types[0].Composite is not FuncType f) continue;
            // A self-reference means a recursive type, which is not the same as an equal-looking plain one.
            if (f.Params.Concat(f.Results).Any(t => t.IsRef && t.Heap.IsConcrete && t.Heap.TypeIndex >= index)) continue;
            _funcTypes.TryAdd(f, index);
        }
    }

    private FuncType FuncTypeAt(uint typeIndex) =>
        typeIndex < Module.Types.Count && Module.Types[(int)typeIndex].Composite is FuncType f
            ? f
            : throw new ArgumentException($"type {typeIndex} is not a function type", nameof(typeIndex));

    // ------------------------------------------------------------------ imports

    /// <summary>
    /// Adds a function import; returns its function index. By default it goes after the existing function imports
    /// (so only defined functions move up by one); <paramref name="at"/> puts it at that function index instead
    /// (0: first), moving every function from there up.
    /// </summary>
    public uint AddFunctionImport(string module, string name, uint typeIndex, uint? at = null)
    {
        FuncTypeAt(typeIndex);
        return AddImport(Import.Function(module, name, typeIndex), at);
    }

    /// <summary>Adds a function import of <paramref name="type"/> (added to the type section if new).</summary>
    public uint AddFunctionImport(string module, string name, FuncType type, uint? at = null) =>
        AddFunctionImport(module, name, AddType(type), at);

    /// <summary>Adds a global import (after the existing ones, or at global index <paramref name="at"/>); returns its global index.</summary>
    public uint AddGlobalImport(string module, string name, GlobalType type, uint? at = null) => AddImport(Import.OfGlobal(module, name, type), at);

    /// <summary>Adds a memory import (after the existing ones, or at memory index <paramref name="at"/>); returns its memory index.</summary>
    public uint AddMemoryImport(string module, string name, MemoryType type, uint? at = null) => AddImport(Import.OfMemory(module, name, type), at);

    /// <summary>Adds a table import (after the existing ones, or at table index <paramref name="at"/>); returns its table index.</summary>
    public uint AddTableImport(string module, string name, TableType type, uint? at = null) => AddImport(Import.OfTable(module, name, type), at);

    /// <summary>Adds a tag import (after the existing ones, or at tag index <paramref name="at"/>); returns its tag index.</summary>
    public uint AddTagImport(string module, string name, TagType type, uint? at = null)
    {
        FuncTypeAt(type.TypeIndex);
        return AddImport(Import.OfTag(module, name, type), at);
    }

    /// <summary>Adds several imports, each after the existing ones of its kind, in one batch (one remap pass at commit); returns their indices.</summary>
    public uint[] AddImports(IEnumerable<Import> imports) => imports.Select(i => AddImport(i)).ToArray();

    /// <summary>
    /// Adds an import after the existing imports of its kind, or at index <paramref name="at"/> of its kind's space;
    /// returns its index in that space. Everything of that kind at or after the index moves up by one (including
    /// imports added earlier in the batch at or after it).
    /// </summary>
    public uint AddImport(Import import, uint? at = null)
    {
        lock (_lock)
        {
            CheckImportable(import.Kind);
            // Content added since the batch began uses the batch's numbering: apply the batch before moving indices again.
            if (_batchHasContent) Flush();
            var space = Reencoder.SpaceOf(import.Kind);
            var count = (uint)Module.ImportCount(import.Kind);
            var index = Math.Min(at ?? count, count);
            var position = Module.Imports.Count;
            if (index < count)
            {
                var seen = 0u;
                for (var i = 0; i < Module.Imports.Count; i++)
                {
                    if (Module.Imports[i].Kind != import.Kind) continue;
                    if (seen++ == index)
                    {
                        position = i;
                        break;
                    }
                }
            }
            Module.Imports.Insert(position, import);
            _newImports.Add(import);
            _pending.Insert(space, index, 1);
            _moduleLevelChanged = true;
            return index;
        }
    }

    /// <summary>Throws when an import of <paramref name="kind"/> can no longer be added (see <see cref="AddImport"/>).</summary>
    internal void CheckImportable(ExternalKind kind)
    {
        if (_defined.Contains(kind))
            throw new InvalidOperationException(
                $"add {kind} imports before defining {kind} entities: the import would move the index of the ones already added");
    }

    // ------------------------------------------------------------------ definitions

    /// <summary>Adds a function whose body is <paramref name="body"/> (without the final <c>end</c>); returns its function index.</summary>
    public uint AddFunction(uint typeIndex, InstructionBuilder body, IEnumerable<ValType>? locals = null) =>
        AddFunction(typeIndex, body.ToFunctionBody(locals));

    /// <summary>Adds a function with an encoded body; returns its function index.</summary>
    public uint AddFunction(uint typeIndex, FunctionBody body)
    {
        lock (_lock)
        {
            FuncTypeAt(typeIndex);
            Content(ExternalKind.Func);
            Module.Functions.Add(new Function(typeIndex, body));
            _changed.Add(Module.Functions.Count - 1);
            return (uint)(Module.FunctionCount - 1);
        }
    }

    /// <summary>Adds a global; returns its global index.</summary>
    public uint AddGlobal(GlobalType type, ConstExpr init)
    {
        lock (_lock)
        {
            Content(ExternalKind.Global);
            Module.Globals.Add(new Global(type, init));
            return (uint)(Module.GlobalCount - 1);
        }
    }

    /// <summary>Adds a global initialised by <paramref name="init"/>'s instructions; returns its global index.</summary>
    public uint AddGlobal(GlobalType type, InstructionBuilder init) => AddGlobal(type, init.ToConstExpr());

    /// <summary>Adds a memory; returns its memory index.</summary>
    public uint AddMemory(MemoryType type)
    {
        lock (_lock)
        {
            Content(ExternalKind.Memory);
            Module.Memories.Add(type);
            return (uint)(Module.MemoryCount - 1);
        }
    }

    /// <summary>Adds a table (with an explicit initialiser when given); returns its table index.</summary>
    public uint AddTable(TableType type, ConstExpr? init = null)
    {
        lock (_lock)
        {
            Content(ExternalKind.Table);
            Module.Tables.Add(new Table(type, init));
            return (uint)(Module.TableCount - 1);
        }
    }

    /// <summary>Adds a tag of function type <paramref name="typeIndex"/>; returns its tag index.</summary>
    public uint AddTag(uint typeIndex)
    {
        lock (_lock)
        {
            FuncTypeAt(typeIndex);
            Content(ExternalKind.Tag);
            Module.Tags.Add(new TagType(typeIndex));
            return (uint)(Module.TagCount - 1);
        }
    }

    /// <summary>Adds a data segment; returns its data index. A passive segment switches the data count section on.</summary>
    public uint AddData(DataSegment segment)
    {
        lock (_lock)
        {
            Content(null);
            Module.Data.Add(segment);
            if (segment.Mode == SegmentMode.Passive) Module.HasDataCount = true;
            return (uint)(Module.Data.Count - 1);
        }
    }

    /// <summary>Adds an active data segment copied into <paramref name="memory"/> at <paramref name="offset"/>.</summary>
    public uint AddActiveData(uint memory, ConstExpr offset, ReadOnlyMemory<byte> bytes) =>
        AddData(new DataSegment(SegmentMode.Active, bytes, memory == 0 ? (byte)0 : (byte)2) { Memory = memory, Offset = offset });

    /// <summary>Adds a passive data segment (for <c>memory.init</c>).</summary>
    public uint AddPassiveData(ReadOnlyMemory<byte> bytes) => AddData(new DataSegment(SegmentMode.Passive, bytes, 1));

    /// <summary>Adds an element segment; returns its element index.</summary>
    public uint AddElement(ElementSegment segment)
    {
        lock (_lock)
        {
            Content(null);
            Module.Elements.Add(segment);
            return (uint)(Module.Elements.Count - 1);
        }
    }

    /// <summary>Adds an active segment writing <paramref name="functions"/> into <paramref name="table"/> at <paramref name="offset"/>.</summary>
    public uint AddActiveElements(uint table, ConstExpr offset, params uint[] functions) =>
        AddElement(new ElementSegment(SegmentMode.Active, ValType.FuncRef, table == 0 ? (byte)0 : (byte)2)
        {
            Table = table, Offset = offset, Functions = functions,
        });

    /// <summary>Adds a passive segment of <paramref name="functions"/> (for <c>table.init</c>).</summary>
    public uint AddPassiveElements(params uint[] functions) =>
        AddElement(new ElementSegment(SegmentMode.Passive, ValType.FuncRef, 1) { Functions = functions });

    /// <summary>Declares <paramref name="functions"/> so that <c>ref.func</c> may name them (a declarative segment).</summary>
    public uint DeclareFunctionReferences(params uint[] functions) =>
        AddElement(new ElementSegment(SegmentMode.Declarative, ValType.FuncRef, 3) { Functions = functions });

    /// <summary>Exports entity <paramref name="index"/> of <paramref name="kind"/> as <paramref name="name"/>.</summary>
    public void AddExport(string name, ExternalKind kind, uint index)
    {
        lock (_lock)
        {
            foreach (var e in Module.Exports)
            {
                if (e.Name == name) throw new ArgumentException($"duplicate export name '{name}'", nameof(name));
            }
            var count = kind switch
            {
                ExternalKind.Func => Module.FunctionCount,
                ExternalKind.Table => Module.TableCount,
                ExternalKind.Memory => Module.MemoryCount,
                ExternalKind.Global => Module.GlobalCount,
                _ => Module.TagCount,
            };
            if (index >= count) throw new ArgumentOutOfRangeException(nameof(index), $"there are {count} {kind} entities");
            Content(null);
            Module.Exports.Add(new Export(name, kind, index));
        }
    }

    /// <summary>Adds a custom section, written after the known section <paramref name="after"/> (default: at the end).</summary>
    public void AddCustomSection(string name, ReadOnlyMemory<byte> content, SectionId after = SectionId.Data)
    {
        lock (_lock) Module.CustomSections.Add(new CustomSection(name, content, after));
    }

    /// <summary>Names function <paramref name="funcIndex"/> in the name section (applied at commit).</summary>
    public void SetFunctionName(uint funcIndex, string name)
    {
        lock (_lock)
        {
            Content(null);
            _pendingNames[funcIndex] = name;
        }
    }

    /// <summary>Makes <paramref name="funcIndex"/> the start function (applied at commit).</summary>
    public void SetStart(uint funcIndex)
    {
        lock (_lock)
        {
            if (funcIndex >= Module.FunctionCount) throw new ArgumentOutOfRangeException(nameof(funcIndex));
            Content(null);
            _pendingStart = funcIndex;
        }
    }

    private void Content(ExternalKind? kind)
    {
        if (kind is { } k) _defined.Add(k);
        _batchHasContent = true;
        _moduleLevelChanged = true;
    }

    // ------------------------------------------------------------------ linking

    /// <summary>
    /// Merges <paramref name="library"/> (a valid module; it is not changed) into the module, in this edit session:
    /// its types are deduplicated against the module's (recursion groups kept); each of its imports becomes the function
    /// <see cref="LinkOptions.ResolveFunction"/> names, else an identical import (module, name, kind and type) of the
    /// module, else a new import added like <see cref="AddImport"/>; its functions, tables, memories, tags, globals and
    /// element and data segments are appended after the module's own, every reference in them renumbered. The module's
    /// existing indices change only by the imports added. The library's exports are not exported and its start
    /// function is not installed: call what is needed through the returned <see cref="LinkedLibrary"/>, whose indices
    /// are in the current numbering, as <see cref="AddFunction(uint, FunctionBody)"/>'s are (and, as after
    /// <c>AddFunction</c>, imports of a kind the library defines can no longer be added). Like every definition, the
    /// library's are validated at <see cref="Commit"/> against <see cref="Features"/>. Linking a library twice gives two
    /// independent copies.
    /// </summary>
    /// <exception cref="ArgumentException">The library is invalid, or <see cref="LinkOptions.ResolveFunction"/> named a
    /// function that does not exist or has another type.</exception>
    /// <exception cref="InvalidOperationException">An import must be added, but definitions of its kind were already added
    /// in this session (see <see cref="AddImport"/>); nothing but unused types was added then.</exception>
    public LinkedLibrary Link(Module library, LinkOptions? options = null) => ModuleLinker.Link(this, library, options ?? new LinkOptions());

    // ------------------------------------------------------------------ bodies

    /// <summary>
    /// The editor of defined function <paramref name="definedIndex"/>'s body (its position in
    /// <see cref="Module.Functions"/>, which imports do not change); the same editor until the next commit.
    /// Thread-safe: instrumentation may edit different bodies in parallel.
    /// </summary>
    public BodyEditor EditBody(int definedIndex)
    {
        var editors = Volatile.Read(ref _editors);
        if ((uint)definedIndex < (uint)editors.Length && Volatile.Read(ref editors[definedIndex]) is { } existing) return existing;
        lock (_lock)
        {
            if ((uint)definedIndex >= (uint)Module.Functions.Count) throw new ArgumentOutOfRangeException(nameof(definedIndex));
            if (_editors.Length < Module.Functions.Count)
            {
                var grown = new BodyEditor?[Module.Functions.Count];
                _editors.CopyTo(grown, 0);
                Volatile.Write(ref _editors, grown);
            }
            if (_editors[definedIndex] is { } made) return made;
            var f = definedIndex < _built.Length && _built[definedIndex] is { } built ? built : Module.Functions[definedIndex];
            var editor = new BodyEditor(f.Body, ParameterCount(f.TypeIndex));
            Volatile.Write(ref _editors[definedIndex], editor);
            _hasEditors = true;
            _batchHasContent = true;
            return editor;
        }
    }

    private int[] _paramCounts = [];
    private int _paramCountsVersion = -1;

    private int ParameterCount(uint typeIndex)
    {
        if (_paramCountsVersion != Module.RecGroups.Version)
        {
            _paramCounts = Module.Types.Select(t => t.Composite is FuncType f ? f.Params.Length : -1).ToArray();
            _paramCountsVersion = Module.RecGroups.Version;
        }
        return typeIndex < _paramCounts.Length && _paramCounts[typeIndex] >= 0
            ? _paramCounts[typeIndex]
            : throw new ArgumentException($"type {typeIndex} is not a function type", nameof(typeIndex));
    }

    /// <summary>The editor of the body of function <paramref name="funcIndex"/> (current numbering; must be a defined function).</summary>
    public BodyEditor EditFunction(uint funcIndex)
    {
        var imported = (uint)Module.ImportedFunctionCount;
        if (funcIndex < imported) throw new ArgumentException($"function {funcIndex} is imported", nameof(funcIndex));
        return EditBody((int)(funcIndex - imported));
    }

    /// <summary>
    /// Builds the edits of defined function <paramref name="definedIndex"/> now, as <see cref="Commit"/> would, and drops
    /// them: a rewrite that edits the functions one by one then holds each one's edits only while it makes them, not all
    /// of them until the commit (which puts the built bodies in place). The pending renumbering cannot change meanwhile
    /// (an import added after edits commits first); when type indices move, the commit builds the body as before. A later
    /// <see cref="EditBody"/> of the function edits the built body. Functions may be built on several threads at once.
    /// </summary>
    public void BuildBody(int definedIndex)
    {
        var editors = Volatile.Read(ref _editors);
        if ((uint)definedIndex >= (uint)editors.Length || Volatile.Read(ref editors[definedIndex]) is not { HasChanges: true } body) return;
        CodeRewriter rewriter;
        uint type;
        lock (_lock)
        {
            _buildRewriter ??= new CodeRewriter(_pending.Clone());
            if (_buildRewriter.TypesChange) return;
            var builtBefore = definedIndex < _built.Length && _built[definedIndex] is not null;
            rewriter = definedIndex < _extent.Functions && !builtBefore ? _buildRewriter : CodeRewriter.Identity;
            type = (definedIndex < _built.Length ? _built[definedIndex] : null)?.TypeIndex ?? Module.Functions[definedIndex].TypeIndex;
        }
        var built = new Function(type, body.Build(rewriter, t_splicer ??= new BodySplicer(64 * 1024)));
        lock (_lock)
        {
            if (_built.Length < Module.Functions.Count) Array.Resize(ref _built, Module.Functions.Count);
            _built[definedIndex] = built;
            _changed.Add(definedIndex);
            Volatile.Write(ref _editors[definedIndex], null);
        }
    }

    /// <summary>The function index of defined function <paramref name="definedIndex"/> in the current numbering.</summary>
    public uint FunctionIndex(int definedIndex) => (uint)(Module.ImportedFunctionCount + definedIndex);

    // ------------------------------------------------------------------ commit

    /// <summary>
    /// Applies the pending import insertions to every reference in one parallel pass, builds the edited bodies in
    /// that same pass, applies names and start, and then (when <paramref name="validate"/>) validates the changed
    /// functions and the module-level parts, throwing <see cref="EditValidationException"/> when invalid.
    /// </summary>
    public void Commit(bool validate = true)
    {
        lock (_lock)
        {
            Flush();
            if (validate) ValidateChanges();
        }
    }

    /// <summary>Commits (with validation) and encodes the module.</summary>
    public byte[] Write()
    {
        Commit();
        return ModuleWriter.Write(Module);
    }

    /// <summary>
    /// Validates the functions edited or added since the last validation and the module-level parts. Bodies that
    /// were only renumbered are not revalidated: a consistent renumbering keeps a valid body valid (use
    /// <see cref="ValidateAll"/> to check everything).
    /// </summary>
    public void Validate()
    {
        lock (_lock)
        {
            Flush();
            ValidateChanges();
        }
    }

    /// <summary>Validates the whole module, every function included.</summary>
    public void ValidateAll()
    {
        lock (_lock)
        {
            Flush();
            EditValidation.Validate(Module, Features, null, moduleLevel: true);
            _changed.Clear();
            _moduleLevelChanged = false;
        }
    }

    private void ValidateChanges()
    {
        if (_changed.Count == 0 && !_moduleLevelChanged) return;
        EditValidation.Validate(Module, Features, _changed, _moduleLevelChanged);
        _changed.Clear();
        _moduleLevelChanged = false;
    }

    private void Flush()
    {
        var functions = Module.Functions;
        if (!_pending.IsIdentity || _hasEditors)
        {
            BodyEditor?[]? editors = null;
            if (_hasEditors)
            {
                editors = _editors;
                if (editors.Length < functions.Count) Array.Resize(ref editors, functions.Count);
                // Edited bodies are validated at commit; bodies that are only renumbered stay valid by construction.
                for (var i = 0; i < editors.Length; i++)
                {
                    if (editors[i] is { HasChanges: true }) _changed.Add(i);
                }
            }
            new Reencoder(_pending).Apply(Module, _extent with { NewImports = _newImports }, editors, _built);
            if (editors is not null)
            {
                foreach (var e in editors) e?.Seal("this body editor has been applied by ModuleEditor.Commit; call EditBody again for a new one");
            }
            if (!_pending.IsIdentity) _moduleLevelChanged = true;
        }
        if (_pendingNames.Count > 0)
        {
            var names = Module.Names ?? new NameSection();
            var merged = new Dictionary<uint, string>(names.FunctionNames);
            foreach (var (index, name) in _pendingNames) merged[index] = name;
            Module.Names = names with { FunctionNames = merged };
            _pendingNames.Clear();
        }
        if (_pendingStart is { } start)
        {
            Module.Start = start;
            _pendingStart = null;
        }
        _fromOriginal.Then(_pending);
        _pending = new IndexMap();
        _editors = [];
        _built = [];
        _buildRewriter = null;
        _hasEditors = false;
        _batchHasContent = false;
        _newImports.Clear();
        _extent = ModuleExtent.Of(Module);
    }
}
