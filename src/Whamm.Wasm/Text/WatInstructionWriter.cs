using Whamm.Wasm.Instructions;
using Whamm.Wasm.Model;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Types;

namespace Whamm.Wasm.Text;

/// <summary>
/// Writes instructions and types as text. The mnemonic is the opcode table's <see cref="OpcodeInfo.Name"/>
/// and the immediates are written from the row's <see cref="OpcodeInfo.Immediates"/> kinds, so a new
/// table row prints without a change here unless it brings a new immediate kind.
/// </summary>
internal sealed class WatInstructionWriter(WatTextWriter w, Module module, WatNames names)
{
    // try_table clause keywords are spelled like the legacy instructions they replace.
    private static readonly string CatchKeyword = OpcodeTable.Get(Op.Catch).Name;
    private static readonly string CatchAllKeyword = OpcodeTable.Get(Op.CatchAll).Name;
    private readonly Dictionary<uint, NameMap> _fieldNames = new();

    /// <summary>Parameter and local names of the function being printed.</summary>
    public NameMap Locals { get; set; } = NameMap.Empty;

    /// <summary>
    /// The mnemonic and immediates of <paramref name="ins"/>. <paramref name="label"/> and
    /// <paramref name="labelAnnotation"/> name the block a structured instruction opens.
    /// </summary>
    public void Write(in Instruction ins, string? label = null, string? labelAnnotation = null)
    {
        w.Write(ins.Opcode.Name);
        if (label is not null) w.Space(label);
        if (labelAnnotation is not null) Annotation(labelAnnotation);
        WriteImmediates(ins);
    }

    /// <summary>The immediates of <paramref name="ins"/>, each preceded by a space.</summary>
    public void WriteImmediates(in Instruction ins)
    {
        var kinds = ins.Opcode.Immediates;
        if (kinds.Count == 0) return;
        // Text order differs from encoding order in two families: call_indirect writes its table before
        // the type use; memory.init/table.init write the memory/table before the segment.
        if (kinds.Count == 2 && kinds[0] == ImmKind.Type && kinds[1] == ImmKind.Table)
        {
            if (ins.Imm1 != 0) IndexOf(ImmKind.Table, (uint)ins.Imm1);
            w.Write(" (type ");
            TypeRef((uint)ins.Imm0);
            w.Write(')');
            return;
        }
        if (kinds.Count == 2 && kinds[0] is ImmKind.Data or ImmKind.Elem && kinds[1] is ImmKind.Memory or ImmKind.Table)
        {
            if (ins.Imm1 != 0) IndexOf(kinds[1], (uint)ins.Imm1);
            IndexOf(kinds[0], (uint)ins.Imm0);
            return;
        }
        var omitZeroSpaces = OnlyZeroMemoryOrTable(ins);
        var slot = 0;
        uint lastType = 0;
        for (var k = 0; k < kinds.Count; k++)
        {
            var kind = kinds[k];
            switch (kind)
            {
                case ImmKind.BlockType:
                    BlockType(ins.BlockType);
                    break;
                case ImmKind.Label or ImmKind.U32 or ImmKind.Lane:
                    w.Write(' ');
                    w.WriteUnsigned(Slot(ins, slot++));
                    break;
                case ImmKind.Memory or ImmKind.Table:
                {
                    var index = (uint)Slot(ins, slot++);
                    if (!omitZeroSpaces) IndexOf(kind, index);
                    break;
                }
                case ImmKind.Type:
                    lastType = (uint)Slot(ins, slot++);
                    w.Write(' ');
                    TypeRef(lastType);
                    break;
                case ImmKind.Func or ImmKind.Global or ImmKind.Local or ImmKind.Tag or ImmKind.Elem or ImmKind.Data:
                    IndexOf(kind, (uint)Slot(ins, slot++));
                    break;
                case ImmKind.Field:
                {
                    var field = (uint)Slot(ins, slot++);
                    w.Write(' ');
                    w.Write(FieldNames(lastType).Id(field) ?? Number(field));
                    break;
                }
                case ImmKind.BrTable:
                    foreach (var label in ins.BrTableLabels)
                    {
                        w.Write(' ');
                        w.WriteUnsigned(label);
                    }
                    break;
                case ImmKind.MemArg:
                    MemArg(ins.MemArg, ins.Opcode);
                    break;
                case ImmKind.Shuffle:
                {
                    var lo = Slot(ins, slot++);
                    var hi = Slot(ins, slot++);
                    for (var i = 0; i < 16; i++)
                    {
                        w.Write(' ');
                        w.WriteUnsigned(((i < 8 ? lo : hi) >> (8 * (i & 7))) & 0xFF);
                    }
                    break;
                }
                case ImmKind.V128:
                {
                    var lo = Slot(ins, slot++);
                    var hi = Slot(ins, slot++);
                    w.Write(" i32x4");
                    foreach (var lane in (ReadOnlySpan<ulong>)[lo & 0xFFFF_FFFF, lo >> 32, hi & 0xFFFF_FFFF, hi >> 32])
                    {
                        w.Write(' ');
                        w.WriteHex(lane, 8);
                    }
                    break;
                }
                case ImmKind.I32:
                    w.Write(' ');
                    w.WriteSigned((int)Slot(ins, slot++));
                    break;
                case ImmKind.I64:
                    w.Write(' ');
                    w.WriteSigned((long)Slot(ins, slot++));
                    break;
                case ImmKind.F32:
                    w.Write(' ');
                    w.WriteF32((uint)Slot(ins, slot++));
                    break;
                case ImmKind.F64:
                    w.Write(' ');
                    w.WriteF64(Slot(ins, slot++));
                    break;
                case ImmKind.HeapType:
                {
                    var heap = Instruction.HeapFromSlot(Slot(ins, slot++));
                    w.Write(' ');
                    if (ins.Op is Op.RefTest or Op.RefCast) RefType(heap, nullable: false);
                    else if (ins.Op is Op.RefTestNull or Op.RefCastNull) RefType(heap, nullable: true);
                    else HeapType(heap);
                    break;
                }
                case ImmKind.CastFlags:
                {
                    // br_on_cast flags label ht1 ht2 prints as: label (ref null? ht1) (ref null? ht2)
                    var flags = Slot(ins, slot++);
                    w.Write(' ');
                    w.WriteUnsigned(Slot(ins, slot++));
                    w.Write(' ');
                    RefType(Instruction.HeapFromSlot(Slot(ins, slot++)), (flags & 1) != 0);
                    w.Write(' ');
                    RefType(Instruction.HeapFromSlot(Slot(ins, slot++)), (flags & 2) != 0);
                    k += 3;
                    break;
                }
                case ImmKind.SelectTypes:
                    w.Write(" (result");
                    foreach (var t in ins.SelectTypes)
                    {
                        w.Write(' ');
                        ValType(t);
                    }
                    w.Write(')');
                    break;
                case ImmKind.ZeroByte:
                    break;
                case ImmKind.Catches:
                    foreach (var c in ins.Catches) Catch(c);
                    break;
                default:
                    throw new InvalidOperationException($"immediate kind {kind} has no printer");
            }
        }
    }

