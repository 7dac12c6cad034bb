using System.Runtime.CompilerServices;
using Whamm.Wasm.Instructions;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Types;

namespace Whamm.Wasm.Validation;

public sealed partial class FunctionValidator
{
    /// <summary>
    /// Validates <paramref name="ins"/> and applies its effect to the stacks. Throws
    /// <see cref="Binary.WasmException"/> (at the instruction's file offset) when it is invalid.
    /// </summary>
    public void Step(in Instruction ins)
    {
        _offset = _base + ins.Offset;
        if (_frameCount == 0) throw Malformed("operators remaining after end of function");
        var info = ins.Opcode;
        if (_constMode) CheckConstOperator(in ins);
        var feature = info.Feature;
        if (feature != Feature.None && (_features & feature) != feature) throw Err($"{FeatureName(feature)} support is not enabled");
        var sig = Fixed[(int)info.Op];
        if (sig is not null) StepFixed(in ins, sig);
        else StepSpecial(in ins);
    }

    private static string FeatureName(Feature f) => f switch
    {
        Feature.Simd => "SIMD",
        Feature.RelaxedSimd => "relaxed SIMD",
        Feature.Threads => "threads",
        Feature.SaturatingFloatToInt => "saturating float to int conversions",
        Feature.ReferenceTypes => "reference types",
        Feature.BulkMemory => "bulk memory",
        Feature.SignExtension => "sign extension operations",
        Feature.Exceptions => "exceptions",
        Feature.TailCall => "tail calls",
        Feature.FunctionReferences => "function references",
        Feature.Gc => "gc",
        Feature.LegacyExceptions => "legacy exceptions",
        Feature.WideArithmetic => "wide arithmetic",
        Feature.MultiMemory => "multi-memory",
        Feature.Memory64 => "memory64",
        Feature.ExtendedConst => "extended const",
        _ => f.ToString(),
    };

    // ------------------------------------------------------------------ fixed signatures

    /// <summary>A row's fixed typing and the immediates that still need checking, decoded once.</summary>
    private sealed class FixedSig
    {
        public ValType[] Params = [];
        public ValType[] Results = [];
        public bool HasAddr;
        public bool MemArg;
        public bool Atomic;
        public uint Natural;
        public int Lanes;
        public int LaneSlot = -1;
        public bool Shuffle;
        public int DataSlot = -1;
        public int ElemSlot = -1;
        public int MemorySlot = -1;
    }

    private static readonly FixedSig?[] Fixed = BuildFixed();

    private static FixedSig?[] BuildFixed()
    {
        var all = OpcodeTable.All;
        var table = new FixedSig?[all.Count];
        foreach (var info in all)
        {
            if (info.Params is not { } ps || info.Results is not { } rs) continue;
            var sig = new FixedSig
            {
                Params = Array.ConvertAll(ps, ToValType),
                Results = Array.ConvertAll(rs, ToValType),
                Natural = (uint)info.NaturalAlignment,
                Atomic = info.Category == OpCategory.Atomic,
            };
            sig.HasAddr = Array.Exists(ps, k => k == OperandKind.Addr) || Array.Exists(rs, k => k == OperandKind.Addr);
            var slot = 0;
            var supported = true;
            foreach (var kind in info.Immediates)
            {
                switch (kind)
                {
                    case ImmKind.MemArg: sig.MemArg = true; break;
                    case ImmKind.Lane: sig.LaneSlot = slot++; break;
                    case ImmKind.Shuffle: sig.Shuffle = true; slot += 2; break;
                    case ImmKind.V128: slot += 2; break;
                    case ImmKind.I32 or ImmKind.I64 or ImmKind.F32 or ImmKind.F64 or ImmKind.U32: slot++; break;
                    case ImmKind.ZeroByte: break;
                    case ImmKind.Data: sig.DataSlot = slot++; break;
                    case ImmKind.Elem: sig.ElemSlot = slot++; break;
                    case ImmKind.Memory: sig.MemorySlot = slot++; break;
                    default: supported = false; break;
                }
            }
            if (!supported) continue; // typed by hand (or rejected) in StepSpecial
            if (sig.LaneSlot >= 0) sig.Lanes = LaneCount(info);
            table[(int)info.Op] = sig;
        }
        return table;
    }

