using Whamm.Wasm.Binary;
using Whamm.Wasm.Instructions;
using Whamm.Wasm.Model;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Reading;
using Whamm.Wasm.Types;
using Whamm.Wasm.Validation;

namespace Whamm.Wasm.Tests.Validation;

/// <summary>The step API: operand types before every instruction, control depth, unreachable code.</summary>
public class FunctionValidatorTests
{
    private static Module Read(string wat) => ModuleReader.Read(TestWat.ToWasm(wat));

    /// <summary>Steps through defined function <paramref name="defined"/>, recording (mnemonic, operands, unreachable, depth) before each instruction.</summary>
    private static List<(string Name, ValType[] Operands, bool Unreachable, int Depth)> Trace(Module module, int defined = 0)
    {
        var context = new ValidationContext(module);
        var index = (uint)(module.ImportedFunctionCount + defined);
        var validator = new FunctionValidator(context, index);
        var trace = new List<(string, ValType[], bool, int)>();
        foreach (var ins in module.Functions[defined].Body.Decode())
        {
            trace.Add((ins.Opcode.Name, validator.Operands.ToArray(), validator.IsUnreachable, validator.ControlDepth));
            validator.Step(in ins);
        }
        validator.Finish();
        Assert.True(validator.IsComplete);
        Assert.Equal(0, validator.ControlDepth);
        return trace;
    }

    private static ValType[] Before(List<(string Name, ValType[] Operands, bool Unreachable, int Depth)> trace, string name, int occurrence = 0) =>
        trace.Where(t => t.Name == name).ElementAt(occurrence).Operands;

    [Fact]
    public void OperandsBeforeEachInstruction()
    {
        var module = Read("""
            (module
              (import "env" "f" (func $f (param i32 i64 f32) (result f64)))
              (memory 1)
              (func (param i32 i64) (result f64)
                local.get 0
                local.get 1
                f32.const 1
                call $f
                local.get 0
                i32.const 8
                i32.add
                f64.load
                f64.add))
            """);
        var trace = Trace(module);
        Assert.Empty(trace[0].Operands);
        Assert.Equal([ValType.I32, ValType.I64, ValType.F32], Before(trace, "call"));
        Assert.Equal([ValType.F64, ValType.I32, ValType.I32], Before(trace, "i32.add"));
        Assert.Equal([ValType.F64, ValType.I32], Before(trace, "f64.load"));
        Assert.Equal([ValType.F64, ValType.F64], Before(trace, "f64.add"));
        Assert.Equal([ValType.F64], Before(trace, "end"));
        Assert.All(trace, t => Assert.False(t.Unreachable));
    }

    [Fact]
    public void ControlDepthAndBlockParameters()
    {
        var module = Read("""
            (module (func (param i32) (result i32)
              i32.const 1
              i64.const 2
              block (param i32 i64) (result i32)
                drop
                loop (param i32) (result i32)
                  local.get 0
                  br_if 1
                end
              end))
            """);
        var trace = Trace(module);
        var block = trace.First(t => t.Name == "block");
        Assert.Equal(1, block.Depth);
        Assert.Equal([ValType.I32, ValType.I64], block.Operands);
        var drop = trace.First(t => t.Name == "drop");
        Assert.Equal(2, drop.Depth);
        Assert.Equal([ValType.I32, ValType.I64], drop.Operands);
        var brIf = trace.First(t => t.Name == "br_if");
        Assert.Equal(3, brIf.Depth);
        Assert.Equal([ValType.I32, ValType.I32], brIf.Operands);
    }

    [Fact]
    public void UnreachableCodeHasPolymorphicStack()
    {
        var module = Read("""
            (module (func (result i32)
              block
                unreachable
                i32.add
                drop
                ref.as_non_null
                drop
                i64.const 0
                br 0
              end
              i32.const 0))
            """);
        var trace = Trace(module);
        var add = trace.First(t => t.Name == "i32.add");
        Assert.True(add.Unreachable);
        Assert.Empty(add.Operands);
        Assert.Equal([ValType.I32], Before(trace, "drop", 0));
        Assert.Empty(Before(trace, "ref.as_non_null"));
        var drop = Before(trace, "drop", 1);
        Assert.Single(drop);
        Assert.True(FunctionValidator.IsUnknownRef(drop[0]));
        Assert.Equal([ValType.I64], Before(trace, "br"));
        var afterBlock = trace.Last(t => t.Name == "i32.const");
        Assert.False(afterBlock.Unreachable);
        Assert.Equal(1, afterBlock.Depth);
    }

    [Fact]
    public void UnknownOperandsAreDefault()
    {
        var module = Read("(module (func (result i32) unreachable select))");
        var validator = new FunctionValidator(module, 0);
        var body = module.Functions[0].Body.Decode();
        validator.Step(body[0]); // unreachable
        validator.Step(body[1]); // select: pops bottoms, pushes bottom
        Assert.Single(validator.Operands.ToArray());
        Assert.True(FunctionValidator.IsUnknown(validator.Operands[0]));
        Assert.Equal(default, validator.Operands[0]);
        Assert.True(validator.IsUnreachable);
        Assert.Equal(0, validator.FrameHeight);
    }

    [Fact]
    public void ConcreteReferenceTypesNameModuleTypeIndices()
    {
        var module = Read("""
            (module
              (type $pair (struct (field i32) (field i32)))
              (type $arr (array (mut f64)))
              (func (param (ref null $arr)) (result i32)
                i32.const 1
                i32.const 2
                struct.new $pair
                struct.get $pair 1
                local.get 0
                array.len
                i32.add))
            """);
        var trace = Trace(module);
        Assert.Equal([ValType.Ref(HeapType.Index(0), false)], Before(trace, "struct.get"));
        Assert.Equal([ValType.I32, ValType.Ref(HeapType.Index(1), true)], Before(trace, "array.len"));
    }

