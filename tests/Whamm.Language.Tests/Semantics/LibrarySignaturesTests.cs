using Whamm.Language.Semantics;
using Whamm.Wasm.Binary;
using Whamm.Wasm.Types;

namespace Whamm.Language.Tests.Semantics;

public class LibrarySignaturesTests
{
    /// <summary>
    /// A module assembled by hand: types (i32, i32) -> i32, () -> (i32, i32), (v128) -> () and (f64) -> f64;
    /// four functions; a memory; exports add, pair, vec, mem and scale (a re-export of add is not needed).
    /// </summary>
    private static byte[] Module()
    {
        var bytes = new List<byte> { 0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00 };
        void Section(byte id, params byte[] content)
        {
            bytes.Add(id);
            bytes.Add((byte)content.Length);
            bytes.AddRange(content);
        }
        static byte[] Name(string s) => [(byte)s.Length, .. System.Text.Encoding.UTF8.GetBytes(s)];
        Section(1, [4,
            0x60, 2, 0x7f, 0x7f, 1, 0x7f,
            0x60, 0, 2, 0x7f, 0x7f,
            0x60, 1, 0x7b, 0,
            0x60, 1, 0x7c, 1, 0x7c]);
        Section(3, [4, 0, 1, 2, 3]);
        Section(5, [1, 0x00, 1]);
        Section(7, [5,
            .. Name("add"), 0x00, 0,
            .. Name("pair"), 0x00, 1,
            .. Name("vec"), 0x00, 2,
            .. Name("mem"), 0x02, 0,
            .. Name("scale"), 0x00, 3]);
        Section(10, [4,
            7, 0, 0x20, 0, 0x20, 1, 0x6a, 0x0b,
            6, 0, 0x41, 0, 0x41, 0, 0x0b,
            2, 0, 0x0b,
            4, 0, 0x20, 0, 0x0b]);
        return [.. bytes];
    }

    [Fact]
    public void Exported_functions_map_wasm_types_to_whamm_types()
    {
        var lib = LibrarySignatures.FromWasm(Module());
        Assert.Equal(["add", "pair", "vec", "scale"], lib.Functions.Select(f => f.Name));
        var add = lib.Find("add")!;
        Assert.True(add.IsSupported);
        Assert.Equal([WhammType.I32, WhammType.I32], add.Parameters.Select(p => p.Type));
        Assert.Equal(WhammType.I32, add.ReturnType);
        Assert.Equal(WhammType.F64, lib.Find("scale")!.ReturnType);
        Assert.Equal("mem", lib.MemoryExport);
        Assert.Null(lib.Find("mem"));
    }

    [Fact]
    public void Functions_scripts_cannot_call_say_why()
    {
        var lib = LibrarySignatures.FromWasm(Module());
        Assert.Contains("multiple results", lib.Find("pair")!.UnsupportedReason);
        Assert.Contains("v128", lib.Find("vec")!.UnsupportedReason);
    }

    [Fact]
    public void Malformed_modules_throw_the_toolkit_exception()
    {
        Assert.Throws<WasmException>(() => LibrarySignatures.FromWasm([0x00, 0x61, 0x73]));
        Assert.Throws<WasmException>(() => LibrarySignatures.FromWasm("not wasm"u8.ToArray()));
    }

    [Fact]
    public void The_core_library_is_built_in()
    {
        var core = LibrarySignatures.Core;
        Assert.Equal("memory", core.MemoryExport);
        Assert.Equal([WhammType.I32], core.Find("mem_alloc")!.Parameters.Select(p => p.Type));
        Assert.Equal(WhammType.Unit, core.Find("putu64")!.ReturnType);
        Assert.Equal(new FuncType([ValType.I64], []), core.Find("putu64")!.WasmType);
        Assert.All(core.Functions, f => Assert.NotNull(f.Doc));
    }
}
