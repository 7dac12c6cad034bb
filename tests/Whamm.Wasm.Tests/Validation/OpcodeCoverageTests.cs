using Whamm.Wasm.Binary;
using Whamm.Wasm.Instructions;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Reading;
using Whamm.Wasm.Types;
using Whamm.Wasm.Validation;

namespace Whamm.Wasm.Tests.Validation;

/// <summary>
/// Every row of the opcode table is typed by the validator: rows with a fixed signature generically,
/// the others by hand. A new row without a signature that the validator does not know fails here.
/// </summary>
public class OpcodeCoverageTests
{
    private static readonly ValidationContext Context = new(ModuleReader.Read(TestWat.ToWasm("""
        (module
          (type $f (func))
          (type $s (struct (field (mut i32))))
          (type $a (array (mut i32)))
          (memory 1 1 shared)
          (table 1 funcref)
          (global (mut i32) (i32.const 0))
          (tag)
          (data "x")
          (elem func $g)
          (func $g (export "g") data.drop 0))
        """)), Feature.All);

    public static IEnumerable<object[]> Rows() => OpcodeTable.All.Select(o => new object[] { o.Op.ToString() });

    /// <summary>An instance of <paramref name="info"/> with zero immediates (natural alignment, one-label tables).</summary>
    private static Instruction Sample(OpcodeInfo info)
    {
        Array? vector = null;
        if (info.Has(ImmKind.BrTable)) vector = new uint[] { 0 };
        if (info.Has(ImmKind.SelectTypes)) vector = new[] { ValType.I32 };
        if (info.Has(ImmKind.Catches)) vector = Array.Empty<Catch>();
        var memArg = new MemArg((uint)info.NaturalAlignment, 0, 0);
        return new Instruction(info, memArg: memArg, vector: vector);
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void EveryRowIsTyped(string name)
    {
        var info = OpcodeTable.Get(Enum.Parse<Op>(name));
        var validator = new FunctionValidator(Context, 0);
        validator.Step(new Instruction(OpcodeTable.Get(Op.Block), blockType: BlockType.Empty));
        validator.Step(new Instruction(OpcodeTable.Get(Op.Unreachable)));
        try
        {
            validator.Step(Sample(info));
        }
        catch (WasmException e)
        {
            Assert.DoesNotContain("not implemented", e.Reason);
            // Hand-typed rows may legitimately reject zero immediates (e.g. a struct type index that
            // names a function type); rows with a fixed signature never should in unreachable code.
            Assert.False(info.HasFixedSignature, $"{info.Name}: {e.Message}");
        }
    }
}
