using System.Runtime.InteropServices;
using Whamm.Wasm.Binary;
using Whamm.Wasm.Model;
using Whamm.Wasm.Reading;

namespace Whamm.Wasm.Validation;

/// <summary>
/// Finds the file offset of the n-th entry of a section, for error messages about module-level entries
/// (the model keeps no per-entry offsets). It re-walks the section's original bytes, lazily and only
/// on the error path. When the module was built or edited since it was read, the offset is 0 (or the
/// section start when known).
/// </summary>
internal sealed class EntryLocator
{
    private readonly Module _module;
    private readonly Dictionary<SectionId, long[]> _cache = new();

    public EntryLocator(Module module) => _module = module;

    /// <summary>The file offset of entry <paramref name="index"/> of section <paramref name="id"/> (best effort).</summary>
    public long Locate(SectionId id, int index)
    {
        lock (_cache)
        {
            try
            {
                if (!_cache.TryGetValue(id, out var offsets))
                {
                    offsets = Walk(id) ?? [];
                    _cache[id] = offsets;
                }
                if (offsets.Length == 0) return SectionStart(id);
                return index >= 0 && index < offsets.Length - 1 ? offsets[index] : offsets[^1];
            }
            catch (WasmException)
            {
                return SectionStart(id);
            }
        }
    }

    /// <summary>File offset of the section's payload (its entry count), or 0.</summary>
    public long PayloadStart(SectionId id)
    {
        lock (_cache)
        {
            try
            {
                return Payload(id) is { } p ? p.Reader.FileOffset : 0;
            }
            catch (WasmException)
            {
                return 0;
            }
        }
    }

    /// <summary>File offset of the section's id byte, or 0.</summary>
    public long SectionStart(SectionId id) => Payload(id) is { } p ? p.Start : 0;

    private (WasmReader Reader, long Start)? Payload(SectionId id)
    {
        var original = _module.Original;
        if (original is null || !original.Raw.TryGetValue(id, out var raw)) return null;
        if (!MemoryMarshal.TryGetArray(raw, out var rawSeg) || !MemoryMarshal.TryGetArray(original.File, out var fileSeg)) return null;
        if (rawSeg.Array != fileSeg.Array) return null;
        var start = rawSeg.Offset - fileSeg.Offset;
        var r = new WasmReader(raw, start, Sections.Name(id));
        r.ReadByte();
        r.ReadU32();
        var payload = raw[r.Position..];
        return (new WasmReader(payload, start + r.Position, Sections.Name(id)), start);
    }

    private bool Unchanged(SectionId id)
    {
        var original = _module.Original;
        if (original is null) return false;
        if (id == SectionId.Start) return original.Start == _module.Start;
        if (!original.Versions.TryGetValue(id, out var version)) return false;
        var current = id switch
        {
            SectionId.Type => _module.RecGroups.Version,
            SectionId.Import => _module.Imports.Version,
            SectionId.Function or SectionId.Code => _module.Functions.Version,
            SectionId.Table => _module.Tables.Version,
            SectionId.Memory => _module.Memories.Version,
            SectionId.Tag => _module.Tags.Version,
            SectionId.Global => _module.Globals.Version,
            SectionId.Export => _module.Exports.Version,
            SectionId.Element => _module.Elements.Version,
            SectionId.Data or SectionId.DataCount => _module.Data.Version,
            _ => -1,
        };
        return current == version;
    }

    /// <summary>Entry start offsets, then the section end as a last element.</summary>
    private long[]? Walk(SectionId id)
    {
        if (!Unchanged(id) || Payload(id) is not { } payload) return null;
        var r = payload.Reader;
        if (id == SectionId.Start) return [r.CurrentOffset, r.CurrentOffset];
        var count = r.ReadCount(0);
        var offsets = new List<long>();
        for (var i = 0; i < count; i++)
        {
            offsets.Add(r.CurrentOffset);
            SkipEntry(id, ref r);
        }
        offsets.Add(r.CurrentOffset);
        return offsets.ToArray();
    }

    private static void SkipEntry(SectionId id, ref WasmReader r)
    {
        switch (id)
        {
            case SectionId.Type:
                if (r.PeekByte() == 0x4E)
                {
                    r.ReadByte();
                    var n = r.ReadCount(0);
                    for (var i = 0; i < n; i++) SkipSubType(ref r);
                }
                else
                {
                    SkipSubType(ref r);
                }
                break;
            case SectionId.Import:
                r.ReadName();
                r.ReadName();
                switch (r.ReadByte())
                {
                    case 0: r.ReadU32(); break;
                    case 1: r.ReadRefType(); r.ReadLimits(memory: false); break;
                    case 2: r.ReadLimits(memory: true); break;
                    case 3: r.ReadValType(); r.ReadByte(); break;
                    default: r.ReadByte(); r.ReadU32(); break;
                }
                break;
            case SectionId.Function: r.ReadU32(); break;
            case SectionId.Table:
                if (r.PeekByte() == 0x40)
                {
                    r.ReadByte();
                    r.ReadByte();
                    r.ReadRefType();
                    r.ReadLimits(memory: false);
                    ModuleReader.ReadConstExpr(ref r);
                }
                else
                {
                    r.ReadRefType();
                    r.ReadLimits(memory: false);
                }
                break;
            case SectionId.Memory: r.ReadLimits(memory: true); break;
            case SectionId.Tag: r.ReadByte(); r.ReadU32(); break;
            case SectionId.Global:
                r.ReadValType();
                r.ReadByte();
                ModuleReader.ReadConstExpr(ref r);
                break;
            case SectionId.Export: r.ReadName(); r.ReadByte(); r.ReadU32(); break;
            case SectionId.Element:
            {
                var flags = r.ReadU32();
                var usesExpressions = (flags & 4) != 0;
                if ((flags & 3) == 2) r.ReadU32();
                if ((flags & 1) == 0) ModuleReader.ReadConstExpr(ref r);
                if ((flags & 3) != 0)
                {
                    if (usesExpressions) r.ReadRefType();
                    else r.ReadByte();
                }
                var n = r.ReadCount(0);
                for (var j = 0; j < n; j++)
                {
                    if (usesExpressions) ModuleReader.ReadConstExpr(ref r);
                    else r.ReadU32();
                }
                break;
            }
            case SectionId.Code:
            {
                var size = r.ReadU32();
                r.ReadBytes((int)size);
                break;
            }
            case SectionId.Data:
            {
                var flags = r.ReadU32();
                if (flags == 2) r.ReadU32();
                if (flags != 1) ModuleReader.ReadConstExpr(ref r);
                var length = r.ReadCount(0);
                r.ReadBytes((int)length);
                break;
            }
        }
    }

    private static void SkipSubType(ref WasmReader r)
    {
        var b = r.PeekByte();
        if (b is 0x50 or 0x4F)
        {
            r.ReadByte();
            var n = r.ReadCount(0);
            for (var i = 0; i < n; i++) r.ReadU32();
        }
        switch (r.ReadByte())
        {
            case 0x60:
            {
                var p = r.ReadCount(0);
                for (var i = 0; i < p; i++) r.ReadValType();
                var q = r.ReadCount(0);
                for (var i = 0; i < q; i++) r.ReadValType();
                break;
            }
            case 0x5F:
            {
                var n = r.ReadCount(0);
                for (var i = 0; i < n; i++)
                {
                    r.ReadStorageType();
                    r.ReadByte();
                }
                break;
            }
            default:
                r.ReadStorageType();
                r.ReadByte();
                break;
        }
    }
}
