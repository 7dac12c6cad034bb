using Whamm.Wasm.Binary;
using Whamm.Wasm.Instructions;
using Whamm.Wasm.Model;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Types;

namespace Whamm.Wasm.Editing;

/// <summary>
/// A typed instruction emitter (in the spirit of binaryen's <c>wasm-builder.h</c> and Cecil's <c>ILProcessor</c>):
/// <c>b.LocalGet(0).I32Const(1).I32Add().Call(f)</c>. Opcodes are named by <see cref="Op"/> and encoded through the
/// opcode table; immediates are checked against the row's immediate kinds, so no caller ever spells an opcode
/// byte. The result is an encoded instruction sequence for <see cref="BodyEditor"/>, a function body
/// (<see cref="ToFunctionBody"/>) or a constant expression (<see cref="ToConstExpr"/>). Reusable after
/// <see cref="Clear"/>; not thread-safe.
/// </summary>
public sealed class InstructionBuilder
{
    private readonly WasmWriter _w;

    /// <summary>An empty builder.</summary>
    public InstructionBuilder(int capacity = 64) => _w = new WasmWriter(capacity);

    /// <summary>The encoded instructions so far.</summary>
    public ReadOnlySpan<byte> Bytes => _w.WrittenSpan;

    /// <summary>Encoded length in bytes.</summary>
    public int Length => _w.Length;

    /// <summary>Structured instructions (block, loop, if, try, try_table) opened and not yet closed by <c>end</c>.</summary>
    public int Depth { get; private set; }

    /// <summary>Forgets everything emitted.</summary>
    public InstructionBuilder Clear()
    {
        _w.Clear();
        Depth = 0;
        return this;
    }

    /// <summary>A copy of the encoded instructions.</summary>
    public byte[] ToArray() => _w.ToArray();

    /// <summary>The instructions followed by <c>end</c>, as a constant expression. Blocks must be closed.</summary>
    public ConstExpr ToConstExpr()
    {
        RequireBalanced("a constant expression");
        var w = new WasmWriter(Length + 1);
        w.WriteBytes(Bytes);
        InstructionWriter.WriteOpcode(w, OpcodeTable.Get(Op.End));
        return new ConstExpr(w.ToArray());
    }

    /// <summary>A function body: the locals header (adjacent runs of one type merged), the instructions and the final <c>end</c>.</summary>
    public FunctionBody ToFunctionBody(IEnumerable<ValType>? locals = null)
    {
        RequireBalanced("a function body");
        var w = new WasmWriter(Length + 16);
        Reencoder.WriteLocals(w, (locals ?? []).Select(t => new LocalDecl(1, t)));
        w.WriteBytes(Bytes);
        InstructionWriter.WriteOpcode(w, OpcodeTable.Get(Op.End));
        return new FunctionBody(w.ToArray());
    }

    private void RequireBalanced(string what)
    {
        if (Depth != 0) throw new InvalidOperationException($"{what} needs every block closed: {Depth} still open");
    }

    // ---- generic emitters, checked against the opcode table ----

    /// <summary>An instruction without immediates.</summary>
    public InstructionBuilder Emit(Op op)
    {
        var info = Row(op, 0);
        InstructionWriter.WriteOpcode(_w, info);
        Track(op);
        return this;
    }

    /// <summary>An instruction with one index-like immediate (function, local, global, label, table, memory, type, tag, segment, field or count).</summary>
    public InstructionBuilder Emit(Op op, uint immediate)
    {
        var info = Row(op, 1);
        RequireU32(info, 0);
        InstructionWriter.WriteOpcode(_w, info);
        _w.WriteU32(immediate);
        Track(op);
        return this;
    }

    /// <summary>An instruction with two index-like immediates (e.g. <c>call_indirect type table</c>, <c>memory.copy dst src</c>, <c>struct.get type field</c>).</summary>
    public InstructionBuilder Emit(Op op, uint first, uint second)
    {
        var info = Row(op, 2);
        RequireU32(info, 0);
        RequireU32(info, 1);
        InstructionWriter.WriteOpcode(_w, info);
        _w.WriteU32(first);
        _w.WriteU32(second);
        return this;
    }

