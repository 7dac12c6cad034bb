using Whamm.Wasm.Binary;
using Whamm.Wasm.Model;

namespace Whamm.Wasm.Editing;

/// <summary>
/// Remaps the keys of the name section: function, local (by function), global names, and the subsections the
/// model keeps raw: labels (by function), types, tables, memories, element and data segments, fields (by type)
/// and tags (extended-name-section numbering).
/// </summary>
internal static class NameRemapper
{
    public static NameSection Map(NameSection names, IndexMap map)
    {
        var changed = false;
        var functions = names.FunctionNames;
        var locals = names.LocalNames;
        var globals = names.GlobalNames;
        if (!map.IsIdentityFor(IndexSpace.Func))
        {
            functions = MapKeys(functions, map, IndexSpace.Func);
            locals = MapKeys(locals, map, IndexSpace.Func);
            changed = true;
        }
        if (!map.IsIdentityFor(IndexSpace.Global))
        {
            globals = MapKeys(globals, map, IndexSpace.Global);
            changed = true;
        }
        var others = names.OtherSubsections;
        List<(byte, ReadOnlyMemory<byte>)>? mappedOthers = null;
        for (var i = 0; i < others.Count; i++)
        {
            var (id, bytes) = others[i];
            var mapped = MapSubsection(id, bytes, map);
            if (mapped is null) continue;
            mappedOthers ??= [.. others];
            mappedOthers[i] = (id, mapped);
        }
        if (mappedOthers is not null)
        {
            others = mappedOthers;
            changed = true;
        }
        return changed ? names with { FunctionNames = functions, LocalNames = locals, GlobalNames = globals, OtherSubsections = others } : names;
    }

    private static Dictionary<uint, T> MapKeys<T>(IReadOnlyDictionary<uint, T> source, IndexMap map, IndexSpace space)
    {
        var result = new Dictionary<uint, T>(source.Count);
        foreach (var (key, value) in source) result[map.Map(space, key)] = value;
        return result;
    }

    /// <summary>The re-encoded subsection, or null when it does not change (or cannot be decoded: then it is kept).</summary>
    private static byte[]? MapSubsection(byte id, ReadOnlyMemory<byte> bytes, IndexMap map)
    {
        (IndexSpace Space, bool Indirect)? kind = id switch
        {
            3 => (IndexSpace.Func, true),
            4 => (IndexSpace.Type, false),
            5 => (IndexSpace.Table, false),
            6 => (IndexSpace.Memory, false),
            8 => (IndexSpace.Elem, false),
            9 => (IndexSpace.Data, false),
            10 => (IndexSpace.Type, true),
            11 => (IndexSpace.Tag, false),
            _ => null,
        };
        if (kind is not { } k || map.IsIdentityFor(k.Space)) return null;
        try
        {
            var r = new WasmReader(bytes, 0, "name");
            var w = new WasmWriter(bytes.Length + 16);
            var count = r.ReadCount();
            var entries = new List<(uint Key, ReadOnlyMemory<byte> Tail)>((int)count);
            for (var i = 0; i < count; i++)
            {
                var key = r.ReadU32();
                var start = r.Position;
                if (k.Indirect)
                {
                    var inner = r.ReadCount();
                    for (var j = 0; j < inner; j++)
                    {
                        r.ReadU32();
                        r.ReadName();
                    }
                }
                else
                {
                    r.ReadName();
                }
                entries.Add((map.Map(k.Space, key), bytes[start..r.Position]));
            }
            if (!r.AtEnd) return null;
            entries.Sort((a, b) => a.Key.CompareTo(b.Key));
            w.WriteU32(count);
            foreach (var (key, tail) in entries)
            {
                w.WriteU32(key);
                w.WriteBytes(tail.Span);
            }
            return w.ToArray();
        }
        catch (WasmException)
        {
            return null;
        }
    }
}
