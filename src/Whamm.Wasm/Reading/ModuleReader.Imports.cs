using Whamm.Wasm.Binary;
using Whamm.Wasm.Model;
using Whamm.Wasm.Types;

namespace Whamm.Wasm.Reading;

public sealed partial class ModuleReader
{
    private void ReadImports(ref WasmReader r)
    {
        var count = r.ReadCount(3);
        for (var i = 0; i < count; i++)
        {
            var module = r.ReadName();
            var name = r.ReadName();
            var at = r.Position;
            var kind = r.ReadByte();
            Import import = kind switch
            {
                0x00 => Import.Function(module, name, r.ReadU32()),
                0x01 => Import.OfTable(module, name, ReadTableType(ref r)),
                0x02 => Import.OfMemory(module, name, new MemoryType(r.ReadLimits(memory: true))),
                0x03 => Import.OfGlobal(module, name, ReadGlobalType(ref r)),
                0x04 => Import.OfTag(module, name, ReadTagType(ref r)),
                _ => throw r.ErrorAt(at, $"malformed import kind: 0x{kind:x2}"),
            };
            _module.Imports.Add(import);
        }
    }

    private static TableType ReadTableType(ref WasmReader r)
    {
        var element = r.ReadRefType();
        return new TableType(element, r.ReadLimits(memory: false));
    }

    private static GlobalType ReadGlobalType(ref WasmReader r)
    {
        var type = r.ReadValType();
        return new GlobalType(type, ReadMutability(ref r));
    }

    private static TagType ReadTagType(ref WasmReader r)
    {
        var at = r.Position;
        var attribute = r.ReadByte();
        if (attribute != 0) throw r.ErrorAt(at, $"invalid tag attribute: 0x{attribute:x2}");
        return new TagType(r.ReadU32(), attribute);
    }
}
