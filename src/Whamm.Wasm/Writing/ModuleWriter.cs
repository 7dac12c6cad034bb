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
        // All but the code section is encoded first, into small writers, and the code's size is counted, so the output
        // is written once into an array of its exact size: an instrumented module is often several times its original
        // (esbuild's hotness output is 49 MB), and growing writers to it and copying them tripled that.
        var head = new WasmWriter(); // before the code section
        var tail = head;             // after it, once it is met
        ReadOnlyMemory<byte> rawCode = default;
        var code = -1;               // the size of the code section's content when it is encoded, else -1
        head.WriteBytes(Header);
        WriteCustoms(head, module, SectionId.Custom, original);
        var content = new WasmWriter();
        foreach (var id in Sections.CanonicalOrder)
        {
            if (original is not null && IsUnchanged(module, original, id, out var raw))
            {
                if (id != SectionId.Code) tail.WriteBytes(raw.Span);
                else (rawCode, tail) = (raw, new WasmWriter());
            }
            else if (id == SectionId.Code)
            {
                if (module.Functions.Count > 0)
                {
                    code = CodeSectionSize(module);
                    tail.WriteByte((byte)id);
                    tail.WriteU32((uint)code);
                    tail = new WasmWriter();
                }
            }
            else
            {
                content.Clear();
                if (EncodeSection(module, id, content)) tail.WriteSized((byte)id, content);
            }
            WriteCustoms(tail, module, id, original);
        }
        if (ReferenceEquals(head, tail)) return head.ToArray();
        var w = new WasmWriter(head.Length + Math.Max(code, 0) + rawCode.Length + tail.Length);
        w.WriteBytes(head.WrittenSpan);
        w.WriteBytes(rawCode.Span);
        if (code >= 0)
        {
            w.WriteU32((uint)module.Functions.Count);
            foreach (var f in module.Functions)
            {
                w.WriteU32((uint)f.Body.Bytes.Length);
                w.WriteBytes(f.Body.Bytes.Span);
            }
        }
        w.WriteBytes(tail.WrittenSpan);
        return w.Detach();
    }

    /// <summary>The bytes of the code section's content: the count, then each body with its size.</summary>
    private static int CodeSectionSize(Module module)
    {
        long size = WasmWriter.SizeU32((uint)module.Functions.Count);
        foreach (var f in module.Functions) size += WasmWriter.SizeU32((uint)f.Body.Bytes.Length) + f.Body.Bytes.Length;
        return checked((int)size);
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

    private static void WriteCustoms(WasmWriter w, Module module, SectionId after, OriginalSections? original)
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
                WriteCustom(w, "name", NameSectionWriter.Encode(names));
            }
            else if (!custom.Raw.IsEmpty && original is not null)
            {
                w.WriteBytes(custom.Raw.Span);
            }
            else
            {
                WriteCustom(w, custom.Name, custom.Content.Span);
            }
        }
        // A name section that did not exist when read goes at the end, where tools expect it.
        if (after == SectionId.Data && module.Names is { } added && !module.CustomSections.Any(c => c.Name == "name"))
            WriteCustom(w, "name", NameSectionWriter.Encode(added));
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
