using Whamm.Wasm.Instructions;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Types;

namespace Whamm.Wasm.Validation;

public sealed partial class FunctionValidator
{
    private void StepGc(in Instruction ins)
    {
        switch (ins.Op)
        {
            case Op.StructNew:
            {
                var s = StructTypeAt(ins.Index);
                for (var i = s.Fields.Length - 1; i >= 0; i--) Pop(s.Fields[i].Storage.Unpacked);
                Push(ConcreteRef(ins.Index, false));
                break;
            }
            case Op.StructNewDefault:
            {
                var s = StructTypeAt(ins.Index);
                foreach (var f in s.Fields)
                {
                    var t = f.Storage.Unpacked;
                    if (!t.IsDefaultable) throw Err($"invalid `struct.new_default`: {Fmt(t)} field is not defaultable");
                }
                Push(ConcreteRef(ins.Index, false));
                break;
            }
            case Op.StructGet:
            {
                var f = StructFieldAt((uint)ins.Imm0, (uint)ins.Imm1);
                if (f.Storage.IsPacked) throw Err("can only use struct `get` with non-packed storage types");
                Pop(ConcreteRef((uint)ins.Imm0, true));
                Push(f.Storage);
                break;
            }
            case Op.StructGetS or Op.StructGetU:
            {
                var f = StructFieldAt((uint)ins.Imm0, (uint)ins.Imm1);
                if (!f.Storage.IsPacked)
                    throw Err($"cannot use {ins.Opcode.Name} with non-packed storage types");
                Pop(ConcreteRef((uint)ins.Imm0, true));
                Push(ValType.I32);
                break;
            }
            case Op.StructSet:
            {
                var f = MutableStructFieldAt((uint)ins.Imm0, (uint)ins.Imm1);
                Pop(f.Storage.Unpacked);
                Pop(ConcreteRef((uint)ins.Imm0, true));
                break;
            }
            case Op.ArrayNew:
            {
                var e = ArrayTypeAt(ins.Index);
                Pop(ValType.I32);
                Pop(e.Storage.Unpacked);
                Push(ConcreteRef(ins.Index, false));
                break;
            }
            case Op.ArrayNewDefault:
            {
                var e = ArrayTypeAt(ins.Index);
                var t = e.Storage.Unpacked;
                if (!t.IsDefaultable) throw Err($"invalid `array.new_default`: {Fmt(t)} field is not defaultable");
                Pop(ValType.I32);
                Push(ConcreteRef(ins.Index, false));
                break;
            }
            case Op.ArrayNewFixed:
            {
                var e = ArrayTypeAt((uint)ins.Imm0);
                PopMany(e.Storage.Unpacked, (uint)ins.Imm1);
                Push(ConcreteRef((uint)ins.Imm0, false));
                break;
            }
            case Op.ArrayNewData:
            {
                var e = ArrayTypeAt((uint)ins.Imm0);
                if (e.Storage.Unpacked.IsRef)
                    throw Err("type mismatch: array.new_data can only create arrays with numeric and vector elements");
                CheckDataSegment((uint)ins.Imm1);
                Pop(ValType.I32);
                Pop(ValType.I32);
                Push(ConcreteRef((uint)ins.Imm0, false));
                break;
            }
            case Op.ArrayNewElem:
            {
                var e = ArrayTypeAt((uint)ins.Imm0);
                CheckArrayElem(e, (uint)ins.Imm1, ins.Opcode.Name, "create arrays");
                Pop(ValType.I32);
                Pop(ValType.I32);
                Push(ConcreteRef((uint)ins.Imm0, false));
                break;
            }
            case Op.ArrayGet:
            {
                var e = ArrayTypeAt(ins.Index);
                if (e.Storage.IsPacked) throw Err("cannot use array.get with packed storage types");
                Pop(ValType.I32);
                Pop(ConcreteRef(ins.Index, true));
                Push(e.Storage);
                break;
            }
            case Op.ArrayGetS or Op.ArrayGetU:
            {
                var e = ArrayTypeAt(ins.Index);
                if (!e.Storage.IsPacked) throw Err($"cannot use {ins.Opcode.Name} with non-packed storage types");
                Pop(ValType.I32);
                Pop(ConcreteRef(ins.Index, true));
                Push(ValType.I32);
                break;
            }
            case Op.ArraySet:
            {
                var e = MutableArrayTypeAt(ins.Index);
                Pop(e.Storage.Unpacked);
                Pop(ValType.I32);
                Pop(ConcreteRef(ins.Index, true));
                break;
            }
            case Op.ArrayLen:
                PopAbstractRef(AbstractHeap.Array);
                Push(ValType.I32);
                break;
            case Op.ArrayFill:
            {
                var e = MutableArrayTypeAt(ins.Index);
                Pop(ValType.I32);
                Pop(e.Storage.Unpacked);
                Pop(ValType.I32);
                Pop(ConcreteRef(ins.Index, true));
                break;
            }
            case Op.ArrayCopy:
            {
                var dst = MutableArrayTypeAt((uint)ins.Imm0);
                var src = ArrayTypeAt((uint)ins.Imm1);
                var ok = dst.Storage.IsPacked || src.Storage.IsPacked
                    ? dst.Storage.Kind == src.Storage.Kind
                    : _ctx.IsSubtype(src.Storage, dst.Storage);
                if (!ok) throw Err($"array types do not match: expected {Fmt(dst.Storage)}, found {Fmt(src.Storage)}");
                Pop(ValType.I32);
                Pop(ValType.I32);
                Pop(ConcreteRef((uint)ins.Imm1, true));
                Pop(ValType.I32);
                Pop(ConcreteRef((uint)ins.Imm0, true));
                break;
            }
            case Op.ArrayInitData:
            {
                var e = MutableArrayTypeAt((uint)ins.Imm0);
                if (e.Storage.Unpacked.IsRef) throw Err("invalid array.init_data: array type is not numeric or vector");
                CheckDataSegment((uint)ins.Imm1);
                Pop(ValType.I32);
                Pop(ValType.I32);
                Pop(ValType.I32);
                Pop(ConcreteRef((uint)ins.Imm0, true));
                break;
            }
            case Op.ArrayInitElem:
            {
                var e = MutableArrayTypeAt((uint)ins.Imm0);
                CheckArrayElem(e, (uint)ins.Imm1, ins.Opcode.Name, "create arrays");
                Pop(ValType.I32);
                Pop(ValType.I32);
                Pop(ValType.I32);
                Pop(ConcreteRef((uint)ins.Imm0, true));
                break;
            }
            case Op.RefTest or Op.RefTestNull:
                Downcast(ins.HeapAt(0), ins.Op == Op.RefTestNull);
                Push(ValType.I32);
                break;
            case Op.RefCast or Op.RefCastNull:
                Push(Downcast(ins.HeapAt(0), ins.Op == Op.RefCastNull));
                break;
            case Op.BrOnCast or Op.BrOnCastFail:
                BrOnCast(in ins, ins.Op == Op.BrOnCastFail);
                break;
            case Op.AnyConvertExtern:
            {
                var t = PopAbstractRef(AbstractHeap.Extern);
                Push(t.Kind == ValKind.Ref ? ValType.Ref(HeapType.Any, t.Nullable) : UnknownRef(AbstractHeap.Any));
                break;
            }
            case Op.ExternConvertAny:
            {
                var t = PopAbstractRef(AbstractHeap.Any);
                Push(t.Kind == ValKind.Ref ? ValType.Ref(HeapType.Extern, t.Nullable) : UnknownRef(AbstractHeap.Extern));
                break;
            }
            case Op.RefI31:
                Pop(ValType.I32);
                Push(ValType.Ref(HeapType.I31, false));
                break;
            case Op.I31GetS or Op.I31GetU:
                PopAbstractRef(AbstractHeap.I31);
                Push(ValType.I32);
                break;
            default:
                throw Err($"validation of {ins.Opcode.Name} is not implemented");
        }
    }

