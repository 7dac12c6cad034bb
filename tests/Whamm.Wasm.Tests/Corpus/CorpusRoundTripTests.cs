using Whamm.Wasm.Binary;
using Whamm.Wasm.Editing;
using Whamm.Wasm.Instructions;
using Whamm.Wasm.Model;
using Whamm.Wasm.Reading;
using Whamm.Wasm.Types;
using Whamm.Wasm.Writing;

namespace Whamm.Wasm.Tests.Corpus;

/// <summary>Read → write over the whole corpus: identical bytes, and an encoder that mirrors the decoder.</summary>
public class CorpusRoundTripTests
{
    public static IEnumerable<object[]> Names() => CorpusFiles.AllNames();

    [Theory]
    [MemberData(nameof(Names))]
    public void ReadThenWriteIsByteIdentical(string name)
    {
        var bytes = File.ReadAllBytes(CorpusFiles.Get(name).Path);
        var written = ModuleWriter.Write(ModuleReader.Read(bytes));
        Assert.True(bytes.AsSpan().SequenceEqual(written), $"{name}: written module differs from the input");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void WritingToAStreamGivesTheSameBytes(string name)
    {
        var bytes = File.ReadAllBytes(CorpusFiles.Get(name).Path);
        var asRead = ModuleReader.Read(bytes); // sections as read, segments deferred, one added
        asRead.Data.Add(new DataSegment(SegmentMode.Passive, new byte[70_000], 1)); // more than the writer's buffer at once
        var edited = ModuleReader.Read(bytes); // every function index moved, every body edited (spliced from the input)
        var editor = new ModuleEditor(edited);
        var hook = editor.AddFunctionImport("whamm", "hook", new FuncType([], []), at: 0);
        for (var i = 0; i < edited.Functions.Count; i++) editor.EditBody(i).InsertAtEntry(new InstructionBuilder().Call(hook));
        editor.Commit(validate: false);
        foreach (var module in new[] { asRead, edited })
        {
            using var stream = new MemoryStream();
            ModuleWriter.Write(module, stream);
            Assert.Equal(ModuleWriter.Write(module), stream.ToArray());
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ReencodingEverySectionIsAFixedPointThatKeepsTheContent(string name)
    {
        var original = ModuleReader.Read(File.ReadAllBytes(CorpusFiles.Get(name).Path));
        var once = ModuleWriter.Write(original, reencodeAll: true);
        var reread = ModuleReader.Read(once);
        Assert.Equal(once, ModuleWriter.Write(reread, reencodeAll: true));
        AssertSameContent(original, reread);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void EveryInstructionReencodesToItsOwnDecoding(string name)
    {
        var module = ModuleReader.Read(File.ReadAllBytes(CorpusFiles.Get(name).Path));
        var w = new WasmWriter();
        foreach (var function in module.Functions)
        {
            var reader = function.Body.Instructions();
            while (!reader.AtEnd)
            {
                var ins = reader.Read();
                w.Clear();
                InstructionWriter.Write(w, ins);
                var again = new InstructionReader(new WasmReader(w.ToArray())).Read();
                AssertSameInstruction(ins, again);
                Assert.True(w.Length <= ins.Length, $"{ins} at 0x{function.Body.FileOffset + ins.Offset:x}: canonical encoding is longer than the input");
            }
        }
    }

    private static void AssertSameInstruction(in Instruction expected, in Instruction actual)
    {
        Assert.Equal(expected.Op, actual.Op);
        Assert.Equal((expected.Imm0, expected.Imm1, expected.Imm2, expected.Imm3), (actual.Imm0, actual.Imm1, actual.Imm2, actual.Imm3));
        Assert.Equal(expected.MemArg, actual.MemArg);
        Assert.Equal(expected.BlockType, actual.BlockType);
        Assert.Equal(expected.Vector?.Cast<object>().ToArray() ?? [], actual.Vector?.Cast<object>().ToArray() ?? []);
    }

    private static void AssertSameContent(Module a, Module b)
    {
        Assert.Equal(a.RecGroups, b.RecGroups);
        Assert.Equal(a.Imports, b.Imports);
        Assert.Equal(a.Tables, b.Tables);
        Assert.Equal(a.Memories, b.Memories);
        Assert.Equal(a.Tags, b.Tags);
        Assert.Equal(a.Globals, b.Globals);
        Assert.Equal(a.Exports, b.Exports);
        Assert.Equal(a.Start, b.Start);
        Assert.Equal(a.Functions.Count, b.Functions.Count);
        for (var i = 0; i < a.Functions.Count; i++)
        {
            Assert.Equal(a.Functions[i].TypeIndex, b.Functions[i].TypeIndex);
            Assert.True(a.Functions[i].Body.Bytes.Span.SequenceEqual(b.Functions[i].Body.Bytes.Span), $"body {i} differs");
        }
        Assert.Equal(a.Elements.Count, b.Elements.Count);
        for (var i = 0; i < a.Elements.Count; i++)
        {
            var (x, y) = (a.Elements[i], b.Elements[i]);
            Assert.Equal((x.Mode, x.Type, x.Table, x.Offset), (y.Mode, y.Type, y.Table, y.Offset));
            Assert.Equal(x.Functions, y.Functions);
            Assert.Equal(x.Expressions, y.Expressions);
        }
        Assert.Equal(a.Data.Count, b.Data.Count);
        for (var i = 0; i < a.Data.Count; i++)
        {
            var (x, y) = (a.Data[i], b.Data[i]);
            Assert.Equal((x.Mode, x.Memory, x.Offset), (y.Mode, y.Memory, y.Offset));
            Assert.True(x.Bytes.Span.SequenceEqual(y.Bytes.Span));
        }
        Assert.Equal(a.CustomSections.Select(c => c.Name), b.CustomSections.Select(c => c.Name));
        Assert.Equal(a.Names?.FunctionNames, b.Names?.FunctionNames);
    }
}
