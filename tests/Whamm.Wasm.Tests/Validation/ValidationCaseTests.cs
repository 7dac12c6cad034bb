using Whamm.Wasm.Binary;
using Whamm.Wasm.Instructions;
using Whamm.Wasm.Model;
using Whamm.Wasm.Reading;
using Whamm.Wasm.Validation;

namespace Whamm.Wasm.Tests.Validation;

/// <summary>Runs every <c>Validation/cases/*.wat</c> file (see <see cref="ValidationCase"/>); adding a case needs no C# edit.</summary>
public class ValidationCaseTests
{
    public static IEnumerable<object[]> Cases() => ValidationCase.Names();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case(string name)
    {
        var c = ValidationCase.Load(name);
        var bytes = TestWat.ToWasm(c.Text);
        Module? module = null;
        WasmException? error;
        try
        {
            module = ModuleReader.Read(bytes);
            error = ModuleValidator.TryValidate(module, c.Features);
        }
        catch (WasmException e)
        {
            error = e; // rejected by the reader already
        }

        if (c.Valid)
        {
            Assert.True(error is null, $"{name}: expected valid, got: {error?.Message}");
        }
        else
        {
            Assert.True(error is not null, $"{name}: expected invalid ({c.Message}), but it validated");
            Assert.Contains(c.Message!, error!.Reason, StringComparison.Ordinal);
            Assert.Equal(c.Malformed ? WasmErrorKind.Malformed : WasmErrorKind.Invalid, error.Kind);
            if (c.At is { } mnemonic)
            {
                Assert.NotNull(module);
                var at = InstructionAt(module!, error.Offset);
                Assert.True(at is not null, $"{name}: error offset 0x{error.Offset:x} is not the start of an instruction ({error.Message})");
                Assert.Equal(mnemonic, at!.Value.Opcode.Name);
            }
        }

        if (c.SkipOracle) return;
        var (available, oracle) = WasmtimeOracle.Validate(bytes, c.Features);
        if (!available) return;
        Assert.True(c.Valid == (oracle is null), $"{name}: Wasmtime says {oracle ?? "valid"}, the case expects {(c.Valid ? "valid" : "invalid")}");
        if (!c.Valid && c.CompareOffset)
        {
            Assert.True(WasmtimeOracle.OffsetOf(oracle!) == error!.Offset,
                $"{name}: our offset 0x{error.Offset:x} ({error.Reason}) differs from Wasmtime's: {oracle}");
        }
    }

    /// <summary>The instruction (in a function body or a constant expression) starting at file offset <paramref name="offset"/>.</summary>
    internal static Instruction? InstructionAt(Module module, long offset)
    {
        foreach (var f in module.Functions)
        {
            var body = f.Body;
            if (offset < body.FileOffset || offset >= body.FileOffset + body.Bytes.Length) continue;
            var reader = body.Instructions();
            while (!reader.AtEnd)
            {
                var ins = reader.Read();
                if (body.FileOffset + ins.Offset == offset) return ins;
            }
        }
        foreach (var expr in ConstExprs(module))
        {
            if (offset < expr.FileOffset || offset >= expr.FileOffset + expr.Bytes.Length) continue;
            foreach (var ins in expr.Decode())
            {
                if (expr.FileOffset + ins.Offset == offset) return ins;
            }
        }
        return null;
    }

    private static IEnumerable<ConstExpr> ConstExprs(Module module)
    {
        foreach (var g in module.Globals) yield return g.Init;
        foreach (var t in module.Tables)
        {
            if (t.Init is { } init) yield return init;
        }
        foreach (var e in module.Elements)
        {
            if (e.Offset is { } o) yield return o;
            foreach (var x in e.Expressions ?? []) yield return x;
        }
        foreach (var d in module.Data)
        {
            if (d.Offset is { } o) yield return o;
        }
    }
}
