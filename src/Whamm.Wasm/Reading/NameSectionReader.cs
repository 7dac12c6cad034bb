using Whamm.Wasm.Binary;
using Whamm.Wasm.Model;

namespace Whamm.Wasm.Reading;

/// <summary>Decodes the <c>name</c> custom section's module, function, local and global names.</summary>
public static class NameSectionReader
{
    /// <summary>Decodes the section content (after the section name), or returns null if it is malformed.</summary>
    public static NameSection? TryRead(ReadOnlyMemory<byte> content, long fileOffset = 0)
    {
        try
        {
            return Read(content, fileOffset);
        }
        catch (WasmException)
        {
            return null;
        }
    }

    /// <summary>Decodes the section content, throwing <see cref="WasmException"/> when it is malformed.</summary>
    public static NameSection Read(ReadOnlyMemory<byte> content, long fileOffset = 0)
    {
        var r = new WasmReader(content, fileOffset, "name");
        string? moduleName = null;
        var functions = new Dictionary<uint, string>();
        var locals = new Dictionary<uint, IReadOnlyDictionary<uint, string>>();
        var globals = new Dictionary<uint, string>();
        var others = new List<(byte, ReadOnlyMemory<byte>)>();
        var lastId = -1;
        while (!r.AtEnd)
        {
            var id = r.ReadByte();
            if (id <= lastId) throw r.Error("name subsections out of order");
            lastId = id;
            var size = r.ReadU32();
            var start = r.CurrentOffset;
            var payload = r.ReadBytes((int)Math.Min(size, int.MaxValue));
            var sub = new WasmReader(payload, start, "name");
            switch (id)
            {
                case 0: moduleName = sub.ReadName(); break;
                case 1: ReadNameMap(ref sub, functions); break;
                case 2:
                {
                    var count = sub.ReadCount();
                    for (var i = 0; i < count; i++)
                    {
                        var func = sub.ReadU32();
                        var map = new Dictionary<uint, string>();
                        ReadNameMap(ref sub, map);
                        locals[func] = map;
                    }
                    break;
                }
                case 7: ReadNameMap(ref sub, globals); break;
                default: others.Add((id, payload)); continue;
            }
            if (!sub.AtEnd) throw sub.Error("name subsection size mismatch");
        }
        return new NameSection
        {
            ModuleName = moduleName, FunctionNames = functions, LocalNames = locals, GlobalNames = globals, OtherSubsections = others,
        };
    }

    private static void ReadNameMap(ref WasmReader r, Dictionary<uint, string> map)
    {
        var count = r.ReadCount(2);
        for (var i = 0; i < count; i++)
        {
            var index = r.ReadU32();
            map[index] = r.ReadName();
        }
    }
}