    private static ValType ToValType(OperandKind k) => k switch
    {
        OperandKind.I32 => ValType.I32,
        OperandKind.I64 => ValType.I64,
        OperandKind.F32 => ValType.F32,
        OperandKind.F64 => ValType.F64,
        OperandKind.V128 => ValType.V128,
        _ => new ValType(AddrKind),
    };

    private static int LaneCount(OpcodeInfo info)
    {
        if (info.Has(ImmKind.MemArg) && info.MemorySize > 0) return 16 / info.MemorySize;
        var name = info.Name;
        if (name.StartsWith("i8x16", StringComparison.Ordinal)) return 16;
        if (name.StartsWith("i16x8", StringComparison.Ordinal)) return 8;
        if (name.StartsWith("i32x4", StringComparison.Ordinal) || name.StartsWith("f32x4", StringComparison.Ordinal)) return 4;
        if (name.StartsWith("i64x2", StringComparison.Ordinal) || name.StartsWith("f64x2", StringComparison.Ordinal)) return 2;
        return 16;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Slot(in Instruction ins, int slot) => slot switch
    {
        0 => ins.Imm0,
        1 => ins.Imm1,
        2 => ins.Imm2,
        _ => ins.Imm3,
    };

    private void StepFixed(in Instruction ins, FixedSig sig)
    {
        ValType addr = default;
        if (sig.MemArg) addr = CheckMemArg(ins.MemArg, sig.Natural, sig.Atomic);
        else if (sig.HasAddr) addr = MemoryIndexType(sig.MemorySlot >= 0 ? (uint)Slot(in ins, sig.MemorySlot) : 0);
        if (sig.LaneSlot >= 0 && Slot(in ins, sig.LaneSlot) >= (ulong)sig.Lanes) throw Err("SIMD index out of bounds");
        if (sig.Shuffle && !ShuffleLanesValid(ins.Imm0, ins.Imm1)) throw Err("SIMD index out of bounds");
        if (sig.DataSlot >= 0) CheckDataSegment((uint)Slot(in ins, sig.DataSlot));
        if (sig.ElemSlot >= 0) ElementType((uint)Slot(in ins, sig.ElemSlot));
        if (sig.MemorySlot >= 0 && !sig.HasAddr) MemoryIndexType((uint)Slot(in ins, sig.MemorySlot));
        var ps = sig.Params;
        for (var i = ps.Length - 1; i >= 0; i--)
        {
            var p = ps[i];
            Pop(p.Kind == AddrKind ? addr : p);
        }
        foreach (var r in sig.Results) Push(r.Kind == AddrKind ? addr : r);
    }

    private static bool ShuffleLanesValid(ulong lo, ulong hi)
    {
        const ulong mask = 0xE0E0E0E0E0E0E0E0UL; // any lane byte >= 32
        return (lo & mask) == 0 && (hi & mask) == 0;
    }

    // ------------------------------------------------------------------ module resources

    private ValType MemoryIndexType(uint memory)
    {
        var memories = _ctx.Memories;
        if (memory >= (uint)memories.Length) throw Err($"unknown memory {memory}");
        return memories[memory].IndexType;
    }

    private ValType CheckMemArg(MemArg m, uint natural, bool atomic)
    {
        if (atomic && m.Align != natural) throw Err("atomic instructions must always specify maximum alignment");
        var index = MemoryIndexType(m.Memory);
        if (!atomic && m.Align > natural) throw Err("invalid memop alignment: alignment must not be larger than natural");
        if (index.Kind == ValKind.I32 && m.Offset > uint.MaxValue) throw Err("offset out of range: must be <= 2**32");
        return index;
    }

    private void CheckDataSegment(uint index)
    {
        var count = _ctx.DataCount;
        if (count < 0) throw Err("data count section required");
        if (index >= (uint)count) throw Err($"unknown data segment {index}");
    }

    private ValType ElementType(uint index)
    {
        var types = _ctx.ElementTypes;
        if (index >= (uint)types.Length) throw Err($"unknown elem segment {index}: segment index out of bounds");
        return types[index];
    }

    private TableType TableAt(uint index)
    {
        var tables = _ctx.Tables;
        if (index >= (uint)tables.Length) throw Err($"unknown table {index}: table index out of bounds");
        return tables[index];
    }

    private GlobalType GlobalAt(uint index)
    {
        var globals = _ctx.Globals;
        var limit = _constMode ? (uint)_constGlobals : (uint)globals.Length;
        if (index >= limit || index >= (uint)globals.Length) throw Err("unknown global: global index out of bounds");
        return globals[index];
    }

    private SubType SubTypeAt(uint index)
    {
        var types = _ctx.Types;
        if (index >= (uint)types.Length) throw Err("unknown type: type index out of bounds");
        return types[index];
    }

    private FuncType FuncTypeAt(uint index)
    {
        var st = SubTypeAt(index);
        return st.Composite as FuncType ?? throw Err($"expected func type at index {index}, found {Fmt(st.Composite)}");
    }

    private StructType StructTypeAt(uint index)
    {
        var st = SubTypeAt(index);
        return st.Composite as StructType ?? throw Err($"expected struct type at index {index}, found {Fmt(st.Composite)}");
    }

    private FieldType StructFieldAt(uint type, uint field)
    {
        var s = StructTypeAt(type);
        if (field >= (uint)s.Fields.Length) throw Err("unknown field: field index out of bounds");
        return s.Fields[field];
    }

    private FieldType MutableStructFieldAt(uint type, uint field)
    {
        var f = StructFieldAt(type, field);
        if (!f.Mutable) throw Err("invalid struct modification: struct field is immutable");
        return f;
    }

    private FieldType ArrayTypeAt(uint index)
    {
        var st = SubTypeAt(index);
        return st.Composite is ArrayType a ? a.Element : throw Err($"expected array type at index {index}, found {Fmt(st.Composite)}");
    }

    private FieldType MutableArrayTypeAt(uint index)
    {
        var f = ArrayTypeAt(index);
        if (!f.Mutable) throw Err("invalid array modification: array is immutable");
        return f;
    }

    private FuncType TagAt(uint index)
    {
        var tags = _ctx.Tags;
        if (index >= (uint)tags.Length) throw Err($"unknown tag {index}: tag index out of bounds");
        var ft = _ctx.FuncTypes.Length > tags[index].TypeIndex ? _ctx.FuncTypes[tags[index].TypeIndex] : null;
        if (ft is null) throw Err($"unknown tag {index}: tag index out of bounds");
        if (ft.Results.Length != 0) throw Err("invalid exception type: non-empty tag result type");
        return ft;
    }

    private ValType ConcreteRef(uint typeIndex, bool nullable)
    {
        if (typeIndex >= (uint)_ctx.Types.Length) throw Err($"unknown type {typeIndex}: type index out of bounds");
        return ValType.Ref(HeapType.Index(typeIndex), nullable);
    }

    private void CheckValType(ValType t)
    {
        if (_ctx.CheckValType(t) is { } error) throw Err(error);
    }

    private void CheckHeapType(HeapType h)
    {
        if (_ctx.CheckHeapType(h) is { } error) throw Err(error);
    }

    private Sig BlockSig(BlockType bt)
    {
        switch (bt.Kind)
        {
            case BlockTypeKind.Empty: return default;
            case BlockTypeKind.Value:
                CheckValType(bt.Value);
                return new Sig { Shape = 1, Single = bt.Value };
            default:
                if ((_features & Feature.MultiValue) == 0)
                    throw Err("blocks, loops, and ifs may only produce a resulttype when multi-value is not enabled");
                return new Sig { Shape = 2, Func = FuncTypeAt(bt.TypeIndex) };
        }
    }

    private void PopParams(in Sig sig)
    {
        for (var i = sig.ParamCount - 1; i >= 0; i--) Pop(sig.Param(i));
    }

    private void CheckCall(FuncType ft)
    {
        var ps = ft.Params;
        for (var i = ps.Length - 1; i >= 0; i--) Pop(ps[i]);
        foreach (var r in ft.Results) Push(r);
    }

    private void CheckReturnCall(FuncType callee)
    {
        var n = _funcSig.ResultCount;
        var ok = callee.Results.Length == n;
        for (var i = 0; ok && i < n; i++) ok = _ctx.IsSubtype(callee.Results[i], _funcSig.Result(i));
        if (!ok)
        {
            var caller = new string[n];
            for (var i = 0; i < n; i++) caller[i] = Fmt(_funcSig.Result(i));
            throw Err($"type mismatch: current function requires result type [{string.Join(" ", caller)}] but callee returns [{string.Join(" ", Array.ConvertAll(callee.Results, Fmt))}]");
        }
        CheckCall(callee);
        CheckReturn();
    }

    private FuncType CheckCallIndirect(uint typeIndex, uint tableIndex)
    {
        var table = TableAt(tableIndex);
        if (!_ctx.IsSubtype(table.Element, ValType.FuncRef))
            throw Err("type mismatch: indirect calls must go through a table with type <= funcref");
        Pop(table.IndexType);
        return FuncTypeAt(typeIndex);
    }

    private FuncType CheckCallRef(uint typeIndex)
    {
        PopRef(ConcreteRef(typeIndex, true));
        return FuncTypeAt(typeIndex);
    }

    private ValType Downcast(HeapType heap, bool nullable)
    {
        CheckHeapType(heap);
        PopRef(ValType.Ref(_ctx.TopOf(heap), true));
        return ValType.Ref(heap, nullable);
    }

    // ------------------------------------------------------------------ constant expressions

    private void CheckConstOperator(in Instruction ins)
    {
        switch (ins.Op)
        {
            case Op.I32Const or Op.I64Const or Op.F32Const or Op.F64Const or Op.V128Const or Op.RefNull or Op.End:
                return;
            case Op.I32Add or Op.I32Sub or Op.I32Mul or Op.I64Add or Op.I64Sub or Op.I64Mul:
                if ((_features & Feature.ExtendedConst) == 0) break;
                return;
            case Op.StructNew or Op.StructNewDefault or Op.ArrayNew or Op.ArrayNewDefault or Op.ArrayNewFixed
                or Op.RefI31 or Op.ExternConvertAny or Op.AnyConvertExtern:
                if ((_features & Feature.Gc) == 0) break;
                return;
            case Op.RefFunc:
                return;
            case Op.GlobalGet:
            {
                var index = ins.Index;
                if (index >= (uint)_constGlobals) throw Err($"unknown global {index}: global index out of bounds");
                if (index >= (uint)_ctx.ImportedGlobals && (_features & Feature.Gc) == 0)
                    throw Err("constant expression required: global.get of locally defined global");
                if (_ctx.Globals[index].Mutable) throw Err("constant expression required: global.get of mutable global");
                return;
            }
        }
        throw Err($"constant expression required: non-constant operator: {ins.Opcode.Name}");
    }

    // ------------------------------------------------------------------ hand-typed instructions

    private void StepSpecial(in Instruction ins)
    {
        switch (ins.Op)
        {
            case Op.Unreachable:
                SetUnreachable();
                break;
            case Op.Block:
            {
                var sig = BlockSig(ins.BlockType);
                PopParams(sig);
                PushCtrl(FrameKind.Block, sig);
                break;
            }
            case Op.Loop:
            {
                var sig = BlockSig(ins.BlockType);
                PopParams(sig);
                PushCtrl(FrameKind.Loop, sig);
                break;
            }
            case Op.If:
            {
                var sig = BlockSig(ins.BlockType);
                Pop(ValType.I32);
                PopParams(sig);
                PushCtrl(FrameKind.If, sig);
                break;
            }
            case Op.Else:
            {
                // A structural (decoding) error, caught before the block's typing like Wasmtime's reader does.
                if (_frames[_frameCount - 1].Kind != FrameKind.If) throw Malformed("`else` found outside `If` block");
                var frame = PopCtrl();
                PushCtrl(FrameKind.Else, frame.Sig);
                break;
            }
            case Op.End:
            {
                var frame = PopCtrl();
                if (frame.Kind == FrameKind.If)
                {
                    PushCtrl(FrameKind.Else, frame.Sig);
                    frame = PopCtrl();
                }
                var n = frame.Sig.ResultCount;
                for (var i = 0; i < n; i++) Push(frame.Sig.Result(i));
                break;
            }
            case Op.Br:
            {
                var f = Jump(ins.Index);
                PopLabel(f);
                SetUnreachable();
                break;
            }
            case Op.BrIf:
            {
                Pop(ValType.I32);
                PopPushLabel(Jump(ins.Index));
                break;
            }
            case Op.BrTable:
                BrTable(ins.BrTableLabels);
                break;
            case Op.Return:
                CheckReturn();
                break;
            case Op.Call:
                CheckCall(FunctionType(ins.Index));
                break;
            case Op.ReturnCall:
                CheckReturnCall(FunctionType(ins.Index));
                break;
            case Op.CallIndirect:
                CheckCall(CheckCallIndirect((uint)ins.Imm0, (uint)ins.Imm1));
                break;
            case Op.ReturnCallIndirect:
                CheckReturnCall(CheckCallIndirect((uint)ins.Imm0, (uint)ins.Imm1));
                break;
            case Op.CallRef:
                CheckCall(CheckCallRef(ins.Index));
                break;
            case Op.ReturnCallRef:
                CheckReturnCall(CheckCallRef(ins.Index));
                break;
            case Op.Drop:
                PopAny();
                break;
            case Op.Select:
                Select();
                break;
            case Op.SelectTyped:
            {
                var types = ins.SelectTypes;
                if (types.Length != 1) throw Err("invalid result arity");
                var t = types[0];
                CheckValType(t);
                Pop(ValType.I32);
                Pop(t);
                Pop(t);
                Push(t);
                break;
            }
            case Op.LocalGet:
            {
                var t = Local(ins.Index);
                if (IsUninit(ins.Index)) throw Err($"uninitialized local: {ins.Index}");
                Push(t);
                break;
            }
            case Op.LocalSet:
            {
                var t = Local(ins.Index);
                Pop(t);
                SetInit(ins.Index);
                break;
            }
            case Op.LocalTee:
            {
                var t = Local(ins.Index);
                Pop(t);
                SetInit(ins.Index);
                Push(t);
                break;
            }
            case Op.GlobalGet:
                Push(GlobalAt(ins.Index).Type);
                break;
            case Op.GlobalSet:
            {
                var g = GlobalAt(ins.Index);
                if (!g.Mutable) throw Err("global is immutable: cannot modify it with `global.set`");
                Pop(g.Type);
                break;
            }
            case Op.MemorySize:
                Push(MemoryIndexType(ins.Index));
                break;
            case Op.MemoryGrow:
            {
                var t = MemoryIndexType(ins.Index);
                Pop(t);
                Push(t);
                break;
            }
            case Op.MemoryInit:
            {
                var t = MemoryIndexType((uint)ins.Imm1);
                CheckDataSegment((uint)ins.Imm0);
                Pop(ValType.I32);
                Pop(ValType.I32);
                Pop(t);
                break;
            }
            case Op.MemoryCopy:
            {
                var dst = MemoryIndexType((uint)ins.Imm0);
                var src = MemoryIndexType((uint)ins.Imm1);
                Pop(src.Kind == ValKind.I32 ? ValType.I32 : dst);
                Pop(src);
                Pop(dst);
                break;
            }
            case Op.MemoryFill:
            {
                var t = MemoryIndexType(ins.Index);
                Pop(t);
                Pop(ValType.I32);
                Pop(t);
                break;
            }
            case Op.TableInit:
            {
                var table = TableAt((uint)ins.Imm1);
                var segment = ElementType((uint)ins.Imm0);
                if (!_ctx.IsSubtype(segment, table.Element)) throw Err("type mismatch");
                Pop(ValType.I32);
                Pop(ValType.I32);
                Pop(table.IndexType);
                break;
            }
            case Op.TableCopy:
            {
                var src = TableAt((uint)ins.Imm1);
                var dst = TableAt((uint)ins.Imm0);
                if (!_ctx.IsSubtype(src.Element, dst.Element)) throw Err("type mismatch");
                Pop(src.IndexType.Kind == ValKind.I32 ? ValType.I32 : dst.IndexType);
                Pop(src.IndexType);
                Pop(dst.IndexType);
                break;
            }
            case Op.TableGet:
            {
                var table = TableAt(ins.Index);
                Pop(table.IndexType);
                Push(table.Element);
                break;
            }
            case Op.TableSet:
            {
                var table = TableAt(ins.Index);
                Pop(table.Element);
                Pop(table.IndexType);
                break;
            }
            case Op.TableGrow:
            {
                var table = TableAt(ins.Index);
                Pop(table.IndexType);
                Pop(table.Element);
                Push(table.IndexType);
                break;
            }
            case Op.TableSize:
                Push(TableAt(ins.Index).IndexType);
                break;
            case Op.TableFill:
            {
                var table = TableAt(ins.Index);
                Pop(table.IndexType);
                Pop(table.Element);
                Pop(table.IndexType);
                break;
            }
            case Op.RefNull:
            {
                var heap = ins.HeapAt(0);
                CheckHeapType(heap);
                Push(ValType.Ref(heap, true));
                break;
            }
            case Op.RefIsNull:
                PopRef();
                Push(ValType.I32);
                break;
            case Op.RefFunc:
            {
                var f = ins.Index;
                if (f >= (uint)_ctx.FunctionTypes.Length) throw Err($"unknown function {f}: function index out of bounds");
                if (!_ctx.IsDeclared(f)) throw Err("undeclared function reference");
                Push(ConcreteRef(_ctx.FunctionTypes[f], false));
                break;
            }
            case Op.RefAsNonNull:
                Push(AsNonNull(PopRef()));
                break;
            case Op.RefEq:
                PopAbstractRef(AbstractHeap.Eq);
                PopAbstractRef(AbstractHeap.Eq);
                Push(ValType.I32);
                break;
            case Op.BrOnNull:
            {
                var r = AsNonNull(PopRef());
                PopPushLabel(Jump(ins.Index));
                Push(r);
                break;
            }
            case Op.BrOnNonNull:
            {
                var f = Jump(ins.Index);
                var n = _frames[f].LabelCount;
                if (n == 0) throw Err("type mismatch: br_on_non_null target has no label types");
                var last = _frames[f].Label(n - 1);
                if (last.Kind != ValKind.Ref) throw Err("type mismatch: br_on_non_null target does not end with heap type");
                PopRef(ValType.Ref(last.Heap, true));
                PopPushLabel(f, 1);
                break;
            }
            case Op.Throw:
            {
                var tag = TagAt(ins.Index);
                var ps = tag.Params;
                for (var i = ps.Length - 1; i >= 0; i--) Pop(ps[i]);
                SetUnreachable();
                break;
            }
            case Op.ThrowRef:
                Pop(ValType.ExnRef);
                SetUnreachable();
                break;
            case Op.TryTable:
                TryTable(in ins);
                break;
            case Op.Try:
            {
                var sig = BlockSig(ins.BlockType);
                PopParams(sig);
                PushCtrl(FrameKind.LegacyTry, sig);
                break;
            }
            case Op.Catch:
            {
                if (_frames[_frameCount - 1].Kind is not (FrameKind.LegacyTry or FrameKind.LegacyCatch))
                    throw Malformed("`catch` found outside `Try` block");
                var frame = PopCtrl();
                PushFrame(FrameKind.LegacyCatch, frame.Sig);
                foreach (var p in TagAt(ins.Index).Params) Push(p);
                break;
            }
            case Op.CatchAll:
            {
                var kind = _frames[_frameCount - 1].Kind;
                if (kind == FrameKind.LegacyCatchAll) throw Malformed("only one catch_all allowed per `try` block");
                if (kind is not (FrameKind.LegacyTry or FrameKind.LegacyCatch)) throw Malformed("`catch_all` found outside `Try` block");
                var frame = PopCtrl();
                PushFrame(FrameKind.LegacyCatchAll, frame.Sig);
                break;
            }
            case Op.Rethrow:
            {
                var f = Jump(ins.Index);
                if (_frames[f].Kind is not (FrameKind.LegacyCatch or FrameKind.LegacyCatchAll))
                    throw Err("invalid rethrow label: target was not a `catch` block");
                SetUnreachable();
                break;
            }
            case Op.Delegate:
            {
                if (_frames[_frameCount - 1].Kind != FrameKind.LegacyTry) throw Malformed("`delegate` found outside `Try` block");
                var frame = PopCtrl();
                Jump(ins.Index);
                var n = frame.Sig.ResultCount;
                for (var i = 0; i < n; i++) Push(frame.Sig.Result(i));
                break;
            }
            default:
                StepGc(in ins);
                break;
        }
    }

    private FuncType FunctionType(uint funcIndex)
    {
        if (funcIndex >= (uint)_ctx.FunctionTypes.Length) throw Err($"unknown function {funcIndex}: function index out of bounds");
        return FuncTypeAt(_ctx.FunctionTypes[funcIndex]);
    }

    private void Select()
    {
        Pop(ValType.I32);
        var a = PopAny();
        var b = PopAny();
        if (a.Kind is ValKind.Ref or UnknownRefKind || b.Kind is ValKind.Ref or UnknownRefKind)
            throw Err("type mismatch: select only takes integral types");
        if (a.Kind == 0)
        {
            Push(b);
            return;
        }
        if (b.Kind != 0 && a.Kind != b.Kind) throw Err("type mismatch: select operands have different types");
        Push(a);
    }

    private void BrTable(uint[] labels)
    {
        Pop(ValType.I32);
        var def = Jump(labels[^1]);
        var arity = _frames[def].LabelCount;
        for (var k = 0; k < labels.Length - 1; k++)
        {
            var f = Jump(labels[k]);
            var n = _frames[f].LabelCount;
            if (n != arity) throw Err("type mismatch: br_table target labels have different number of types");
            MatchStackOperands(f);
        }
        for (var i = arity - 1; i >= 0; i--) Pop(_frames[def].Label(i));
        SetUnreachable();
    }

    /// <summary>Pops the label types of frame <paramref name="f"/> and pushes back what was actually popped.</summary>
    private void MatchStackOperands(int f)
    {
        var n = _frames[f].LabelCount;
        if (n == 0) return;
        Span<ValType> popped = n <= 16 ? stackalloc ValType[n] : new ValType[n];
        for (var i = n - 1; i >= 0; i--) popped[i] = Pop(_frames[f].Label(i));
        for (var i = 0; i < n; i++) Push(popped[i]);
    }

    private void TryTable(in Instruction ins)
    {
        var sig = BlockSig(ins.BlockType);
        PopParams(sig);
        var catches = ins.Catches;
        if (catches.Length > ValidationLimits.MaxCatches) throw Malformed("catches size is out of bounds");
        foreach (var c in catches)
        {
            switch (c.Kind)
            {
                case CatchKind.Catch:
                {
                    var tag = TagAt(c.Tag);
                    var f = Jump(c.Label);
                    var n = _frames[f].LabelCount;
                    if (tag.Params.Length != n) throw Err("type mismatch: catch label must have same number of types as tag");
                    for (var i = 0; i < n; i++) MatchOperand(tag.Params[i], _frames[f].Label(i));
                    break;
                }
                case CatchKind.CatchRef:
                {
                    var tag = TagAt(c.Tag);
                    var f = Jump(c.Label);
                    var n = _frames[f].LabelCount;
                    if (tag.Params.Length + 1 != n) throw Err("type mismatch: catch_ref label must have one more type than tag types");
                    for (var i = 0; i < n; i++) MatchOperand(i < tag.Params.Length ? tag.Params[i] : ValType.Ref(HeapType.Exn, false), _frames[f].Label(i));
                    break;
                }
                case CatchKind.CatchAll:
                {
                    var f = Jump(c.Label);
                    if (_frames[f].LabelCount != 0) throw Err("type mismatch: catch_all label must have no result types");
                    break;
                }
                default:
                {
                    var f = Jump(c.Label);
                    if (_frames[f].LabelCount != 1) throw Err("type mismatch: catch_all_ref label must have exactly one result type");
                    if (!_ctx.IsSubtype(ValType.Ref(HeapType.Exn, false), _frames[f].Label(0)))
                        throw Err("type mismatch: catch_all_ref label must a subtype of (ref exn)");
                    break;
                }
            }
        }
        PushCtrl(FrameKind.TryTable, sig);
    }

    private void MatchOperand(ValType actual, ValType expected)
    {
        Push(actual);
        Pop(expected);
    }
}
