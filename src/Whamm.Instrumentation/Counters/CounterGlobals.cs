using Whamm.Instrumentation.State;
using Whamm.Language.Semantics;
using Whamm.Wasm.Editing;
using Whamm.Wasm.Instructions;
using Whamm.Wasm.Model;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Types;

namespace Whamm.Instrumentation.Counters;

/// <summary>
/// Per-site counters updated outside loops' locals, or by the flushes of those locals, live in Wasm globals, added to
/// their instances in memory at exit (<see cref="EmitFlush"/>, before the report). Wasmtime keeps a defined global in
/// the instance's context, always at hand, while a counter in the instrumentation memory needs that memory's base in a
/// register too: the program's own values lost one (docs/PERFORMANCE.md: the block monitor on text and sort lost about
/// half its cost). Globals outlive a trap, so the report stays exact where memory counters kept it so.
/// <para>
/// The walk emits each global by a placeholder index, <see cref="Placeholder"/> plus the instance's address (five LEB128
/// bytes), so functions walked on several threads need no shared numbering; once all are walked the used addresses
/// get globals in address order (<see cref="Add"/>) and the placeholders are overwritten in place (<see cref="Patch"/>):
/// the output does not depend on the threads. Only functions within the first <see cref="CodeBudget"/> bytes of code
/// take globals: the exit adds each one to memory, code that grows with the counters.
/// </para>
/// </summary>
internal sealed class CounterGlobals
{
    /// <summary>The placeholder index of the global of the instance at address A is this plus A (no module has 2^31 globals).</summary>
    public const uint Placeholder = 0x8000_0000;

    /// <summary>Functions take globals while the bytes of code up to and including theirs are at most this.</summary>
    public const long CodeBudget = 256 * 1024;

    private readonly (uint Address, WhammType Type, bool IsSet, uint Global)[] counters;
    private readonly Dictionary<uint, uint> globalOf;

    private CounterGlobals((uint Address, WhammType Type, bool IsSet, uint Global)[] counters)
    {
        this.counters = counters;
        globalOf = counters.ToDictionary(c => c.Address, c => c.Global);
    }

    /// <summary>Which defined functions may hold counters in globals (<see cref="CodeBudget"/>), by their position.</summary>
    public static bool[] Eligible(Module module)
    {
        var eligible = new bool[module.Functions.Count];
        long code = 0;
        for (var i = 0; i < eligible.Length; i++)
        {
            code += module.Functions[i].Body.Length;
            if (code > CodeBudget) break;
            eligible[i] = true;
        }
        return eligible;
    }

    /// <summary>
    /// Whether an update of the instance at <paramref name="address"/> can be a global's: an integer or bool of at most 64
    /// bits, and for a store a value other than zero (a global still zero at exit means "never stored").
    /// </summary>
    public static bool Fits(WhammType type, uint address, long value, bool isSet) =>
        address < Placeholder && (type.IsInteger || type.Kind == WhammTypeKind.Bool) && !(isSet && value == 0);

    /// <summary><c>global += amount</c>, wrapping in the global's type.</summary>
    public static void EmitAdd(InstructionBuilder b, WhammType type, uint address, long amount) =>
        EmitUpdate(b, address, x =>
        {
            if (IsWide(type)) x.I64Const(amount).I64Add(); else x.I32Const((int)amount).I32Add();
        });

    /// <summary>The global of the instance at <paramref name="address"/> becomes what <paramref name="update"/> leaves of it on the stack.</summary>
    public static void EmitUpdate(InstructionBuilder b, uint address, Action<InstructionBuilder> update)
    {
        b.GlobalGet(Placeholder + address);
        update(b);
        b.GlobalSet(Placeholder + address);
    }

    /// <summary><c>global = value</c>.</summary>
    public static void EmitSet(InstructionBuilder b, WhammType type, uint address, long value)
    {
        if (IsWide(type)) b.I64Const(value); else b.I32Const((int)value);
        b.GlobalSet(Placeholder + address);
    }

    /// <summary>Adds a mutable global, zero at start, for each used address (<paramref name="used"/>: its type and whether it is stored); null when none.</summary>
    public static CounterGlobals? Add(ModuleEditor editor, IReadOnlyDictionary<uint, (WhammType Type, bool IsSet)> used)
    {
        if (used.Count == 0) return null;
        var counters = used.OrderBy(u => u.Key).Select(u =>
        {
            var type = ValueLayout.ValType(u.Value.Type);
            var zero = type == ValType.I64 ? new InstructionBuilder().I64Const(0) : new InstructionBuilder().I32Const(0);
            return (u.Key, u.Value.Type, u.Value.IsSet, editor.AddGlobal(new GlobalType(type, Mutable: true), zero));
        }).ToArray();
        return new CounterGlobals(counters);
    }

    /// <summary>At exit: adds each global to its instance in <paramref name="memory"/> (a stored one, when set, is stored).</summary>
    public void EmitFlush(InstructionBuilder b, uint memory)
    {
        foreach (var (address, type, isSet, global) in counters)
        {
            var at = new MemoryLocation(type, memory, address);
            if (isSet)
            {
                b.GlobalGet(global);
                if (IsWide(type)) b.I64Const(0).Emit(Op.I64Ne);
                b.If(BlockType.Empty, then =>
                {
                    ValueLayout.ZeroBase(then);
                    then.GlobalGet(global);
                    ValueLayout.EmitStoreTop(then, type, memory, address);
                });
                continue;
            }
            ValueLayout.ZeroBase(b);
            at.EmitLoad(b);
            b.GlobalGet(global);
            if (IsWide(type)) b.I64Add(); else b.I32Add();
            ValueLayout.EmitStoreTop(b, type, memory, address);
        }
    }

    /// <summary>Overwrites the placeholders in the built bodies of <paramref name="functions"/> (defined positions) with the globals' indices.</summary>
    public void Patch(Module module, IEnumerable<int> functions)
    {
        foreach (var f in functions)
        {
            var function = module.Functions[f];
            var bytes = function.Body.Bytes.ToArray();
            var reader = function.Body.Instructions();
            while (!reader.AtEnd)
            {
                var ins = reader.Read();
                if (ins.Op is not (Op.GlobalGet or Op.GlobalSet) || ins.Index < Placeholder) continue;
                if (ins.Length != 6) throw new InstrumentationException($"a counter global's placeholder in function {f} is not five bytes");
                WritePaddedU32(bytes.AsSpan(ins.Offset + 1, 5), globalOf[ins.Index - Placeholder]);
            }
            module.Functions[f] = function with { Body = new FunctionBody(bytes) };
        }
    }

    /// <summary>A LEB128 of exactly five bytes (valid Wasm: padding is allowed), so a placeholder is replaced in place.</summary>
    private static void WritePaddedU32(Span<byte> to, uint value)
    {
        for (var i = 0; i < 4; i++) to[i] = (byte)((value >> (7 * i)) & 0x7f | 0x80);
        to[4] = (byte)(value >> 28);
    }

    private static bool IsWide(WhammType type) => ValueLayout.ValType(type) == ValType.I64;
}