    /// <summary>A memory access with its memarg.</summary>
    public InstructionBuilder Emit(Op op, MemArg memArg)
    {
        var info = Row(op, 1);
        Require(info, 0, ImmKind.MemArg);
        InstructionWriter.WriteOpcode(_w, info);
        InstructionWriter.WriteMemArg(_w, memArg);
        return this;
    }

    /// <summary>A SIMD lane access with its memarg and lane.</summary>
    public InstructionBuilder Emit(Op op, MemArg memArg, byte lane)
    {
        var info = Row(op, 2);
        Require(info, 0, ImmKind.MemArg);
        Require(info, 1, ImmKind.Lane);
        InstructionWriter.WriteOpcode(_w, info);
        InstructionWriter.WriteMemArg(_w, memArg);
        _w.WriteByte(lane);
        return this;
    }

    /// <summary>A structured instruction (block, loop, if, try) opening a block of <paramref name="type"/>.</summary>
    public InstructionBuilder Emit(Op op, BlockType type)
    {
        var info = Row(op, 1);
        Require(info, 0, ImmKind.BlockType);
        InstructionWriter.WriteOpcode(_w, info);
        InstructionWriter.WriteBlockType(_w, type);
        Track(op);
        return this;
    }

    /// <summary>Any instruction, given as a decoded/constructed <see cref="Instruction"/> (its immediates in the table's slots).</summary>
    public InstructionBuilder Emit(in Instruction instruction)
    {
        InstructionWriter.Write(_w, instruction);
        Track(instruction.Op);
        return this;
    }

    /// <summary>Appends another builder's instructions.</summary>
    public InstructionBuilder Append(InstructionBuilder other)
    {
        _w.WriteBytes(other.Bytes);
        Depth += other.Depth;
        return this;
    }

    /// <summary>
    /// Appends instructions that are already encoded, e.g. an original instruction's bytes copied from a body
    /// (<c>body.Bytes[ins.Offset..(ins.Offset + ins.Length)]</c>). Not for hand-written opcode bytes.
    /// </summary>
    public InstructionBuilder AppendEncoded(ReadOnlySpan<byte> encoded)
    {
        _w.WriteBytes(encoded);
        return this;
    }

    private static OpcodeInfo Row(Op op, int immediates)
    {
        var info = OpcodeTable.Get(op);
        if (info.Immediates.Count != immediates)
            throw new ArgumentException($"{info.Name} takes {info.Immediates.Count} immediate(s) ({string.Join(", ", info.Immediates)}), not {immediates}", nameof(op));
        return info;
    }

    private static void Require(OpcodeInfo info, int i, ImmKind kind)
    {
        if (info.Immediates[i] != kind)
            throw new ArgumentException($"{info.Name}'s immediate {i} is a {info.Immediates[i]}, not a {kind}");
    }

    private static void RequireU32(OpcodeInfo info, int i)
    {
        if (!ImmKinds.IsIndex(info.Immediates[i]))
            throw new ArgumentException($"{info.Name}'s immediate {i} is a {info.Immediates[i]}, not an index");
    }

    private void Track(Op op)
    {
        switch (op)
        {
            case Op.Block or Op.Loop or Op.If or Op.Try or Op.TryTable: Depth++; break;
            case Op.End: Depth--; break;
        }
    }

    /// <summary>The memarg with <paramref name="op"/>'s natural alignment.</summary>
    public static MemArg Natural(Op op, ulong offset = 0, uint memory = 0) =>
        new((uint)OpcodeTable.Get(op).NaturalAlignment, memory, offset);

    // ---- control ----
#pragma warning disable CS1591 // the helpers are named after their instructions
    public InstructionBuilder Unreachable() => Emit(Op.Unreachable);
    public InstructionBuilder Nop() => Emit(Op.Nop);
    public InstructionBuilder Block(BlockType type) => Emit(Op.Block, type);
    public InstructionBuilder Loop(BlockType type) => Emit(Op.Loop, type);
    public InstructionBuilder If(BlockType type) => Emit(Op.If, type);
    public InstructionBuilder Else() => Emit(Op.Else);
    public InstructionBuilder End() => Emit(Op.End);

    /// <summary><c>block</c>, the instructions <paramref name="body"/> emits, <c>end</c>.</summary>
    public InstructionBuilder Block(BlockType type, Action<InstructionBuilder> body) => Structured(Op.Block, type, body);

