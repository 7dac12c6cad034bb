using Whamm.Wasm.Binary;
using Whamm.Wasm.Model;
using Whamm.Wasm.Types;

namespace Whamm.Wasm.Editing;

/// <summary>
/// Edits one function body: new locals, and instruction sequences inserted before, after or instead of the
/// instructions of the original body. Instructions are named by their <see cref="Instructions.Instruction.Offset"/>
/// in the original body (from the body's first byte, locals header included, as
/// <see cref="FunctionBody.Instructions"/> reports them), so offsets stay valid however much is inserted.
/// <para>
/// Semantics: sequences inserted before one instruction run in the order they were added, then the
/// replacement (if any; an empty replacement deletes the instruction), then the instruction, then the sequences
/// inserted after it, in the order they were added. "After" a structured instruction (<c>block</c>, <c>loop</c>,
/// <c>if</c>, <c>try_table</c>, <c>else</c>) means after its opcode and immediates, i.e. <em>inside</em> the block
/// at its start; "after" <c>br</c>/<c>return</c>/<c>unreachable</c> is dead code; nothing can follow the
/// function's final <c>end</c> (insert before it to run at a fall-through exit).
/// </para>
/// <para>
/// <see cref="Build()"/> streams over the original: it re-encodes the locals header only when locals were added
/// (adjacent runs of one type merged), copies untouched instructions as bytes and splices the sequences in.
/// Inserted sequences are taken as written (in the module's current numbering); when the editor belongs to a
/// <see cref="ModuleEditor"/> with pending import insertions, the original instructions are remapped in the
/// same pass. One editor per body; editors of different bodies may be used on different threads.
/// </para>
/// </summary>
public sealed class BodyEditor
{
    private readonly List<ValType> _added = [];
    private Edit[] _edits = [];
    private int _editCount;
    private HashSet<int>? _replaced;
    private WasmWriter? _pool;
    private int _lastCodeStart; // where the code added last starts in the pool (it runs to the pool's end)
    private ulong _declared = ulong.MaxValue;
    private string? _sealedBecause;

    /// <summary>An editor for <paramref name="body"/> of a function with <paramref name="parameterCount"/> parameters.</summary>
    public BodyEditor(FunctionBody body, int parameterCount)
    {
        Original = body;
        ParameterCount = parameterCount;
    }

    /// <summary>The body being edited.</summary>
    public FunctionBody Original { get; }

    /// <summary>Number of parameters (local indices start after them).</summary>
    public int ParameterCount { get; }

    /// <summary>Offset of the body's first instruction (the function entry).</summary>
    public int EntryOffset => Original.CodeOffset;

    /// <summary>Whether any local or edit was added.</summary>
    public bool HasChanges => _added.Count > 0 || _editCount > 0;

    /// <summary>Locals added so far.</summary>
    public IReadOnlyList<ValType> AddedLocals => _added;

    /// <summary>Adds a local of <paramref name="type"/> and returns its index.</summary>
    public uint AddLocal(ValType type)
    {
        CheckOpen();
        if (!type.IsDefaultable) throw new ArgumentException($"a local of type {type} would have no default value", nameof(type));
        if (_declared == ulong.MaxValue) _declared = Original.LocalCount;
        if (_declared + (ulong)_added.Count + 1 > FunctionBody.MaxLocals)
            throw new InvalidOperationException($"a function may declare at most {FunctionBody.MaxLocals} locals");
        _added.Add(type);
        return checked((uint)((ulong)ParameterCount + _declared + (ulong)_added.Count - 1));
    }

    /// <summary>Inserts <paramref name="code"/> before the instruction at <paramref name="offset"/>.</summary>
    public BodyEditor InsertBefore(int offset, InstructionBuilder code) => Add(offset, EditKind.Before, code.Bytes);

    /// <summary>Inserts encoded instructions before the instruction at <paramref name="offset"/>.</summary>
    public BodyEditor InsertBefore(int offset, ReadOnlySpan<byte> code) => Add(offset, EditKind.Before, code);

    /// <summary>Inserts <paramref name="code"/> after the instruction at <paramref name="offset"/> (inside it, for a block start).</summary>
    public BodyEditor InsertAfter(int offset, InstructionBuilder code) => Add(offset, EditKind.After, code.Bytes);

    /// <summary>Inserts encoded instructions after the instruction at <paramref name="offset"/>.</summary>
    public BodyEditor InsertAfter(int offset, ReadOnlySpan<byte> code) => Add(offset, EditKind.After, code);

    /// <summary>Inserts <paramref name="code"/> at the function entry, before the first original instruction.</summary>
    public BodyEditor InsertAtEntry(InstructionBuilder code) => InsertBefore(EntryOffset, code);

