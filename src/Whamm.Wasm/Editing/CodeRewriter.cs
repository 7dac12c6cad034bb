using System.Runtime.CompilerServices;
using Whamm.Wasm.Binary;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Types;

namespace Whamm.Wasm.Editing;

/// <summary>An opcode row as the rewriter needs it: its immediates as an array and the index spaces they name.</summary>
internal sealed class OpDesc
{
    private OpDesc(OpcodeInfo info)
    {
        Info = info;
        Kinds = [.. info.Immediates];
        foreach (var kind in Kinds)
        {
            if (SpaceOf(kind) is { } space) Spaces |= 1u << (int)space;
        }
        (Shape, FixedSize) = Kinds switch
        {
            [] => (ImmShape.None, 0),
            [var only] when ImmKinds.IsIndex(only) || only is ImmKind.I32 or ImmKind.I64 => (ImmShape.Leb, 0),
            [ImmKind.MemArg] => (ImmShape.MemArg, 0),
            [ImmKind.F32] => (ImmShape.Fixed, 4),
            [ImmKind.F64] => (ImmShape.Fixed, 8),
            [ImmKind.V128 or ImmKind.Shuffle] => (ImmShape.Fixed, 16),
            [ImmKind.Lane or ImmKind.ZeroByte] => (ImmShape.Fixed, 1),
            _ => (ImmShape.Other, 0),
        };
    }

    public OpcodeInfo Info { get; }
    /// <summary>How the rewriter's fast path moves past the immediates.</summary>
    public ImmShape Shape { get; }
    /// <summary>Byte count of <see cref="ImmShape.Fixed"/> immediates.</summary>
    public int FixedSize { get; }
    public ImmKind[] Kinds { get; }
    /// <summary>Bit per <see cref="IndexSpace"/> that some immediate refers to.</summary>
    public uint Spaces { get; }

    /// <summary>The index space an immediate kind refers to (MemArg: its memory; block/heap/select types: type indices; catches: tags).</summary>
    public static IndexSpace? SpaceOf(ImmKind kind) => kind switch
    {
        ImmKind.Func => IndexSpace.Func,
        ImmKind.Type or ImmKind.BlockType or ImmKind.HeapType or ImmKind.SelectTypes => IndexSpace.Type,
        ImmKind.Table => IndexSpace.Table,
        ImmKind.Memory or ImmKind.MemArg => IndexSpace.Memory,
        ImmKind.Global => IndexSpace.Global,
        ImmKind.Tag or ImmKind.Catches => IndexSpace.Tag,
        ImmKind.Elem => IndexSpace.Elem,
        ImmKind.Data => IndexSpace.Data,
        _ => null,
    };

    private static readonly OpDesc?[] Single = new OpDesc?[256];

    /// <summary>Rows of the single-byte opcodes (null: prefix or unknown).</summary>
    public static OpDesc?[] SingleByte => Single;
    private static readonly OpDesc?[]?[] Prefixed = new OpDesc?[256][];
    private static readonly OpDesc[] All;

    static OpDesc()
    {
        All = new OpDesc[OpcodeTable.All.Count];
        foreach (var info in OpcodeTable.All)
        {
            var desc = new OpDesc(info);
            All[(int)info.Op] = desc;
            if (info.Prefix == 0)
            {
                Single[info.Code] = desc;
            }
            else
            {
                var table = Prefixed[info.Prefix] ??= new OpDesc?[0x200];
                table[info.Code] = desc;
            }
        }
    }

    public static OpDesc Of(Op op) => All[(int)op];

    /// <summary>Decodes the opcode at the cursor.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static OpDesc Read(ref BodyCursor c)
    {
        var at = c.Pos;
        var b = c.ReadByte();
        var single = Single[b];
        if (single is not null) return single;
        return ReadPrefixed(ref c, b, at);
    }

