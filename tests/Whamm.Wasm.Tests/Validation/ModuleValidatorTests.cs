using System.Text;
using Whamm.Wasm.Binary;
using Whamm.Wasm.Model;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Reading;
using Whamm.Wasm.Validation;
using Whamm.Wasm.Writing;

namespace Whamm.Wasm.Tests.Validation;

/// <summary>Module-level rules that need generated inputs (implementation limits, edited modules) and the API contract.</summary>
public class ModuleValidatorTests
{
    private static string Repeat(string s, int n) => new StringBuilder(s.Length * n).Insert(0, s, n).ToString();

    /// <summary>Asserts both validators reject <paramref name="wat"/>, ours with <paramref name="fragment"/>.</summary>
    private static void Rejected(string wat, string fragment)
    {
        var bytes = TestWat.ToWasm(wat);
        Assert.NotNull(WasmtimeOracle.Validate(bytes));
        WasmException? error;
        try
        {
            error = ModuleValidator.TryValidate(ModuleReader.Read(bytes));
        }
        catch (WasmException e)
        {
            error = e;
        }
        Assert.NotNull(error);
        Assert.Contains(fragment, error!.Reason);
    }

    private static void Accepted(string wat)
    {
        var bytes = TestWat.ToWasm(wat);
        Assert.Null(WasmtimeOracle.Validate(bytes));
        Assert.Null(ModuleValidator.TryValidate(ModuleReader.Read(bytes))?.Message);
    }

    [Fact]
    public void TooManyParameters() =>
        Rejected($"(module (type (func {Repeat("(param i32)", 1001)})))", "function params size is out of bounds");

    [Fact]
    public void ParameterLimitIsInclusive() =>
        Accepted($"(module (type (func {Repeat("(param i32)", 1000)} {Repeat("(result i64)", 1000)})))");

    [Fact]
    public void TooManyResults() =>
        Rejected($"(module (type (func {Repeat("(result i32)", 1001)})))", "function returns size is out of bounds");

    [Fact]
    public void TooManyLocals() =>
        Rejected("(module (func (param i32) (local i32 i32) (local " + Repeat("i32 ", 49_998) + ")))", "too many locals");

    [Fact]
    public void LocalLimitCountsParameters() =>
        Accepted("(module (func (param i32) (local " + Repeat("i32 ", 49_999) + ")))");

    [Fact]
    public void TooManyStructFields() =>
        Rejected($"(module (type (struct {Repeat("(field i8)", 10_001)})))", "struct fields size is out of bounds");

    [Fact]
    public void TooManyTables() =>
        Rejected($"(module {Repeat("(table 0 funcref)", 101)})", "tables count exceeds limit of 100");

    [Fact]
    public void TooManyMemories() =>
        Rejected($"(module {Repeat("(memory 0)", 101)})", "memories count exceeds limit of 100");

    [Fact]
    public void SubtypingDepthIsLimited()
    {
        var types = new StringBuilder("(type $t0 (sub (struct)))");
        for (var i = 1; i <= 64; i++) types.Append($"(type $t{i} (sub $t{i - 1} (struct)))");
        Rejected($"(module {types})", "sub type hierarchy too deep");
        var ok = new StringBuilder("(type $t0 (sub (struct)))");
        for (var i = 1; i <= 63; i++) ok.Append($"(type $t{i} (sub $t{i - 1} (struct)))");
        Accepted($"(module {ok})");
    }

    [Fact]
    public void DataCountSectionIsRequiredByMemoryInit()
    {
        var module = ModuleReader.Read(TestWat.ToWasm("(module (memory 1) (data \"x\") (func i32.const 0 i32.const 0 i32.const 1 memory.init 0))"));
        Assert.True(module.HasDataCount);
        Assert.Null(ModuleValidator.TryValidate(module));
        module.HasDataCount = false;
        var error = ModuleValidator.TryValidate(module);
        Assert.NotNull(error);
        Assert.Equal("data count section required", error!.Reason);
        var bytes = ModuleWriter.Write(module);
        Assert.Contains("data count section required", WasmtimeOracle.Validate(bytes));
        Assert.Equal(WasmtimeOracle.OffsetOf(WasmtimeOracle.Validate(bytes)!), ModuleValidator.TryValidate(ModuleReader.Read(bytes))!.Offset);
    }