    /// <summary>A <c>try_table</c> catch clause.</summary>
    public void Catch(Catch c)
    {
        w.Write(" (");
        w.Write(c.Kind is CatchKind.Catch or CatchKind.CatchRef ? CatchKeyword : CatchAllKeyword);
        if (c.Kind is CatchKind.CatchRef or CatchKind.CatchAllRef) w.Write("_ref");
        if (c.HasTag) IndexOf(ImmKind.Tag, c.Tag);
        w.Write(' ');
        w.WriteUnsigned(c.Label);
        w.Write(')');
    }

    /// <summary>A block type: nothing, <c>(result t)</c> or <c>(type N)</c>, with a leading space.</summary>
    public void BlockType(BlockType type)
    {
        switch (type.Kind)
        {
            case BlockTypeKind.Empty:
                return;
            case BlockTypeKind.Value:
                w.Write(" (result ");
                ValType(type.Value);
                w.Write(')');
                return;
            default:
                w.Write(" (type ");
                TypeRef(type.TypeIndex);
                w.Write(')');
                return;
        }
    }

    /// <summary>A value or storage type, abbreviating nullable abstract references (<c>funcref</c>).</summary>
    public void ValType(ValType type)
    {
        switch (type.Kind)
        {
            case ValKind.I32: w.Write("i32"); return;
            case ValKind.I64: w.Write("i64"); return;
            case ValKind.F32: w.Write("f32"); return;
            case ValKind.F64: w.Write("f64"); return;
            case ValKind.V128: w.Write("v128"); return;
            case ValKind.I8: w.Write("i8"); return;
            case ValKind.I16: w.Write("i16"); return;
        }
        if (type.Nullable && !type.Heap.IsConcrete)
        {
            w.Write(AbbreviatedRef(type.Heap.Abstract));
            return;
        }
        RefType(type.Heap, type.Nullable);
    }

    /// <summary><c>(ref ht)</c> or <c>(ref null ht)</c>.</summary>
    public void RefType(HeapType heap, bool nullable)
    {
        w.Write(nullable ? "(ref null " : "(ref ");
        HeapType(heap);
        w.Write(')');
    }

    /// <summary>A heap type: its keyword, or a type reference.</summary>
    public void HeapType(HeapType heap)
    {
        if (heap.IsConcrete) TypeRef(heap.TypeIndex);
        else w.Write(HeapKeyword(heap.Abstract));
    }

