using Whamm.Wasm.Binary;
using Whamm.Wasm.Editing;
using Whamm.Wasm.Model;
using Whamm.Wasm.Reading;
using Whamm.Wasm.Types;
using Whamm.Wasm.Writing;
using static Whamm.Wasm.Tests.Editing.EditTestSupport;

namespace Whamm.Wasm.Tests.Model;

/// <summary>
/// The data section's segments are checked when read and decoded when first asked for (<see cref="TrackedList{T}.Defer"/>);
/// segments appended to a list still deferred are written after the originals, which are copied as read.
/// </summary>
public class DeferredDataTests
{
    // One memory; one active segment at 0 whose length (2) is a padded five-byte LEB128, then its bytes AA BB.
    private static readonly byte[] PaddedSegment = [0x00, 0x41, 0x00, 0x0B, 0x82, 0x80, 0x80, 0x80, 0x00, 0xAA, 0xBB];

    private static byte[] ModuleWithPaddedSegment() =>
        [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00, 0x05, 0x03, 0x01, 0x00, 0x01, 0x0B, 0x0C, 0x01, .. PaddedSegment];

    private const string ThreeSegments = """
        (module
          (memory 1)
          (global $base i32 (i32.const 64))
          (data (i32.const 8) "ab")
          (data (global.get $base) "cde")
          (data "passive"))
        """;

    [Fact]
    public void SegmentsAreDecodedWhenFirstAskedFor()
    {
        var module = Read(ThreeSegments);
        Assert.Equal(3, module.Data.DeferredCount);
        Assert.Equal(3, module.Data.Count);

        var second = module.Data[1];
        Assert.Equal(0, module.Data.DeferredCount);
        Assert.Equal("cde"u8.ToArray(), second.Bytes.ToArray());
        Assert.Equal(SegmentMode.Active, second.Mode);
        Assert.Equal([0x23, 0x00, 0x0B], second.Offset!.Bytes.ToArray()); // global.get 0
        Assert.Equal(SegmentMode.Passive, module.Data[2].Mode);
        Assert.Equal("passive"u8.ToArray(), module.Data[2].Bytes.ToArray());
    }

    [Fact]
    public void AppendedSegmentsFollowTheOriginalsCopiedAsRead()
    {
        var module = ModuleReader.Read(ModuleWithPaddedSegment());
        module.Data.Add(new DataSegment(SegmentMode.Passive, new byte[] { 1, 2, 3 }, 1));
        Assert.Equal(1, module.Data.DeferredCount);
        Assert.Equal(2, module.Data.Count);

        var written = ModuleWriter.Write(module);
        AssertWasmtimeValid(written);
        Assert.True(written.AsSpan().IndexOf(PaddedSegment) >= 0, "the original segment was re-encoded");
        var reread = ModuleReader.Read(written);
        Assert.Equal([0xAA, 0xBB], reread.Data[0].Bytes.ToArray());
        Assert.Equal([1, 2, 3], reread.Data[1].Bytes.ToArray());

        // Encoding every section from the model decodes the segment and writes its length canonically.
        var reencoded = ModuleWriter.Write(module, reencodeAll: true);
        Assert.Equal(0, module.Data.DeferredCount);
        Assert.Equal(written.Length - 4, reencoded.Length);
        Assert.Equal(reread.Data.Select(d => d.Bytes.ToArray()), ModuleReader.Read(reencoded).Data.Select(d => d.Bytes.ToArray()));
    }

    [Fact]
    public void ASnapshotKeepsTheSegmentsAsTheyWereTaken()
    {
        var module = Read(ThreeSegments);
        var snapshot = module.Data.Snapshot();
        module.Data.Add(new DataSegment(SegmentMode.Passive, new byte[] { 9 }, 1));
        module.Data[0] = module.Data[0] with { Bytes = new byte[] { 7, 7 } };

        var taken = snapshot();
        Assert.Equal(3, taken.Length);
        Assert.Equal("ab"u8.ToArray(), taken[0].Bytes.ToArray());
        Assert.Equal([7, 7], module.Data[0].Bytes.ToArray());
        Assert.Equal(4, module.Data.Count);
    }

    [Fact]
    public void AMalformedSegmentIsReportedWhenTheModuleIsRead()
    {
        byte[] bytes = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00, 0x05, 0x03, 0x01, 0x00, 0x01, 0x0B, 0x08, 0x02,
            0x01, 0x01, 0xAA, // a passive segment
            0x03, 0x41, 0x00, 0x0B]; // flags 3: no such encoding
        var e = Assert.Throws<WasmException>(() => ModuleReader.Read(bytes));
        Assert.Equal(19, e.Offset);
        Assert.Contains("invalid flags byte in data segment", e.Message);
    }

    [Fact]
    public void RenumberingFunctionsLeavesTheSegmentsDeferredAndRenumberingMemoriesRemapsThem()
    {
        var module = Read(ThreeSegments);
        var editor = new ModuleEditor(module);
        editor.AddFunctionImport("env", "f", new FuncType([], []), at: 0);
        editor.AddGlobalImport("env", "g", new GlobalType(ValType.I32, false), at: 0);
        editor.Commit();
        Assert.Equal(0, module.Data.DeferredCount); // a global moved: the offset reading $base follows it
        Assert.Equal([0x23, 0x01, 0x0B], module.Data[1].Offset!.Bytes.ToArray());

        var untouched = Read(ThreeSegments);
        var functionsOnly = new ModuleEditor(untouched);
        functionsOnly.AddFunctionImport("env", "f", new FuncType([], []), at: 0);
        functionsOnly.Commit(validate: false); // validation reads every segment
        Assert.Equal(3, untouched.Data.DeferredCount);

        var memory = Read(ThreeSegments);
        var memories = new ModuleEditor(memory);
        memories.AddMemoryImport("env", "m", new MemoryType(new Limits(1)), at: 0);
        memories.Commit();
        Assert.Equal(1u, memory.Data[0].Memory);
        var written = ModuleWriter.Write(memory);
        AssertWasmtimeValid(written);
        Assert.Equal(1u, ModuleReader.Read(written).Data[0].Memory);
    }
}