    private void CheckArrayElem(FieldType array, uint segment, string name, string what)
    {
        var t = array.Storage.Unpacked;
        if (!t.IsRef) throw Err($"type mismatch: {name} can only {what} with reference elements");
        var e = ElementType(segment);
        if (!_ctx.IsSubtype(e, t))
            throw Err($"invalid {name} instruction: element segment {segment} type mismatch: expected {Fmt(t)}, found {Fmt(e)}");
    }

    private void BrOnCast(in Instruction ins, bool fail)
    {
        var flags = ins.Imm0;
        if (flags > 3) throw Malformed($"invalid br_on_cast flag byte: 0x{flags:x2}");
        var fromHeap = ins.HeapAt(2);
        var toHeap = ins.HeapAt(3);
        CheckHeapType(fromHeap);
        CheckHeapType(toHeap);
        var from = ValType.Ref(fromHeap, (flags & 1) != 0);
        var to = ValType.Ref(toHeap, (flags & 2) != 0);
        if (!_ctx.IsSubtype(to, from)) throw Err($"type mismatch: expected {Fmt(from)}, found {Fmt(to)}");
        var f = Jump((uint)ins.Imm1);
        var n = _frames[f].LabelCount;
        var diff = ValType.Ref(fromHeap, from.Nullable && !to.Nullable);
        if (n == 0)
        {
            throw Err(fail
                ? "type mismatch: expected a reference type, found nothing"
                : "type mismatch: br_on_cast to label with empty types, must have a reference type");
        }
        var label = _frames[f].Label(n - 1);
        if (!fail)
        {
            if (!_ctx.IsSubtype(to, label))
                throw Err($"type mismatch: casting to type {Fmt(to)}, but it does not match label result type {Fmt(label)}");
        }
        else if (!_ctx.IsSubtype(diff, label))
        {
            throw Err($"type mismatch: expected label result type {Fmt(label)}, found {Fmt(diff)}");
        }
        Pop(from);
        PopPushLabel(f, 1);
        Push(fail ? to : diff);
    }
}