    private static OpDesc ReadPrefixed(ref BodyCursor c, byte b, int at)
    {
        var table = Prefixed[b] ?? throw c.ErrorAt(at, $"illegal opcode: 0x{b:x2}");
        var sub = c.ReadU32();
        return (sub < table.Length ? table[sub] : null) ?? throw c.ErrorAt(at, $"unknown 0x{b:x2} subopcode: 0x{sub:x}");
    }
}

/// <summary>The rewriter's fast-path classes of immediate lists.</summary>
internal enum ImmShape : byte
{
    /// <summary>No immediates.</summary>
    None,
    /// <summary>One LEB128 (an index, a label, a local, a count or an integer constant).</summary>
    Leb,
    /// <summary>One memarg.</summary>
    MemArg,
    /// <summary>A fixed number of bytes.</summary>
    Fixed,
    /// <summary>Anything else: walked kind by kind.</summary>
    Other,
}

/// <summary>A position in encoded code with allocation-free LEB decoding; errors name the file offset.</summary>
internal ref struct BodyCursor
{
    public readonly ReadOnlySpan<byte> Span;
    public int Pos;
    private readonly long _fileOffset;
    private readonly string _section;

    public BodyCursor(ReadOnlySpan<byte> span, int pos, long fileOffset, string section)
    {
        Span = span;
        Pos = pos;
        _fileOffset = fileOffset;
        _section = section;
    }

    public readonly bool AtEnd => Pos >= Span.Length;

    public readonly WasmException ErrorAt(int pos, string reason) => new(WasmErrorKind.Malformed, reason, _fileOffset + pos, _section);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte ReadByte()
    {
        if ((uint)Pos >= (uint)Span.Length) throw ErrorAt(Pos, "unexpected end-of-file");
        return Span[Pos++];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly byte Peek() => (uint)Pos < (uint)Span.Length ? Span[Pos] : throw ErrorAt(Pos, "unexpected end-of-file");

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint ReadU32()
    {
        var b = ReadByte();
        if (b < 0x80) return b;
        return ReadU32Slow(b);
    }

    private uint ReadU32Slow(uint first)
    {
        var result = first & 0x7F;
        for (var shift = 7; ; shift += 7)
        {
            var b = ReadByte();
            if (shift == 28 && (b & 0xF0) != 0) throw ErrorAt(Pos - 1, "invalid var_u32: integer too large");
            result |= (uint)(b & 0x7F) << shift;
            if (b < 0x80) return result;
        }
    }

    /// <summary>Signed LEB up to 33 bits (block and heap types).</summary>
    public long ReadS33()
    {
        long result = 0;
        var shift = 0;
        while (true)
        {
            var b = ReadByte();
            if (shift >= 35) throw ErrorAt(Pos - 1, "invalid var_s33: integer representation too long");
            result |= (long)(b & 0x7F) << shift;
            shift += 7;
            if (b < 0x80)
            {
                if ((b & 0x40) != 0) result |= -1L << shift;
                return result;
            }
        }
    }

    /// <summary>Skips a LEB128 of at most <paramref name="maxBytes"/> bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SkipLeb(int maxBytes = 10)
    {
        var start = Pos;
        while (ReadByte() >= 0x80)
        {
            if (Pos - start >= maxBytes) throw ErrorAt(start, "integer representation too long");
        }
    }

    public void Skip(int count)
    {
        if (count > Span.Length - Pos) throw ErrorAt(Pos, "unexpected end-of-file");
        Pos += count;
    }
}

/// <summary>A pending change to a body: a sequence inserted before/after, or replacing, the instruction at <c>Offset</c>.</summary>
internal enum EditKind : byte { Before, Replace, After }

/// <summary>One edit: its bytes are <c>Length</c> bytes at <c>Start</c> in the editor's byte pool.</summary>
internal readonly record struct Edit(int Offset, EditKind Kind, int Seq, int Start, int Length) : IComparable<Edit>
{
    public int CompareTo(Edit other)
    {
        var c = Offset.CompareTo(other.Offset);
        if (c != 0) return c;
        c = Kind.CompareTo(other.Kind);
        return c != 0 ? c : Seq.CompareTo(other.Seq);
    }
}

/// <summary>
/// The one streaming pass over encoded code (function bodies and constant expressions): copies byte ranges
/// verbatim, re-encodes only the instructions whose index immediates an <see cref="IndexMap"/> changes, and
/// splices edits in. Driven by the opcode table's immediate kinds; allocates nothing per instruction.
/// Thread-safe: it holds only the (read-only) map.
/// </summary>
internal sealed class CodeRewriter
{
    private readonly SpaceShift _type, _func, _table, _memory, _global, _tag, _elem, _data;
    private readonly uint _active;

    /// <summary>The rewriter that renumbers nothing (it still splices edits in).</summary>
    public static readonly CodeRewriter Identity = new(new IndexMap());

    public CodeRewriter(IndexMap map)
    {
        _type = map.Space(IndexSpace.Type);
        _func = map.Space(IndexSpace.Func);
        _table = map.Space(IndexSpace.Table);
        _memory = map.Space(IndexSpace.Memory);
        _global = map.Space(IndexSpace.Global);
        _tag = map.Space(IndexSpace.Tag);
        _elem = map.Space(IndexSpace.Elem);
        _data = map.Space(IndexSpace.Data);
        _active = map.ChangedSpaces;
    }

    public bool IsIdentity => _active == 0;
    public bool TypesChange => !_type.IsIdentity;

    /// <summary>
    /// Rewrites the instructions of <paramref name="code"/> from <paramref name="codeStart"/>. Output begins at
    /// <paramref name="copyFrom"/> (0 to copy a body's locals header verbatim, or <paramref name="codeStart"/> when the
    /// caller already wrote a new header and set <paramref name="changed"/>). Returns whether anything was written;
    /// when false, <paramref name="w"/> was not touched and the input can be kept as it is. With a
    /// <paramref name="splicer"/> (whose writer <paramref name="w"/> is), long runs of the input are taken by reference.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Rewrite(ReadOnlySpan<byte> code, int codeStart, int copyFrom, bool changed, ReadOnlySpan<Edit> edits,
        ReadOnlySpan<byte> pool, WasmWriter w, BodySplicer? splicer, long fileOffset, string section)
    {
        var copied = copyFrom;
        var e = 0;
        var nextEdit = edits.Length > 0 ? edits[0].Offset : int.MaxValue;
        var active = _active;
        var memoryMoves = (active & (1u << (int)IndexSpace.Memory)) != 0;
        var single = OpDesc.SingleByte;
        var pos = codeStart;
        while (pos < code.Length)
        {
            var start = pos;
            if (start >= nextEdit)
            {
                if (nextEdit != start) throw NotABoundary(nextEdit);
                var c = new BodyCursor(code, pos, fileOffset, section);
                Copy(code, copied, start, w, splicer);
                changed = true;
                while (e < edits.Length && edits[e].Offset == start && edits[e].Kind == EditKind.Before) Splice(w, pool, edits[e++]);
                var replaced = false;
                while (e < edits.Length && edits[e].Offset == start && edits[e].Kind == EditKind.Replace)
                {
                    if (replaced) throw new InvalidOperationException($"the instruction at offset {start} is replaced twice");
                    Splice(w, pool, edits[e++]);
                    replaced = true;
                }
                var desc = OpDesc.Read(ref c);
                var immStart = c.Pos;
                if (replaced)
                {
                    Skip(desc, ref c);
                    copied = c.Pos;
                }
                else if ((desc.Spaces & active) != 0)
                {
                    w.WriteBytes(code[start..immStart]);
                    Immediates(desc, ref c, w);
                    copied = c.Pos;
                }
                else
                {
                    Skip(desc, ref c);
                    copied = start; // the instruction as it is begins the next run of the input
                }
                pos = c.Pos;
                if (e < edits.Length && edits[e].Offset == start)
                {
                    Copy(code, copied, pos, w, splicer);
                    copied = pos;
                }
                while (e < edits.Length && edits[e].Offset == start)
                {
                    if (c.AtEnd) throw new ArgumentException($"offset {start} is the function's final end: nothing can follow it");
                    Splice(w, pool, edits[e++]);
                }
                nextEdit = e < edits.Length ? edits[e].Offset : int.MaxValue;
                continue;
            }

            // Fast paths by immediate shape, on locals; everything else goes through the cursor.
            var op = single[code[pos++]];
            if (op is null)
            {
                var c = new BodyCursor(code, start, fileOffset, section);
                op = OpDesc.Read(ref c);
                pos = c.Pos;
            }
            switch (op.Shape)
            {
                case ImmShape.None:
                    continue;
                case ImmShape.Leb:
                    if ((op.Spaces & active) == 0)
                    {
                        SkipLeb(code, ref pos, fileOffset, section);
                        continue;
                    }
                    else
                    {
                        var immStart = pos;
                        var v = ReadU32(code, ref pos, fileOffset, section);
                        var mapped = MapU32(op.Kinds[0], v);
                        if (mapped == v) continue;
                        Copy(code, copied, immStart, w, splicer);
                        w.WriteU32(mapped);
                        copied = pos;
                        changed = true;
                        continue;
                    }
                case ImmShape.MemArg when !memoryMoves:
                    if ((ReadU32(code, ref pos, fileOffset, section) & 0x40) != 0) SkipLeb(code, ref pos, fileOffset, section);
                    SkipLeb(code, ref pos, fileOffset, section);
                    continue;
                case ImmShape.Fixed:
                    pos += op.FixedSize;
                    if (pos > code.Length) throw new BodyCursor(code, start, fileOffset, section).ErrorAt(code.Length, "unexpected end-of-file");
                    continue;
            }
            var cursor = new BodyCursor(code, pos, fileOffset, section);
            if ((op.Spaces & active) == 0)
            {
                Skip(op, ref cursor);
                pos = cursor.Pos;
                continue;
            }
            var imm = pos;
            var differs = Immediates(op, ref cursor, null);
            pos = cursor.Pos;
            if (!differs) continue;
            Copy(code, copied, imm, w, splicer);
            changed = true;
            var again = new BodyCursor(code, imm, fileOffset, section);
            Immediates(op, ref again, w);
            copied = pos;
        }
        if (e < edits.Length) throw NotABoundary(edits[e].Offset);
        if (changed) Copy(code, copied, code.Length, w, splicer);
        return changed;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Copy(ReadOnlySpan<byte> code, int from, int to, WasmWriter w, BodySplicer? splicer)
    {
        if (splicer is null) w.WriteBytes(code[from..to]);
        else splicer.Copy(code, from, to);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SkipLeb(ReadOnlySpan<byte> code, ref int pos, long fileOffset, string section)
    {
        while (true)
        {
            if ((uint)pos >= (uint)code.Length) ThrowEof(code, pos, fileOffset, section);
            if (code[pos++] < 0x80) return;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint ReadU32(ReadOnlySpan<byte> code, ref int pos, long fileOffset, string section)
    {
        if ((uint)pos < (uint)code.Length && code[pos] < 0x80) return code[pos++];
        var c = new BodyCursor(code, pos, fileOffset, section);
        var v = c.ReadU32();
        pos = c.Pos;
        return v;
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowEof(ReadOnlySpan<byte> code, int pos, long fileOffset, string section) =>
        throw new BodyCursor(code, pos, fileOffset, section).ErrorAt(pos, "unexpected end-of-file");

    private static ArgumentException NotABoundary(int offset) =>
        new($"offset {offset} is not the offset of an instruction in this body");

    private static void Splice(WasmWriter w, ReadOnlySpan<byte> pool, in Edit edit) => w.WriteBytes(pool.Slice(edit.Start, edit.Length));

    /// <summary>Moves past an instruction's immediates.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Skip(OpDesc desc, ref BodyCursor c)
    {
        var kinds = desc.Kinds;
        for (var i = 0; i < kinds.Length; i++) SkipOne(kinds[i], ref c);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SkipOne(ImmKind kind, ref BodyCursor c)
    {
        switch (kind)
        {
            case var index when ImmKinds.IsIndex(index): c.SkipLeb(5); break;
            case ImmKind.I32: c.SkipLeb(5); break;
            case ImmKind.I64: c.SkipLeb(10); break;
            case ImmKind.F32: c.Skip(4); break;
            case ImmKind.F64: c.Skip(8); break;
            case ImmKind.V128 or ImmKind.Shuffle: c.Skip(16); break;
            case ImmKind.Lane or ImmKind.CastFlags or ImmKind.ZeroByte: c.Skip(1); break;
            case ImmKind.MemArg:
                if ((c.ReadU32() & 0x40) != 0) c.SkipLeb(5);
                c.SkipLeb(10);
                break;
            case ImmKind.BlockType: SkipBlockType(ref c); break;
            case ImmKind.HeapType: SkipHeapType(ref c); break;
            case ImmKind.BrTable:
            {
                var n = c.ReadU32();
                for (var i = 0u; i <= n; i++) c.SkipLeb(5);
                break;
            }
            case ImmKind.SelectTypes:
            {
                var n = c.ReadU32();
                for (var i = 0u; i < n; i++) SkipValType(ref c);
                break;
            }
            case ImmKind.Catches:
            {
                var n = c.ReadU32();
                for (var i = 0u; i < n; i++)
                {
                    var k = c.ReadByte();
                    if (k <= 1) c.SkipLeb(5);
                    c.SkipLeb(5);
                }
                break;
            }
            default: throw new InvalidOperationException($"immediate kind {kind} has no decoder");
        }
    }

    private static void SkipHeapType(ref BodyCursor c)
    {
        if (HeapType.IsAbstractCode(c.Peek())) c.Pos++;
        else c.ReadS33();
    }

    private static void SkipValType(ref BodyCursor c)
    {
        var b = c.ReadByte();
        if (b is 0x63 or 0x64) SkipHeapType(ref c);
    }

    private static void SkipBlockType(ref BodyCursor c)
    {
        var b = c.Peek();
        if (b == 0x40 || b is 0x7F or 0x7E or 0x7D or 0x7C or 0x7B || HeapType.IsAbstractCode(b)) c.Pos++;
        else if (b is 0x63 or 0x64) SkipValType(ref c);
        else c.ReadS33();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint MapU32(ImmKind kind, uint v) => kind switch
    {
        ImmKind.Func => _func.Map(v),
        ImmKind.Type => _type.Map(v),
        ImmKind.Table => _table.Map(v),
        ImmKind.Memory => _memory.Map(v),
        ImmKind.Global => _global.Map(v),
        ImmKind.Tag => _tag.Map(v),
        ImmKind.Elem => _elem.Map(v),
        ImmKind.Data => _data.Map(v),
        _ => v,
    };

    /// <summary>
    /// Walks an instruction's immediates, mapping its indices. With <paramref name="w"/> null it only reports
    /// whether some index changes; otherwise it writes the immediates (unchanged ones as their original bytes).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Immediates(OpDesc desc, ref BodyCursor c, WasmWriter? w)
    {
        var changed = false;
        foreach (var kind in desc.Kinds)
        {
            var at = c.Pos;
            switch (kind)
            {
                case ImmKind.Func or ImmKind.Type or ImmKind.Table or ImmKind.Memory or ImmKind.Global or ImmKind.Tag
                    or ImmKind.Elem or ImmKind.Data:
                {
                    var v = c.ReadU32();
                    var n = MapU32(kind, v);
                    if (n != v)
                    {
                        changed = true;
                        w?.WriteU32(n);
                    }
                    else
                    {
                        w?.WriteBytes(c.Span[at..c.Pos]);
                    }
                    break;
                }
                case ImmKind.MemArg:
                {
                    var flags = c.ReadU32();
                    var memory = (flags & 0x40) != 0 ? c.ReadU32() : 0;
                    var mapped = _memory.Map(memory);
                    var offsetAt = c.Pos;
                    c.SkipLeb(10);
                    if (mapped == memory)
                    {
                        w?.WriteBytes(c.Span[at..c.Pos]);
                        break;
                    }
                    changed = true;
                    if (w is null) break;
                    if (mapped == 0)
                    {
                        w.WriteU32(flags & ~0x40u);
                    }
                    else
                    {
                        w.WriteU32(flags | 0x40);
                        w.WriteU32(mapped);
                    }
                    w.WriteBytes(c.Span[offsetAt..c.Pos]);
                    break;
                }
                case ImmKind.BlockType:
                {
                    var b = c.Peek();
                    if (b == 0x40 || b is 0x7F or 0x7E or 0x7D or 0x7C or 0x7B || HeapType.IsAbstractCode(b))
                    {
                        c.Pos++;
                        w?.WriteByte(b);
                    }
                    else if (b is 0x63 or 0x64)
                    {
                        changed |= MapValType(ref c, w);
                    }
                    else
                    {
                        changed |= TypeIndexS33(ref c, w, at);
                    }
                    break;
                }
                case ImmKind.HeapType:
                    changed |= MapHeapType(ref c, w);
                    break;
                case ImmKind.SelectTypes:
                {
                    var n = c.ReadU32();
                    w?.WriteBytes(c.Span[at..c.Pos]);
                    for (var i = 0u; i < n; i++) changed |= MapValType(ref c, w);
                    break;
                }
                case ImmKind.Catches:
                {
                    var n = c.ReadU32();
                    w?.WriteBytes(c.Span[at..c.Pos]);
                    for (var i = 0u; i < n; i++)
                    {
                        var k = c.ReadByte();
                        w?.WriteByte(k);
                        if (k <= 1)
                        {
                            var tagAt = c.Pos;
                            var tag = c.ReadU32();
                            var mapped = _tag.Map(tag);
                            if (mapped != tag)
                            {
                                changed = true;
                                w?.WriteU32(mapped);
                            }
                            else
                            {
                                w?.WriteBytes(c.Span[tagAt..c.Pos]);
                            }
                        }
                        var labelAt = c.Pos;
                        c.SkipLeb(5);
                        w?.WriteBytes(c.Span[labelAt..c.Pos]);
                    }
                    break;
                }
                default:
                    SkipOne(kind, ref c);
                    w?.WriteBytes(c.Span[at..c.Pos]);
                    break;
            }
        }
        return changed;
    }

    private bool TypeIndexS33(ref BodyCursor c, WasmWriter? w, int at)
    {
        var v = c.ReadS33();
        if (v < 0 || v > uint.MaxValue) throw c.ErrorAt(at, "invalid type index");
        var mapped = _type.Map((uint)v);
        if (mapped == v)
        {
            w?.WriteBytes(c.Span[at..c.Pos]);
            return false;
        }
        w?.WriteS64(mapped);
        return true;
    }

    private bool MapHeapType(ref BodyCursor c, WasmWriter? w)
    {
        var b = c.Peek();
        if (HeapType.IsAbstractCode(b))
        {
            c.Pos++;
            w?.WriteByte(b);
            return false;
        }
        return TypeIndexS33(ref c, w, c.Pos);
    }

    private bool MapValType(ref BodyCursor c, WasmWriter? w)
    {
        var b = c.ReadByte();
        w?.WriteByte(b);
        return b is 0x63 or 0x64 && MapHeapType(ref c, w);
    }

    /// <summary>Maps the type indices inside a value type.</summary>
    public ValType Map(ValType t) =>
        t.IsRef && t.Heap.IsConcrete && !_type.IsIdentity ? ValType.Ref(HeapType.Index(_type.Map(t.Heap.TypeIndex)), t.Nullable) : t;

    /// <summary>Maps a type index.</summary>
    public uint MapType(uint index) => _type.Map(index);
}
