using Whamm.Language.Semantics;
using Whamm.Wasm.Editing;
using Whamm.Wasm.Types;

namespace Whamm.Instrumentation.State;

/// <summary>
/// Where one script variable lives: the emitter loads, stores and takes tuple elements through this, whatever
/// the storage. Values are flattened as <see cref="WhammType.WasmTypes"/> (a <c>str</c> is address and length).
/// </summary>
internal abstract record Location(WhammType Type)
{
    /// <summary>Pushes the value.</summary>
    public abstract void EmitLoad(InstructionBuilder b);

    /// <summary>Pops the value (flattened, last scalar on top) into the location.</summary>
    public abstract void EmitStore(InstructionBuilder b, Func<ValType, uint> temp);

    /// <summary>Tuple element <paramref name="index"/> as a location of its own.</summary>
    public abstract Location Element(int index);

    /// <summary>Index of the first flattened Wasm value of element <paramref name="index"/>, and how many it has.</summary>
    protected (int Start, int Count) FlatRange(int index)
    {
        var start = 0;
        for (var i = 0; i < index; i++) start += Type.Elements[i].WasmTypes.Count;
        return (start, Type.Elements[index].WasmTypes.Count);
    }
}

/// <summary>
/// Wasm variables, one per flattened value: mutable globals (script globals) or function locals (probe-local
/// variables).
/// </summary>
internal sealed record VariableLocation(WhammType Type, uint[] Slots, bool IsGlobal) : Location(Type)
{
    public override void EmitLoad(InstructionBuilder b)
    {
        foreach (var slot in Slots)
        {
            if (IsGlobal) b.GlobalGet(slot); else b.LocalGet(slot);
        }
    }

    public override void EmitStore(InstructionBuilder b, Func<ValType, uint> temp)
    {
        for (var i = Slots.Length - 1; i >= 0; i--)
        {
            if (IsGlobal) b.GlobalSet(Slots[i]); else b.LocalSet(Slots[i]);
        }
    }

    public override Location Element(int index)
    {
        var (start, count) = FlatRange(index);
        return this with { Type = Type.Elements[index], Slots = Slots[start..(start + count)] };
    }
}

/// <summary>A fixed address in the instrumentation memory (unshared and report variables of a probe, one per site).</summary>
internal sealed record MemoryLocation(WhammType Type, uint Memory, uint Address) : Location(Type)
{
    public override void EmitLoad(InstructionBuilder b) => ValueLayout.EmitLoad(b, Type, Memory, ValueLayout.ZeroBase, Address);

    public override void EmitStore(InstructionBuilder b, Func<ValType, uint> temp) =>
        ValueLayout.EmitStore(b, Type, Memory, ValueLayout.ZeroBase, Address, temp);

    public override Location Element(int index) => new MemoryLocation(Type.Elements[index], Memory, Address + ValueLayout.ElementOffset(Type, index));
}

/// <summary>A value in the instrumentation memory at an address held in a local (a map entry), plus a static offset.</summary>
internal sealed record PointerLocation(WhammType Type, uint Memory, uint Pointer, uint Offset = 0) : Location(Type)
{
    public override void EmitLoad(InstructionBuilder b) => ValueLayout.EmitLoad(b, Type, Memory, Base, Offset);

    public override void EmitStore(InstructionBuilder b, Func<ValType, uint> temp) => ValueLayout.EmitStore(b, Type, Memory, Base, Offset, temp);

    public override Location Element(int index) => this with { Type = Type.Elements[index], Offset = Offset + ValueLayout.ElementOffset(Type, index) };

    private void Base(InstructionBuilder b) => b.LocalGet(Pointer);
}

/// <summary>A map: its id, fixed when instrumenting (maps live in the core library, reference §1.12).</summary>
internal sealed record MapLocation(WhammType Type, int Id) : Location(Type)
{
    public override void EmitLoad(InstructionBuilder b) => b.I32Const(Id);

    public override void EmitStore(InstructionBuilder b, Func<ValType, uint> temp) =>
        throw new InstrumentationException($"a map ({Type}) cannot be assigned as a whole");

    public override Location Element(int index) => throw new InstrumentationException($"a map ({Type}) has no elements");
}
