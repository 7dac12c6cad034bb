using Whamm.Wasm.Editing;
using Whamm.Wasm.Instructions;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Types;

namespace Whamm.Instrumentation.CodeGen;

/// <summary>The byte-string tests on two strings (address, length), each in its own memory.</summary>
internal enum StringTest
{
    /// <summary>Same length and bytes (<c>==</c>, <c>strcmp</c>).</summary>
    Equal,
    /// <summary><c>s.starts_with(p)</c>.</summary>
    StartsWith,
    /// <summary><c>s.ends_with(p)</c>.</summary>
    EndsWith,
    /// <summary><c>s.contains(p)</c>, <c>strcontains</c>.</summary>
    Contains,
}

/// <summary>
/// Small functions of ours that injected code calls instead of repeating loops at every site, added to the module
/// the first time they are needed (one per memory or memory pair: memories are immediates), named <c>whamm_…</c>. Addresses are i32 and are
/// zero-extended for a 64-bit memory.
/// <code>
/// (func $whamm_str_equal_0_1 (param $s i32) (param $s_len i32) (param $p i32) (param $p_len i32) (result i32)
///   (if (i32.ne (local.get $s_len) (local.get $p_len)) (then (return (i32.const 0))))
///   (call $whamm_bytes_equal_0_1 (local.get $s) (local.get $p) (local.get $s_len)))
/// </code>
/// </summary>
internal sealed class HelperFunctions(ModuleEditor editor)
{
    private readonly Dictionary<string, uint> functions = new(StringComparer.Ordinal);

    /// <summary>
    /// <c>(s, s_len, p, p_len) -&gt; bool</c>: <paramref name="test"/> on the string <c>s</c> in memory <paramref name="sMemory"/>
    /// and <c>p</c> in memory <paramref name="pMemory"/>.
    /// </summary>
    public uint Test(StringTest test, uint sMemory, uint pMemory) => Get($"str_{test.ToString().ToLowerInvariant()}_{sMemory}_{pMemory}", () =>
    {
        const uint s = 0, sLen = 1, p = 2, pLen = 3, i = 4;
        var equal = BytesEqual(sMemory, pMemory);
        var b = new InstructionBuilder();
        switch (test)
        {
            case StringTest.Equal:
                b.LocalGet(sLen).LocalGet(pLen).I32Ne().If(BlockType.Empty, x => x.I32Const(0).Return());
                b.LocalGet(s).LocalGet(p).LocalGet(sLen).Call(equal);
                break;
            case StringTest.StartsWith or StringTest.EndsWith:
                b.LocalGet(pLen).LocalGet(sLen).Emit(Op.I32GtU).If(BlockType.Empty, x => x.I32Const(0).Return());
                b.LocalGet(s);
                if (test == StringTest.EndsWith) b.LocalGet(sLen).I32Add().LocalGet(pLen).I32Sub();
                b.LocalGet(p).LocalGet(pLen).Call(equal);
                break;
            default:
                // i runs over the starts 0 ..= s_len - p_len
                b.LocalGet(pLen).LocalGet(sLen).Emit(Op.I32GtU).If(BlockType.Empty, x => x.I32Const(0).Return());
                b.Block(BlockType.Empty, done => done.Loop(BlockType.Empty, loop =>
                {
                    loop.LocalGet(i).LocalGet(sLen).LocalGet(pLen).I32Sub().Emit(Op.I32GtU).BrIf(1);
                    loop.LocalGet(s).LocalGet(i).I32Add().LocalGet(p).LocalGet(pLen).Call(equal)
                        .If(BlockType.Empty, x => x.I32Const(1).Return());
                    loop.LocalGet(i).I32Const(1).I32Add().LocalSet(i).Br(0);
                }));
                b.I32Const(0);
                break;
        }
        return (new FuncType([ValType.I32, ValType.I32, ValType.I32, ValType.I32], [ValType.I32]), b, test == StringTest.Contains ? [ValType.I32] : []);
    });

    /// <summary><c>(a, b, n) -&gt; bool</c>: whether n bytes at a (memory <paramref name="aMemory"/>) and b (memory <paramref name="bMemory"/>) are equal.</summary>
    private uint BytesEqual(uint aMemory, uint bMemory) => Get($"bytes_equal_{aMemory}_{bMemory}", () =>
    {
        const uint a = 0, bAddr = 1, n = 2;
        var b = new InstructionBuilder();
        b.Block(BlockType.Empty, done => done.Loop(BlockType.Empty, loop =>
        {
            loop.LocalGet(n).I32Eqz().BrIf(1);
            LoadByte(loop, aMemory, a);
            LoadByte(loop, bMemory, bAddr);
            loop.I32Ne().If(BlockType.Empty, x => x.I32Const(0).Return());
            foreach (var (local, step) in new[] { (a, 1), (bAddr, 1), (n, -1) }) loop.LocalGet(local).I32Const(step).I32Add().LocalSet(local);
            loop.Br(0);
        }));
        b.I32Const(1);
        return (new FuncType([ValType.I32, ValType.I32, ValType.I32], [ValType.I32]), b, []);
    });

    /// <summary><c>(address, value, count)</c>: stores the i32 <c>value</c> <c>count</c> times from <c>address</c> in memory <paramref name="memory"/>.</summary>
    public uint FillI32(uint memory) => Get($"fill_i32_{memory}", () =>
    {
        const uint address = 0, value = 1, count = 2;
        var b = new InstructionBuilder();
        b.Block(BlockType.Empty, done => done.Loop(BlockType.Empty, loop =>
        {
            loop.LocalGet(count).I32Eqz().BrIf(1);
            loop.LocalGet(address).LocalGet(value).I32Store(0, memory);
            loop.LocalGet(address).I32Const(4).I32Add().LocalSet(address);
            loop.LocalGet(count).I32Const(1).I32Sub().LocalSet(count).Br(0);
        }));
        return (new FuncType([ValType.I32, ValType.I32, ValType.I32], []), b, []);
    });

    /// <summary>The function of ours named <c>whamm_NAME</c>, added with <paramref name="body"/> the first time it is asked for.</summary>
    public uint Function(string name, FuncType type, Action<InstructionBuilder> body, ValType[]? locals = null) =>
        Get(name, () =>
        {
            var b = new InstructionBuilder();
            body(b);
            return (type, b, locals ?? []);
        });

    private uint Get(string name, Func<(FuncType Type, InstructionBuilder Body, ValType[] Locals)> build)
    {
        if (functions.TryGetValue(name, out var known)) return known;
        var (type, body, locals) = build();
        var index = editor.AddFunction(editor.AddType(type), body, locals);
        editor.SetFunctionName(index, "whamm_" + name);
        functions[name] = index;
        return index;
    }

    /// <summary>Pushes the byte at the address in <paramref name="local"/> of <paramref name="memory"/>.</summary>
    private void LoadByte(InstructionBuilder b, uint memory, uint local)
    {
        b.LocalGet(local);
        if (editor.Module.MemoryType(memory).Limits.Is64) b.I64ExtendI32U();
        b.I32Load8U(0, memory);
    }
}
