using Whamm.Wasm.Binary;
using Whamm.Wasm.Model;
using Whamm.Wasm.Reading;
using Whamm.Wasm.Tests.Corpus;
using Whamm.Wasm.Text;

namespace Whamm.Wasm.Tests.Text;

/// <summary>The printer on hostile input: malformed bodies raise <see cref="WasmException"/>, deep code prints.</summary>
public class PrinterRobustnessTests
{
    [Fact]
    public void MutatedModulesPrintOrRaiseWasmException()
    {
        var seed = File.ReadAllBytes(CorpusFiles.Get("random/ttf-0001").Path);
        var random = new Random(99);
        var printed = 0;
        for (var i = 0; i < 400; i++)
        {
            var bytes = (byte[])seed.Clone();
            for (var k = 0; k < 3; k++) bytes[random.Next(8, bytes.Length)] = (byte)random.Next(256);
            Module module;
            try
            {
                module = ModuleReader.Read(bytes);
            }
            catch (WasmException)
            {
                continue;
            }
            try
            {
                WatPrinter.Print(module, TextWriter.Null, new WatOptions { Folded = i % 2 == 0 });
                printed++;
            }
            catch (WasmException)
            {
                // A body that does not decode.
            }
        }
        Assert.True(printed > 0);
    }

    [Fact]
    public void LongOperandChainsFoldToABoundedDepth()
    {
        const int length = 100_000;
        var text = "(module (func (result i32) i32.const 0" + string.Concat(Enumerable.Repeat(" i32.const 1 i32.add", length)) + "))";
        var binary = TextParser.Parse(text);
        var folded = WatPrinter.Print(ModuleReader.Read(binary), new WatOptions { Folded = true });
        Assert.Equal(binary, TextParser.Parse(folded));
        var deepest = folded.Split('\n').Max(line => line.Count(c => c == '('));
        Assert.InRange(deepest, 2, WatFolder.MaxOperandDepth * 2 + 2);
    }
}