    /// <summary>A reference to a type: its identifier or its index.</summary>
    public void TypeRef(uint index)
    {
        var id = names.Types.Id(index);
        if (id is not null) w.Write(id);
        else w.WriteUnsigned(index);
    }

    /// <summary>A space, then a reference into the index space of <paramref name="kind"/>.</summary>
    public void IndexOf(ImmKind kind, uint index)
    {
        var map = kind switch
        {
            ImmKind.Func => names.Functions,
            ImmKind.Global => names.Globals,
            ImmKind.Local => Locals,
            ImmKind.Tag => names.Tags,
            ImmKind.Elem => names.Elements,
            ImmKind.Data => names.Data,
            ImmKind.Table => names.Tables,
            ImmKind.Memory => names.Memories,
            ImmKind.Type => names.Types,
            _ => NameMap.Empty,
        };
        w.Write(' ');
        var id = map.Id(index);
        if (id is not null) w.Write(id);
        else w.WriteUnsigned(index);
    }

    /// <summary>A name annotation, <c> (@name "…")</c>.</summary>
    public void Annotation(string name)
    {
        w.Write(" (@name ");
        w.Write(WatSyntax.Quote(name));
        w.Write(')');
    }

    /// <summary>The field names of struct type <paramref name="typeIndex"/>, cached.</summary>
    public NameMap FieldNames(uint typeIndex)
    {
        if (_fieldNames.TryGetValue(typeIndex, out var map)) return map;
        var count = typeIndex < module.Types.Count && module.Types[(int)typeIndex].Composite is StructType s ? (uint)s.Fields.Length : 0;
        map = names.Fields(typeIndex, count);
        _fieldNames[typeIndex] = map;
        return map;
    }

    private void MemArg(MemArg memArg, OpcodeInfo opcode)
    {
        if (memArg.Memory != 0) IndexOf(ImmKind.Memory, memArg.Memory);
        if (memArg.Offset != 0)
        {
            w.Write(" offset=");
            w.WriteUnsigned(memArg.Offset);
        }
        if (memArg.Align != (uint)opcode.NaturalAlignment)
        {
            w.Write(" align=");
            w.WriteUnsigned(1UL << (int)memArg.Align);
        }
    }

    /// <summary>True when every memory/table immediate is 0, so they can all be left implicit.</summary>
    private static bool OnlyZeroMemoryOrTable(in Instruction ins)
    {
        var slot = 0;
        foreach (var kind in ins.Opcode.Immediates)
        {
            if (kind is ImmKind.Memory or ImmKind.Table && Slot(ins, slot) != 0) return false;
            slot += SlotsOf(kind);
        }
        return true;
    }

    private static int SlotsOf(ImmKind kind) => kind switch
    {
        _ when ImmKinds.IsIndex(kind) => 1,
        ImmKind.Lane or ImmKind.CastFlags or ImmKind.I32 or ImmKind.I64 or ImmKind.F32 or ImmKind.F64 or ImmKind.HeapType => 1,
        ImmKind.Shuffle or ImmKind.V128 => 2,
        _ => 0,
    };

    private static ulong Slot(in Instruction ins, int slot) => slot switch
    {
        0 => ins.Imm0,
        1 => ins.Imm1,
        2 => ins.Imm2,
        _ => ins.Imm3,
    };

    private static string Number(uint value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The keyword of an abstract heap type.</summary>
    public static string HeapKeyword(AbstractHeap heap) => heap switch
    {
        AbstractHeap.Func => "func",
        AbstractHeap.Extern => "extern",
        AbstractHeap.Any => "any",
        AbstractHeap.Eq => "eq",
        AbstractHeap.I31 => "i31",
        AbstractHeap.Struct => "struct",
        AbstractHeap.Array => "array",
        AbstractHeap.Exn => "exn",
        AbstractHeap.None => "none",
        AbstractHeap.NoFunc => "nofunc",
        AbstractHeap.NoExtern => "noextern",
        AbstractHeap.NoExn => "noexn",
        _ => throw new ArgumentOutOfRangeException(nameof(heap), heap, "unknown abstract heap type"),
    };

    private static string AbbreviatedRef(AbstractHeap heap) => heap switch
    {
        AbstractHeap.None => "nullref",
        AbstractHeap.NoFunc => "nullfuncref",
        AbstractHeap.NoExtern => "nullexternref",
        AbstractHeap.NoExn => "nullexnref",
        AbstractHeap.Func => "funcref",
        AbstractHeap.Extern => "externref",
        AbstractHeap.Any => "anyref",
        AbstractHeap.Eq => "eqref",
        AbstractHeap.I31 => "i31ref",
        AbstractHeap.Struct => "structref",
        AbstractHeap.Array => "arrayref",
        AbstractHeap.Exn => "exnref",
        _ => throw new ArgumentOutOfRangeException(nameof(heap), heap, "unknown abstract heap type"),
    };
}
