using Whamm.Wasm.Binary;
using Whamm.Wasm.Instructions;
using Whamm.Wasm.Model;
using Whamm.Wasm.Opcodes;

namespace Whamm.Wasm.Reading;

/// <summary>
/// Decodes a binary module into a <see cref="Module"/>. Section headers and every section except the
/// code section's bodies are decoded eagerly; bodies stay as byte slices (<see cref="FunctionBody"/>), and the data
/// section's segments are checked now and decoded when first asked for (<see cref="TrackedList{T}.Defer"/>).
/// Malformed input raises <see cref="WasmException"/> with the file offset when read; nothing else escapes.
/// </summary>
public sealed partial class ModuleReader
{
    private static readonly byte[] Magic = [0x00, 0x61, 0x73, 0x6D];
    private readonly ReadOnlyMemory<byte> _file;
    private readonly Module _module = new();
    private readonly OriginalSections _original;
    private uint? _functionCount;
    private uint? _dataCount;
    private uint? _start;
    private NameSection? _names;

    private ModuleReader(ReadOnlyMemory<byte> file)
    {
        _file = file;
        _original = new OriginalSections { File = file };
    }

    /// <summary>Reads a module from its bytes. The bytes are referenced, not copied: do not mutate them afterwards.</summary>
    public static Module Read(ReadOnlyMemory<byte> bytes) => new ModuleReader(bytes).ReadModule();

    /// <summary>Reads a module from a file.</summary>
    public static Module ReadFile(string path) => Read(File.ReadAllBytes(path));

    private Module ReadModule()
    {
        var r = new WasmReader(_file);
        ReadHeader(ref r);
        var lastRank = -1;
        var lastKnown = SectionId.Custom;
        while (!r.AtEnd)
        {
            var sectionStart = r.Position;
            var idByte = r.ReadByte();
            if (idByte > (byte)SectionId.Tag) throw r.ErrorAt(sectionStart, $"malformed section id: {idByte}");
            var id = (SectionId)idByte;
            r.Section = Sections.Name(id);
            var size = r.ReadU32();
            if (size > r.Remaining) throw r.Error($"section too large: {id} section of {size} bytes, {r.Remaining} remain");
            var payloadStart = r.Position;
            var payload = r.ReadBytes((int)size);
            var raw = _file.Slice(sectionStart, r.Position - sectionStart);
            var section = new WasmReader(payload, payloadStart, Sections.Name(id));
            if (id == SectionId.Custom)
            {
                ReadCustom(ref section, raw, lastKnown);
                continue;
            }
            var rank = Sections.Rank(id);
            if (rank <= lastRank)
                throw new WasmException(WasmErrorKind.Malformed, rank == lastRank ? $"duplicate {Sections.Name(id)} section" : "section out of order",
                    sectionStart, Sections.Name(id));
            lastRank = rank;
            lastKnown = id;
            _original.Raw[id] = raw;
            ReadKnown(id, ref section);
            if (!section.AtEnd) throw section.Error("section size mismatch: unexpected content after the last item");
            r.Section = null;
        }
        CheckCounts(r.CurrentOffset);
        _module.Start = _start;
        _module.HasDataCount = _dataCount.HasValue;
        _module.Names = _names;
        _original.Start = _start;
        _original.HasDataCount = _dataCount.HasValue;
        _original.Names = _names;
        RecordVersions(_original.Versions);
        _module.Original = _original;
        return _module;
    }

    private static void ReadHeader(ref WasmReader r)
    {
        if (r.Remaining < 4 || !r.Data.Span[..4].SequenceEqual(Magic)) throw r.Error("magic header not detected");
        r.ReadBytes(4);
        if (r.Remaining < 4) throw r.Error("unexpected end-of-file: missing version");
        var version = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(r.ReadBytes(4).Span);
        if (version != 1) throw r.ErrorAt(4, $"unknown binary version: 0x{version:x}");
    }

    private void ReadKnown(SectionId id, ref WasmReader r)
    {
        switch (id)
        {
            case SectionId.Type: ReadTypes(ref r); break;
            case SectionId.Import: ReadImports(ref r); break;
            case SectionId.Function: ReadFunctionDeclarations(ref r); break;
            case SectionId.Table: ReadTables(ref r); break;
            case SectionId.Memory: ReadMemories(ref r); break;
            case SectionId.Tag: ReadTags(ref r); break;
            case SectionId.Global: ReadGlobals(ref r); break;
            case SectionId.Export: ReadExports(ref r); break;
            case SectionId.Start: _start = r.ReadU32(); break;
            case SectionId.Element: ReadElements(ref r); break;
            case SectionId.DataCount: _dataCount = r.ReadU32(); break;
            case SectionId.Code: ReadCode(ref r); break;
            case SectionId.Data: ReadData(ref r); break;
        }
    }

    private void CheckCounts(long endOffset)
    {
        if ((_functionCount ?? 0) != 0 && !_original.Raw.ContainsKey(SectionId.Code))
            throw new WasmException(WasmErrorKind.Malformed, "function and code section have inconsistent lengths", endOffset);
        if (_dataCount is { } count && count != _module.Data.Count)
            throw new WasmException(WasmErrorKind.Malformed, "data count and data section have inconsistent lengths", endOffset);
    }

    private void RecordVersions(Dictionary<SectionId, int> versions)
    {
        versions[SectionId.Type] = _module.RecGroups.Version;
        versions[SectionId.Import] = _module.Imports.Version;
        versions[SectionId.Function] = _module.Functions.Version;
        versions[SectionId.Code] = _module.Functions.Version;
        versions[SectionId.Table] = _module.Tables.Version;
        versions[SectionId.Memory] = _module.Memories.Version;
        versions[SectionId.Tag] = _module.Tags.Version;
        versions[SectionId.Global] = _module.Globals.Version;
        versions[SectionId.Export] = _module.Exports.Version;
        versions[SectionId.Element] = _module.Elements.Version;
        versions[SectionId.Data] = _module.Data.Version;
        versions[SectionId.DataCount] = _module.Data.Version;
    }

    /// <summary>Reads a constant expression up to and including its <c>end</c>.</summary>
    internal static ConstExpr ReadConstExpr(ref WasmReader r)
    {
        var offset = r.CurrentOffset;
        return new ConstExpr(ReadConstExprBytes(ref r), offset);
    }

    /// <summary>The bytes of a constant expression up to and including its <c>end</c>, checked.</summary>
    private static ReadOnlyMemory<byte> ReadConstExprBytes(ref WasmReader r)
    {
        var start = r.Position;
        var instructions = new InstructionReader(new WasmReader(r.Data[start..], r.CurrentOffset, r.Section));
        while (true)
        {
            if (instructions.AtEnd) throw r.ErrorAt(r.Data.Length, "unexpected end-of-file: constant expression has no end");
            if (instructions.Read().Op == Op.End) break;
        }
        return r.ReadBytes(instructions.Position);
    }
}
