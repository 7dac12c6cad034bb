using Whamm.Wasm.Binary;
using Whamm.Wasm.Model;
using Whamm.Wasm.Types;

namespace Whamm.Wasm.Reading;

// Function declarations, tables, memories, tags, globals and exports: the small declaration sections.
public sealed partial class ModuleReader
{
    private readonly List<uint> _declaredTypes = [];

    private void ReadFunctionDeclarations(ref WasmReader r)
    {
        var count = r.ReadCount();
        _functionCount = count;
        for (var i = 0; i < count; i++) _declaredTypes.Add(r.ReadU32());
    }

    private void ReadTables(ref WasmReader r)
    {
        var count = r.ReadCount();
        for (var i = 0; i < count; i++)
        {
            if (r.PeekByte() == 0x40)
            {
                var at = r.Position;
                r.ReadByte();
                if (r.ReadByte() != 0x00) throw r.ErrorAt(at + 1, "malformed table: zero byte expected");
                var type = ReadTableType(ref r);
                _module.Tables.Add(new Table(type, ReadConstExpr(ref r)));
            }
            else
            {
                _module.Tables.Add(new Table(ReadTableType(ref r)));
            }
        }
    }

    private void ReadMemories(ref WasmReader r)
    {
        var count = r.ReadCount();
        for (var i = 0; i < count; i++) _module.Memories.Add(new MemoryType(r.ReadLimits(memory: true)));
    }

    private void ReadTags(ref WasmReader r)
    {
        var count = r.ReadCount(2);
        for (var i = 0; i < count; i++) _module.Tags.Add(ReadTagType(ref r));
    }

    private void ReadGlobals(ref WasmReader r)
    {
        var count = r.ReadCount(3);
        for (var i = 0; i < count; i++)
        {
            var type = ReadGlobalType(ref r);
            _module.Globals.Add(new Global(type, ReadConstExpr(ref r)));
        }
    }

    private void ReadExports(ref WasmReader r)
    {
        var count = r.ReadCount(3);
        for (var i = 0; i < count; i++)
        {
            var name = r.ReadName();
            var at = r.Position;
            var kind = r.ReadByte();
            if (kind > (byte)ExternalKind.Tag) throw r.ErrorAt(at, $"malformed export kind: 0x{kind:x2}");
            _module.Exports.Add(new Export(name, (ExternalKind)kind, r.ReadU32()));
        }
    }
}