    [Fact]
    public void ValidateThrowsAndTryValidateReturns()
    {
        var module = ModuleReader.Read(TestWat.ToWasm("(module (func (result i32) i64.const 0))"));
        var returned = ModuleValidator.TryValidate(module);
        var thrown = Assert.Throws<WasmException>(() => ModuleValidator.Validate(module));
        Assert.Equal(returned!.Message, thrown.Message);
        Assert.Equal(WasmErrorKind.Invalid, thrown.Kind);
        Assert.Equal("code", thrown.Section);
    }

    [Fact]
    public void MalformedBodiesAreReportedAsMalformed()
    {
        var bytes = TestWat.ToWasm("(module (func (result i32) i32.const 1))");
        var module = ModuleReader.Read(bytes);
        var body = module.Functions[0].Body;
        // Replace the body with one whose instruction stream stops before its end: locals, i32.const 1 and no end.
        module.Functions[0] = new Function(module.Functions[0].TypeIndex, new FunctionBody(new byte[] { 0x00, 0x41, 0x01 }, body.FileOffset));
        var error = ModuleValidator.TryValidate(module);
        Assert.NotNull(error);
        Assert.Equal(WasmErrorKind.Malformed, error!.Kind);
        module.Functions[0] = new Function(module.Functions[0].TypeIndex, new FunctionBody(new byte[] { 0x00, 0xFF, 0x0B }, body.FileOffset));
        error = ModuleValidator.TryValidate(module);
        Assert.NotNull(error);
        Assert.Equal(WasmErrorKind.Malformed, error!.Kind);
        Assert.Equal(body.FileOffset + 1, error.Offset);
    }

    [Fact]
    public void FeaturesGateInstructions()
    {
        var module = ModuleReader.Read(TestWat.ToWasm("(module (func (param v128) (result i32) local.get 0 v128.any_true))"));
        Assert.Null(ModuleValidator.TryValidate(module, Feature.Wasm2));
        var error = ModuleValidator.TryValidate(module, Feature.Wasm2 & ~Feature.Simd);
        Assert.NotNull(error);
        Assert.Contains("SIMD support is not enabled", error!.Reason);
    }

    [Fact]
    public void LowestOffsetErrorWinsAcrossFunctions()
    {
        // Enough code for the parallel path; two bad functions, the earlier one must be reported.
        // (Wasmtime validates bodies in parallel and may report either, so compare with the body itself.)
        var good = "(func (param i32) (result i32) " + Repeat("local.get 0 i32.const 1 i32.add local.set 0 ", 2000) + "local.get 0)";
        var wat = new StringBuilder("(module ");
        for (var i = 0; i < 16; i++)
        {
            wat.Append(i is 5 or 11 ? "(func (result i32) i64.const " + i + ")" : good);
        }
        wat.Append(')');
        var bytes = TestWat.ToWasm(wat.ToString());
        Assert.NotNull(WasmtimeOracle.Validate(bytes));
        var module = ModuleReader.Read(bytes);
        var body = module.Functions[5].Body;
        var end = body.Decode()[^1];
        for (var k = 0; k < 5; k++)
        {
            var error = ModuleValidator.TryValidate(module);
            Assert.NotNull(error);
            Assert.Equal(body.FileOffset + end.Offset, error!.Offset);
            Assert.Contains("expected i32, found i64", error.Reason);
        }
    }

    [Fact]
    public void ContextIsSharedAcrossFunctions()
    {
        var module = ModuleReader.Read(TestWat.ToWasm("(module (type $s (struct)) (func (result (ref $s)) struct.new $s) (func (result anyref) call 0))"));
        var context = new ValidationContext(module);
        Assert.Null(ModuleValidator.ValidateFunction(context, 0));
        Assert.Null(ModuleValidator.ValidateFunction(context, 1));
        Assert.Null(ModuleValidator.ValidateBodies(context));
    }

    [Fact]
    public void IsoRecursiveCanonicalIds()
    {
        var module = ModuleReader.Read(TestWat.ToWasm("""
            (module
              (rec (type $a (struct (field (ref null $b)))) (type $b (struct (field (ref null $a)))))
              (rec (type $c (struct (field (ref null $d)))) (type $d (struct (field (ref null $c)))))
              (rec (type $e (struct (field (ref null $e)))))
              (type $f (struct (field (ref null $a)))))
            """));
        var context = new ValidationContext(module);
        Assert.Equal(context.CanonicalId(0), context.CanonicalId(2));
        Assert.Equal(context.CanonicalId(1), context.CanonicalId(3));
        Assert.NotEqual(context.CanonicalId(0), context.CanonicalId(1));
        Assert.NotEqual(context.CanonicalId(4), context.CanonicalId(0));
        Assert.NotEqual(context.CanonicalId(5), context.CanonicalId(1));
    }
}
