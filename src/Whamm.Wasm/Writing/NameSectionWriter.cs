using Whamm.Wasm.Binary;
using Whamm.Wasm.Model;

namespace Whamm.Wasm.Writing;

/// <summary>Encodes a <see cref="NameSection"/>; the mirror of <see cref="Reading.NameSectionReader"/>.</summary>
public static class NameSectionWriter
{
    /// <summary>The section content (without the section name), subsections in id order.</summary>
    public static byte[] Encode(NameSection names)
    {
        var w = new WasmWriter();
        var sub = new WasmWriter();
        void Flush(byte id)
        {
            w.WriteSized(id, sub);
            sub.Clear();
        }
        void Others(Func<byte, bool> which)
        {
            foreach (var (id, bytes) in names.OtherSubsections.Where(o => which(o.Id)))
            {
                sub.WriteBytes(bytes.Span);
                Flush(id);
            }
        }
        if (names.ModuleName is { } moduleName)
        {
            sub.WriteName(moduleName);
            Flush(0);
        }
        if (names.FunctionNames.Count > 0)
        {
            WriteNameMap(sub, names.FunctionNames);
            Flush(1);
        }
        if (names.LocalNames.Count > 0)
        {
            sub.WriteU32((uint)names.LocalNames.Count);
            foreach (var (func, map) in names.LocalNames.OrderBy(p => p.Key))
            {
                sub.WriteU32(func);
                WriteNameMap(sub, map);
            }
            Flush(2);
        }
        Others(id => id < 7);
        if (names.GlobalNames.Count > 0)
        {
            WriteNameMap(sub, names.GlobalNames);
            Flush(7);
        }
        Others(id => id > 7);
        return w.ToArray();
    }

    private static void WriteNameMap(WasmWriter w, IReadOnlyDictionary<uint, string> map)
    {
        w.WriteU32((uint)map.Count);
        foreach (var (index, name) in map.OrderBy(p => p.Key))
        {
            w.WriteU32(index);
            w.WriteName(name);
        }
    }
}