    /// <summary><c>loop</c>, the instructions <paramref name="body"/> emits, <c>end</c>.</summary>
    public InstructionBuilder Loop(BlockType type, Action<InstructionBuilder> body) => Structured(Op.Loop, type, body);

    /// <summary><c>if</c>, then-arm, optional <c>else</c> arm, <c>end</c>.</summary>
    public InstructionBuilder If(BlockType type, Action<InstructionBuilder> then, Action<InstructionBuilder>? @else = null)
    {
        var depth = Depth;
        Emit(Op.If, type);
        then(this);
        if (@else is not null)
        {
            Emit(Op.Else);
            @else(this);
        }
        Emit(Op.End);
        if (Depth != depth) throw new InvalidOperationException("the arms of if left blocks open");
        return this;
    }

    private InstructionBuilder Structured(Op op, BlockType type, Action<InstructionBuilder> body)
    {
        var depth = Depth;
        Emit(op, type);
        body(this);
        Emit(Op.End);
        if (Depth != depth) throw new InvalidOperationException($"the body of {OpcodeTable.Get(op).Name} left blocks open");
        return this;
    }

    public InstructionBuilder Br(uint depth) => Emit(Op.Br, depth);
    public InstructionBuilder BrIf(uint depth) => Emit(Op.BrIf, depth);

    /// <summary><c>br_table</c> with <paramref name="labels"/> and the default label.</summary>
    public InstructionBuilder BrTable(ReadOnlySpan<uint> labels, uint defaultLabel)
    {
        var info = Row(Op.BrTable, 1);
        InstructionWriter.WriteOpcode(_w, info);
        _w.WriteU32((uint)labels.Length);
        foreach (var l in labels) _w.WriteU32(l);
        _w.WriteU32(defaultLabel);
        return this;
    }

    public InstructionBuilder Return() => Emit(Op.Return);
    public InstructionBuilder Call(uint function) => Emit(Op.Call, function);
    public InstructionBuilder CallIndirect(uint typeIndex, uint table = 0) => Emit(Op.CallIndirect, typeIndex, table);
    public InstructionBuilder ReturnCall(uint function) => Emit(Op.ReturnCall, function);
    public InstructionBuilder CallRef(uint typeIndex) => Emit(Op.CallRef, typeIndex);
    public InstructionBuilder Throw(uint tag) => Emit(Op.Throw, tag);
    public InstructionBuilder Drop() => Emit(Op.Drop);
    public InstructionBuilder Select() => Emit(Op.Select);

    /// <summary>Typed <c>select</c>.</summary>
    public InstructionBuilder Select(ValType type)
    {
        var info = Row(Op.SelectTyped, 1);
        InstructionWriter.WriteOpcode(_w, info);
        _w.WriteU32(1);
        _w.WriteValType(type);
        return this;
    }

    // ---- variables ----
    public InstructionBuilder LocalGet(uint local) => Emit(Op.LocalGet, local);
    public InstructionBuilder LocalSet(uint local) => Emit(Op.LocalSet, local);
    public InstructionBuilder LocalTee(uint local) => Emit(Op.LocalTee, local);
    public InstructionBuilder GlobalGet(uint global) => Emit(Op.GlobalGet, global);
    public InstructionBuilder GlobalSet(uint global) => Emit(Op.GlobalSet, global);

    // ---- tables and references ----
    public InstructionBuilder TableGet(uint table) => Emit(Op.TableGet, table);
    public InstructionBuilder TableSet(uint table) => Emit(Op.TableSet, table);
    public InstructionBuilder TableSize(uint table) => Emit(Op.TableSize, table);
    public InstructionBuilder TableGrow(uint table) => Emit(Op.TableGrow, table);
    public InstructionBuilder RefFunc(uint function) => Emit(Op.RefFunc, function);
    public InstructionBuilder RefIsNull() => Emit(Op.RefIsNull);

    /// <summary><c>ref.null</c> of <paramref name="heap"/>.</summary>
    public InstructionBuilder RefNull(HeapType heap)
    {
        var info = Row(Op.RefNull, 1);
        InstructionWriter.WriteOpcode(_w, info);
        _w.WriteHeapType(heap);
        return this;
    }