    /// <summary>Inserts encoded instructions at the function entry.</summary>
    public BodyEditor InsertAtEntry(ReadOnlySpan<byte> code) => InsertBefore(EntryOffset, code);

    /// <summary>Replaces the instruction at <paramref name="offset"/> with <paramref name="code"/> (null or empty: deletes it).</summary>
    public BodyEditor Replace(int offset, InstructionBuilder? code) => Add(offset, EditKind.Replace, code is null ? [] : code.Bytes);

    /// <summary>Replaces the instruction at <paramref name="offset"/> with encoded instructions.</summary>
    public BodyEditor Replace(int offset, ReadOnlySpan<byte> code) => Add(offset, EditKind.Replace, code);

    /// <summary>Deletes the instruction at <paramref name="offset"/>.</summary>
    public BodyEditor Remove(int offset) => Add(offset, EditKind.Replace, []);

    private BodyEditor Add(int offset, EditKind kind, ReadOnlySpan<byte> code)
    {
        CheckOpen();
        if (offset < EntryOffset || offset >= Original.Bytes.Length)
            throw new ArgumentOutOfRangeException(nameof(offset), offset, $"not within the instructions of the body ({EntryOffset}..{Original.Bytes.Length - 1})");
        if (kind != EditKind.Replace && code.IsEmpty) return this;
        if (kind == EditKind.Replace && !(_replaced ??= []).Add(offset))
            throw new InvalidOperationException($"the instruction at offset {offset} is already replaced");
        _pool ??= new WasmWriter(Math.Max(16, code.Length));
        if (_editCount == _edits.Length) Array.Resize(ref _edits, Math.Max(2, _edits.Length * 2));
        // A dense monitor inserts the same code at site after site: the previous copy in the pool serves again.
        var start = _editCount > 0 && _pool.WrittenSpan[_lastCodeStart..].SequenceEqual(code) ? _lastCodeStart : _pool.Length;
        _edits[_editCount] = new Edit(offset, kind, _editCount, start, code.Length);
        _editCount++;
        if (start == _pool.Length)
        {
            _lastCodeStart = start;
            _pool.WriteBytes(code);
        }
        return this;
    }

    private void CheckOpen()
    {
        if (_sealedBecause is not null) throw new InvalidOperationException(_sealedBecause);
    }

    /// <summary>Forbids further edits (the module editor has applied this one).</summary>
    internal void Seal(string reason) => _sealedBecause = reason;

    /// <summary>The edited body; <see cref="Original"/> itself when there is nothing to change.</summary>
    public FunctionBody Build() => BuildCore(CodeRewriter.Identity, new BodySplicer((_pool?.Length ?? 0) + 64));

    /// <summary>
    /// Builds the body, remapping the original instructions through <paramref name="rewriter"/>, and seals the editor
    /// (the module editor applies it once): its edits are dropped as soon as the body is built, so a dense rewrite
    /// does not hold every function's edits and every new body at once.
    /// </summary>
    internal FunctionBody Build(CodeRewriter rewriter, BodySplicer splicer)
    {
        CheckOpen();
        var body = BuildCore(rewriter, splicer);
        _sealedBecause = "this body editor has been applied";
        _edits = [];
        _pool = null;
        _replaced = null;
        return body;
    }

    private FunctionBody BuildCore(CodeRewriter rewriter, BodySplicer splicer)
    {
        if (!HasChanges) return Reencoder.Body(Original, rewriter, splicer);
        splicer.Clear();
        var w = splicer.Writer;
        var headerChanged = false;
        var localsNeedMap = rewriter.TypesChange && Original.Locals.Any(l => l.Type.IsRef && l.Type.Heap.IsConcrete);
        if (_added.Count > 0 || localsNeedMap)
        {
            var decls = Original.Locals.Select(l => l with { Type = rewriter.Map(l.Type) })
                .Concat(_added.Select(t => new LocalDecl(1, t)));
            var header = new WasmWriter();
            Reencoder.WriteLocals(header, decls);
            w.WriteBytes(header.WrittenSpan);
            headerChanged = true;
        }
        var edits = _edits.AsSpan(0, _editCount);
        if (!IsSorted(edits)) edits.Sort();
        var codeStart = Original.CodeOffset;
        var changed = rewriter.Rewrite(Original.Bytes.Span, codeStart, headerChanged ? codeStart : 0, headerChanged, edits,
            _pool is null ? [] : _pool.WrittenSpan, w, splicer, Original.FileOffset, "code");
        return changed ? splicer.Build(Original.Bytes) : Original;
    }

    private static bool IsSorted(ReadOnlySpan<Edit> edits)
    {
        for (var i = 1; i < edits.Length; i++)
        {
            if (edits[i - 1].CompareTo(edits[i]) > 0) return false;
        }
        return true;
    }
}
