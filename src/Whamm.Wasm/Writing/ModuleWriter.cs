using Whamm.Wasm.Binary;
using Whamm.Wasm.Model;

namespace Whamm.Wasm.Writing;

/// <summary>
/// Encodes a <see cref="Module"/>. A section whose entries have not changed since the module was read
/// is copied byte for byte, so an unmodified module comes back identical; changed sections are encoded
/// canonically (shortest LEBs), with unchanged function bodies still copied as bytes. Custom sections
/// go back after the known section they followed.
/// </summary>
public static partial class ModuleWriter
{
    private static readonly byte[] Header = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00];

    /// <summary>Encodes the module.</summary>
    /// <param name="module">The module.</param>
    /// <param name="reencodeAll">Encode every section from the model even when unchanged (tests the encoder).</param>
    public static byte[] Write(Module module, bool reencodeAll = false)
    {
        var original = reencodeAll ? null : module.Original;
        var parts = Parts(module, original);
        var sink = new Sink(new WasmWriter(checked((int)parts.Length)), null);
        parts.WriteTo(sink, module, original);
        return sink.Writer.Detach();
    }

    /// <summary>
    /// Encodes the module into <paramref name="stream"/> through a buffer of 64 KiB (or the largest function body): the
    /// output is never whole in memory beside the module and the bytes it was read from.
    /// </summary>
    public static void Write(Module module, Stream stream)
    {
        var parts = Parts(module, module.Original);
        var sink = new Sink(new WasmWriter(Sink.Chunk), stream);
        parts.WriteTo(sink, module, module.Original);
        sink.Flush();
    }

    private static OutputParts Parts(Module module, OriginalSections? original)
    {
        // Small sections are encoded into writers; sections as read, the code section's bodies and the data section's
        // segments are counted, then copied once, into an array of the output's exact size or a stream: an instrumented
        // module is often several times its original (esbuild's hotness output is 34 MB, 10 MB of it one segment), and
        // growing writers to it and copying them held the large parts three times over.
        var parts = new OutputParts();
        parts.Writer.WriteBytes(Header);
        WriteCustoms(parts, module, SectionId.Custom, original);
        var content = new WasmWriter();
        foreach (var id in Sections.CanonicalOrder)
        {
            if (original is not null && IsUnchanged(module, original, id, out var raw))
            {
                parts.Add(raw);
            }
            else if (id is SectionId.Code or SectionId.Data)
            {
                if (id == SectionId.Code ? module.Functions.Count > 0 : module.Data.Count > 0)
                {
                    var size = id == SectionId.Code ? CodeSectionSize(module) : DataSectionSize(module, original);
                    parts.Writer.WriteByte((byte)id);
                    parts.Writer.WriteU32((uint)size);
                    parts.Add(id, size);
                }
            }
            else
            {
                content.Clear();
                if (EncodeSection(module, id, content)) parts.Writer.WriteSized((byte)id, content);
            }
            WriteCustoms(parts, module, id, original);
        }
        return parts;
    }

    /// <summary>The output in order: writers, spans as read, and sections to be encoded straight into the output.</summary>
    private sealed class OutputParts
    {
        private readonly List<(WasmWriter? Writer, ReadOnlyMemory<byte> Raw, SectionId? Encoded, int Size)> parts = [];

        public OutputParts() => Start();

        /// <summary>Where the next small piece goes.</summary>
        public WasmWriter Writer { get; private set; } = null!;

        /// <summary>Bytes copied as they are (a section or custom section as read).</summary>
        public void Add(ReadOnlyMemory<byte> raw)
        {
            parts.Add((null, raw, null, raw.Length));
            Start();
        }

        /// <summary>The content of <paramref name="section"/> (code or data), <paramref name="size"/> bytes, encoded at the end.</summary>
        public void Add(SectionId section, int size)
        {
            parts.Add((null, default, section, size));
            Start();
        }

        private void Start()
        {
            Writer = new WasmWriter();
            parts.Add((Writer, default, null, 0));
        }

        /// <summary>The output's length in bytes.</summary>
        public long Length
        {
            get
            {
                long total = 0;
                foreach (var p in parts) total += p.Writer?.Length ?? p.Size;
                return total;
            }
        }

        public void WriteTo(Sink sink, Module module, OriginalSections? original)
        {
            foreach (var (writer, raw, encoded, _) in parts)
            {
                if (writer is not null) sink.Writer.WriteBytes(writer.WrittenSpan);
                else if (encoded == SectionId.Code) WriteCode(sink, module);
                else if (encoded == SectionId.Data) WriteDataSection(sink, module, original);
                else sink.WriteBytes(raw.Span);
            }
        }
    }

    /// <summary>Where the output goes: the writer alone (an array of the output's size), or a stream the writer is flushed to.</summary>
    private sealed class Sink(WasmWriter writer, Stream? stream)
    {
        public const int Chunk = 1 << 16;

        public WasmWriter Writer => writer;

        /// <summary>Bytes as they are: into the array, or (a chunk or more) straight to the stream.</summary>
        public void WriteBytes(ReadOnlySpan<byte> bytes)
        {
            if (stream is null || bytes.Length < Chunk)
            {
                writer.WriteBytes(bytes);
                Step();
                return;
            }
            Flush();
            stream.Write(bytes);
        }

        /// <summary>Between two entries: the buffer goes to the stream once it holds a chunk.</summary>
        public void Step()
        {
            if (stream is not null && writer.Length >= Chunk) Flush();
        }

        public void Flush()
        {
            stream?.Write(writer.WrittenSpan);
            writer.Clear();
        }
    }

    private static void WriteCode(Sink sink, Module module)
    {
        var w = sink.Writer;
        w.WriteU32((uint)module.Functions.Count);
        foreach (var f in module.Functions)
        {
            w.WriteU32((uint)f.Body.Length);
            f.Body.WriteTo(w);
            sink.Step();
        }
    }

    /// <summary>The bytes of the code section's content: the count, then each body with its size.</summary>
    private static int CodeSectionSize(Module module)
    {
        long size = WasmWriter.SizeU32((uint)module.Functions.Count);
        foreach (var f in module.Functions) size += WasmWriter.SizeU32((uint)f.Body.Length) + f.Body.Length;
        return checked((int)size);
    }

    private static void WriteDataSection(Sink sink, Module module, OriginalSections? original)
    {
        sink.Writer.WriteU32((uint)module.Data.Count);
        sink.WriteBytes(DataAsRead(module, original).Span);
        foreach (var d in DataToEncode(module, original))
        {
            WriteDataHeader(sink.Writer, d);
            sink.WriteBytes(d.Bytes.Span);
        }
    }

    /// <summary>The bytes of the data section's content: the count, the segments as read, then each segment encoded.</summary>
    private static int DataSectionSize(Module module, OriginalSections? original)
    {
        long size = WasmWriter.SizeU32((uint)module.Data.Count) + DataAsRead(module, original).Length;
        var header = new WasmWriter();
        foreach (var d in DataToEncode(module, original))
        {
            header.Clear();
            WriteDataHeader(header, d);
            size += header.Length + d.Bytes.Length;
        }
        return checked((int)size);
    }

    /// <summary>The segments still as read, which only had segments added after them: copied as bytes.</summary>
    private static ReadOnlyMemory<byte> DataAsRead(Module module, OriginalSections? original) =>
        original is not null && module.Data.DeferredCount > 0 ? original.DataItems : default;

    /// <summary>The segments encoded from the model: those after <see cref="DataAsRead"/>, or all when re-encoding everything.</summary>
    private static ReadOnlySpan<DataSegment> DataToEncode(Module module, OriginalSections? original)
    {
        if (original is null) module.Data.DecodeDeferred();
        return module.Data.AfterDeferred;
    }

    /// <summary>Encodes the module to a file.</summary>
    public static void WriteFile(Module module, string path) => File.WriteAllBytes(path, Write(module));

    private static bool IsUnchanged(Module module, OriginalSections original, SectionId id, out ReadOnlyMemory<byte> raw)
    {
        if (!original.Raw.TryGetValue(id, out raw)) return false;
        return id switch
        {
            SectionId.Start => module.Start == original.Start,
            SectionId.DataCount => module.HasDataCount && original.Versions[id] == module.Data.Version,
            _ => original.Versions[id] == VersionOf(module, id),
        };
    }

    private static int VersionOf(Module module, SectionId id) => id switch
    {
        SectionId.Type => module.RecGroups.Version,
        SectionId.Import => module.Imports.Version,
        SectionId.Function or SectionId.Code => module.Functions.Version,
        SectionId.Table => module.Tables.Version,
        SectionId.Memory => module.Memories.Version,
        SectionId.Tag => module.Tags.Version,
        SectionId.Global => module.Globals.Version,
        SectionId.Export => module.Exports.Version,
        SectionId.Element => module.Elements.Version,
        SectionId.Data => module.Data.Version,
        _ => throw new ArgumentOutOfRangeException(nameof(id)),
    };

    private static void WriteCustoms(OutputParts parts, Module module, SectionId after, OriginalSections? original)
    {
        var namesChanged = original is null || !ReferenceEquals(module.Names, original.Names);
        var namesWritten = false;
        foreach (var custom in module.CustomSections)
        {
            if (AnchorOf(custom) != after) continue;
            if (custom.Name == "name" && module.Names is { } names && namesChanged)
            {
                if (namesWritten) continue;
                namesWritten = true;
                WriteCustom(parts.Writer, "name", NameSectionWriter.Encode(names));
            }
            else if (!custom.Raw.IsEmpty && original is not null)
            {
                parts.Add(custom.Raw);
            }
            else
            {
                WriteCustom(parts.Writer, custom.Name, custom.Content.Span);
            }
        }
        // A name section that did not exist when read goes at the end, where tools expect it.
        if (after == SectionId.Data && module.Names is { } added && !module.CustomSections.Any(c => c.Name == "name"))
            WriteCustom(parts.Writer, "name", NameSectionWriter.Encode(added));
    }

    /// <summary>
    /// The known section a custom section is written after: the one it followed, except that the name section never
    /// goes before the data section (tools such as wabt reject it there, and a module read without data may gain some).
    /// </summary>
    private static SectionId AnchorOf(CustomSection custom) => custom.Name == "name" ? SectionId.Data : custom.After;

    private static void WriteCustom(WasmWriter w, string name, ReadOnlySpan<byte> content)
    {
        var payload = new WasmWriter(content.Length + name.Length + 8);
        payload.WriteName(name);
        payload.WriteBytes(content);
        w.WriteSized(0, payload);
    }
}