    // ---- memory ----
    public InstructionBuilder I32Load(ulong offset = 0, uint memory = 0) => Emit(Op.I32Load, Natural(Op.I32Load, offset, memory));
    public InstructionBuilder I64Load(ulong offset = 0, uint memory = 0) => Emit(Op.I64Load, Natural(Op.I64Load, offset, memory));
    public InstructionBuilder I32Load8U(ulong offset = 0, uint memory = 0) => Emit(Op.I32Load8U, Natural(Op.I32Load8U, offset, memory));
    public InstructionBuilder I32Store(ulong offset = 0, uint memory = 0) => Emit(Op.I32Store, Natural(Op.I32Store, offset, memory));
    public InstructionBuilder I64Store(ulong offset = 0, uint memory = 0) => Emit(Op.I64Store, Natural(Op.I64Store, offset, memory));
    public InstructionBuilder I32Store8(ulong offset = 0, uint memory = 0) => Emit(Op.I32Store8, Natural(Op.I32Store8, offset, memory));
    public InstructionBuilder MemorySize(uint memory = 0) => Emit(Op.MemorySize, memory);
    public InstructionBuilder MemoryGrow(uint memory = 0) => Emit(Op.MemoryGrow, memory);
    public InstructionBuilder MemoryFill(uint memory = 0) => Emit(Op.MemoryFill, memory);
    public InstructionBuilder MemoryCopy(uint destination = 0, uint source = 0) => Emit(Op.MemoryCopy, destination, source);

    // ---- constants ----
    public InstructionBuilder I32Const(int value)
    {
        InstructionWriter.WriteOpcode(_w, OpcodeTable.Get(Op.I32Const));
        _w.WriteS32(value);
        return this;
    }

    public InstructionBuilder I64Const(long value)
    {
        InstructionWriter.WriteOpcode(_w, OpcodeTable.Get(Op.I64Const));
        _w.WriteS64(value);
        return this;
    }

    public InstructionBuilder F32Const(float value)
    {
        InstructionWriter.WriteOpcode(_w, OpcodeTable.Get(Op.F32Const));
        _w.WriteF32Bits(BitConverter.SingleToUInt32Bits(value));
        return this;
    }

    public InstructionBuilder F64Const(double value)
    {
        InstructionWriter.WriteOpcode(_w, OpcodeTable.Get(Op.F64Const));
        _w.WriteF64Bits(BitConverter.DoubleToUInt64Bits(value));
        return this;
    }

    // ---- common numeric instructions (every other one: Emit(Op.X)) ----
    public InstructionBuilder I32Eqz() => Emit(Op.I32Eqz);
    public InstructionBuilder I32Eq() => Emit(Op.I32Eq);
    public InstructionBuilder I32Ne() => Emit(Op.I32Ne);
    public InstructionBuilder I32LtU() => Emit(Op.I32LtU);
    public InstructionBuilder I32GeU() => Emit(Op.I32GeU);
    public InstructionBuilder I32Add() => Emit(Op.I32Add);
    public InstructionBuilder I32Sub() => Emit(Op.I32Sub);
    public InstructionBuilder I32Mul() => Emit(Op.I32Mul);
    public InstructionBuilder I32And() => Emit(Op.I32And);
    public InstructionBuilder I32Or() => Emit(Op.I32Or);
    public InstructionBuilder I32Xor() => Emit(Op.I32Xor);
    public InstructionBuilder I32Shl() => Emit(Op.I32Shl);
    public InstructionBuilder I32ShrU() => Emit(Op.I32ShrU);
    public InstructionBuilder I64Eqz() => Emit(Op.I64Eqz);
    public InstructionBuilder I64Add() => Emit(Op.I64Add);
    public InstructionBuilder I64Sub() => Emit(Op.I64Sub);
    public InstructionBuilder I64Mul() => Emit(Op.I64Mul);
    public InstructionBuilder I32WrapI64() => Emit(Op.I32WrapI64);
    public InstructionBuilder I64ExtendI32U() => Emit(Op.I64ExtendI32U);
    public InstructionBuilder I64ExtendI32S() => Emit(Op.I64ExtendI32S);
#pragma warning restore CS1591
}