    [Fact]
    public void LocalsIncludeParameters()
    {
        var module = Read("(module (func (param i32 f64) (local i64 i64) (local v128)))");
        var validator = new FunctionValidator(module, 0);
        Assert.Equal([ValType.I32, ValType.F64, ValType.I64, ValType.I64, ValType.V128], validator.Locals.ToArray());
    }

    [Fact]
    public void OperandTypesBeforeCoversEveryInstruction()
    {
        var module = Read("(module (func $a) (func (param i32) (result i32) local.get 0 local.get 0 i32.mul))");
        var types = FunctionValidator.OperandTypesBefore(module, 1);
        Assert.Equal(4, types.Count);
        Assert.Equal([ValType.I32, ValType.I32], types[2]);
        Assert.Equal([ValType.I32], types[3]);
    }

    [Fact]
    public void StepThrowsAtTheInstructionsFileOffset()
    {
        var module = Read("(module (func (result i32) nop i64.const 1 i32.eqz))");
        var validator = new FunctionValidator(module, 0);
        var body = module.Functions[0].Body;
        var instructions = body.Decode();
        validator.Step(instructions[0]);
        validator.Step(instructions[1]);
        var e = Assert.Throws<WasmException>(() => validator.Step(instructions[2]));
        Assert.Equal(WasmErrorKind.Invalid, e.Kind);
        Assert.Equal(body.FileOffset + instructions[2].Offset, e.Offset);
        Assert.Equal("code", e.Section);
        Assert.Contains("expected i32, found i64", e.Reason);
    }

    [Fact]
    public void ImportedFunctionsHaveNoBody()
    {
        var module = Read("(module (import \"m\" \"f\" (func)) (func))");
        Assert.Throws<ArgumentOutOfRangeException>(() => new FunctionValidator(module, 0));
        _ = new FunctionValidator(module, 1);
    }

    [Fact]
    public void LabelArityIsWhatABranchToTheLabelCarries()
    {
        var module = Read("""
            (module
              (type $two (func (param i32 i64) (result f32)))
              (func (result f64)
                f64.const 0
                i32.const 1  i64.const 2
                loop (type $two)
                  block (result i32)
                    nop
                    i32.const 0
                  end
                  unreachable
                end
                drop))
            """);
        var validator = new FunctionValidator(new ValidationContext(module), 0);
        var arities = new List<int[]>();
        foreach (var ins in module.Functions[0].Body.Decode())
        {
            if (ins.Op == Op.Nop) arities.Add([.. Enumerable.Range(0, validator.ControlDepth).Select(d => validator.LabelArity((uint)d))]);
            validator.Step(ins);
        }
        Assert.Equal([1, 2, 1], Assert.Single(arities)); // the block's result, the loop's parameters, the function's result
        var e = Assert.Throws<WasmException>(() => new FunctionValidator(new ValidationContext(module), 0).LabelArity(1));
        Assert.Contains("unknown label", e.Reason);
    }

    [Fact]
    public void ResetWithABodyValidatesThatBodyNotTheModulesOne()
    {
        var module = Read("(module (func (result i32) i32.const 1) (func (result i32) i64.const 1))");
        var context = new ValidationContext(module);
        var validator = new FunctionValidator(context);
        var good = module.Functions[0].Body;
        validator.Reset(1, good); // the type of function 1 with the body of function 0: valid
        foreach (var ins in good.Decode()) validator.Step(ins);
        validator.Finish();
        validator.Reset(1, module.Functions[1].Body);
        Assert.Throws<WasmException>(() =>
        {
            foreach (var ins in module.Functions[1].Body.Decode()) validator.Step(ins);
        });
        Assert.Throws<ArgumentOutOfRangeException>(() => validator.Reset(2, good));
    }

    [Fact]
    public void OperatorsAfterTheFinalEndAreMalformed()
    {
        var module = Read("(module (func))");
        var validator = new FunctionValidator(module, 0);
        var end = module.Functions[0].Body.Decode()[0];
        validator.Step(end);
        var e = Assert.Throws<WasmException>(() => validator.Step(end));
        Assert.Equal(WasmErrorKind.Malformed, e.Kind);
        Assert.Contains("operators remaining after end of function", e.Reason);
    }

    [Fact]
    public void StepDoesNotAllocate()
    {
        var body = new System.Text.StringBuilder();
        for (var i = 0; i < 200; i++)
        {
            body.Append(" local.get 0 i32.const 1 i32.add local.set 0");
            body.Append(" block (result i32) i32.const 7 local.get 0 br_if 0 local.get 0 br_table 0 0 0 end drop");
            body.Append(" local.get 1 local.get 1 f64.mul f64.sqrt local.set 1");
            body.Append(" local.get 2 local.get 2 local.get 0 select local.set 2");
            body.Append(" local.get 0 if (result i32) i32.const 1 else i32.const 2 end drop");
        }
        var module = Read($"(module (memory 1) (func (param i32 f64 v128) {body} i32.const 0 i32.load drop))");
        var context = new ValidationContext(module);
        var validator = new FunctionValidator(context, 0);
        var instructions = module.Functions[0].Body.Decode();
        foreach (var ins in instructions) validator.Step(ins); // warm up: stacks grow to size, JIT done
        validator = new FunctionValidator(context, 0);
        foreach (var ins in instructions) validator.Step(ins);
        validator = new FunctionValidator(context, 0);
        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var ins in instructions) validator.Step(ins);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 1024, $"{allocated} bytes allocated while stepping {instructions.Count} instructions");
    }
}
