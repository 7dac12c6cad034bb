using Whamm.Wasm.Reading;
using Whamm.Wasm.Writing;

namespace Whamm.Wasm.Tests.Reading;

public class SmokeRoundTripTests
{
    private const string Sample = """
        (module
          (type $t (func (param i32) (result i32)))
          (import "env" "f" (func $f (type $t)))
          (memory 1 2)
          (table 2 funcref)
          (global $g (mut i32) (i32.const 7))
          (func $add (export "add") (param i32 i32) (result i32) (local i64)
            local.get 0 local.get 1 i32.add call $f
            block (result i32) i32.const 1 br 0 end drop)
          (elem (i32.const 0) $add $f)
          (data (i32.const 16) "hello"))
        """;

    [Fact]
    public void UnmodifiedModuleIsWrittenBackIdentical()
    {
        var bytes = TestWat.ToWasm(Sample);
        var module = ModuleReader.Read(bytes);
        Assert.Equal(bytes, ModuleWriter.Write(module));
    }

    [Fact]
    public void ReencodingEverySectionReproducesCanonicalInput()
    {
        var bytes = TestWat.ToWasm(Sample);
        var module = ModuleReader.Read(bytes);
        Assert.Equal(bytes, ModuleWriter.Write(module, reencodeAll: true));
        Assert.Equal(2, module.FunctionCount);
        Assert.Equal("add", module.FunctionName(1));
        var ops = module.Functions[0].Body.Decode().Select(i => i.Opcode.Name).ToArray();
        Assert.Equal(["local.get", "local.get", "i32.add", "call", "block", "i32.const", "br", "end", "drop", "end"], ops);
    }
}
