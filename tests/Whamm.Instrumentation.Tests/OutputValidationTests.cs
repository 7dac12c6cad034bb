using Whamm.Language.Semantics;
using Whamm.Language.Text;
using Whamm.Wasm.Model;
using Whamm.Wasm.Reading;
using Whamm.Wasm.Tests.Corpus;
using Whamm.Wasm.Writing;

namespace Whamm.Instrumentation.Tests;

/// <summary>
/// <see cref="InstrumentOptions.Validate"/> off leaves our validation to <see cref="InstrumentResult.Validate"/>, or to
/// <see cref="InstrumentResult.Check"/> of the encoded output (the CLI's, run only when Wasmtime rejects the output or cannot
/// tell): the same output, and the same internal error naming the function and the probes injected there when the output
/// is invalid.
/// </summary>
public sealed class OutputValidationTests
{
    private const string Script = "var calls: u64; wasm:opcode:call:before { calls++; }";

    private static InstrumentResult Instrument(bool validate)
    {
        var (checkedScript, diagnostics) = Checker.Check(SourceText.From(Script, "t.mm"));
        Assert.False(checkedScript.HasErrors, string.Join("\n", diagnostics));
        var app = ModuleReader.Read(CorpusFiles.Get("c/sort").ReadBytes());
        return Instrumenter.Instrument(app, checkedScript, new InstrumentOptions { Validate = validate });
    }

    [Fact]
    public void ValidatingLaterGivesTheSameModule()
    {
        var now = Instrument(validate: true);
        var later = Instrument(validate: false);
        Assert.NotEqual(TimeSpan.Zero, now.ValidationTime);
        Assert.Equal(TimeSpan.Zero, later.ValidationTime);
        later.Validate();
        later.Validate(); // once is enough: the second call does nothing
        Assert.NotEqual(TimeSpan.Zero, later.ValidationTime);
        Assert.Equal(ModuleWriter.Write(now.Module), ModuleWriter.Write(later.Module));
    }

    [Fact]
    public void AnInvalidOutputIsAnInternalErrorNamingTheFunctionAndItsProbes()
    {
        var result = Instrument(validate: false);
        var module = result.Module;
        // The first function with a call was edited; break it as a bug of ours would (an i32.add with nothing to add).
        var defined = Enumerable.Range(0, module.Functions.Count).First(i => HasCall(module.Functions[i].Body));
        module.Functions[defined] = module.Functions[defined] with { Body = new FunctionBody(new byte[] { 0x00, 0x6a, 0x0b }) };

        var e = Assert.Throws<InstrumentationException>(result.Validate);
        Assert.True(e.IsInternal);
        var fid = module.ImportedFunctionCount + defined;
        Assert.Contains($"the instrumented module is invalid in function {fid}", e.Message);
        Assert.Contains("injected there: ", e.Message);
        Assert.Contains("wasm:opcode:call:before", e.Message);
    }

    [Fact]
    public void TheCheckOfTheEncodedOutputNamesTheFunctionAndItsProbesWithoutTheModel()
    {
        var result = Instrument(validate: false);
        var check = result.Check;
        check.Validate(result.ToBytes());
        var module = result.Module;
        var defined = Enumerable.Range(0, module.Functions.Count).First(i => HasCall(module.Functions[i].Body));
        module.Functions[defined] = module.Functions[defined] with { Body = new FunctionBody(new byte[] { 0x00, 0x6a, 0x0b }) };
        var broken = ModuleWriter.Write(module);

        var e = Assert.Throws<InstrumentationException>(() => check.Validate(broken));
        Assert.True(e.IsInternal);
        Assert.Contains($"the instrumented module is invalid in function {module.ImportedFunctionCount + defined}", e.Message);
        Assert.Contains("wasm:opcode:call:before", e.Message);
        var malformed = Assert.Throws<InstrumentationException>(() => check.Validate(broken.AsMemory(0, broken.Length - 3)));
        Assert.True(malformed.IsInternal);
        Assert.Contains("the instrumented module is malformed", malformed.Message);
    }

    private static bool HasCall(FunctionBody body)
    {
        var reader = body.Instructions();
        while (!reader.AtEnd)
        {
            if (reader.Read().Op == Wasm.Opcodes.Op.Call) return true;
        }
        return false;
    }
}
