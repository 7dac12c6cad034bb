using Whamm.Wasm.Binary;
using Whamm.Wasm.Types;

namespace Whamm.Wasm.Reading;

public sealed partial class ModuleReader
{
    private const int MaxTypes = 1_000_000;

    private void ReadTypes(ref WasmReader r)
    {
        var count = r.ReadCount();
        var total = 0;
        for (var i = 0; i < count; i++)
        {
            RecGroup group;
            if (r.PeekByte() == 0x4E)
            {
                r.ReadByte();
                var n = r.ReadCount();
                var types = new SubType[n];
                for (var j = 0; j < n; j++) types[j] = ReadSubType(ref r);
                group = new RecGroup(types, Explicit: true);
            }
            else
            {
                group = new RecGroup([ReadSubType(ref r)], Explicit: false);
            }
            total += group.Types.Length;
            if (total > MaxTypes) throw r.Error("types count is out of bounds");
            _module.RecGroups.Add(group);
        }
    }

    private static SubType ReadSubType(ref WasmReader r)
    {
        var b = r.PeekByte();
        if (b is not (0x50 or 0x4F)) return new SubType(ReadCompositeType(ref r));
        r.ReadByte();
        var supers = new uint[r.ReadCount()];
        for (var i = 0; i < supers.Length; i++) supers[i] = r.ReadU32();
        return new SubType(ReadCompositeType(ref r), Final: b == 0x4F, supers);
    }

    private static CompositeType ReadCompositeType(ref WasmReader r)
    {
        var at = r.Position;
        switch (r.ReadByte())
        {
            case 0x60:
            {
                var parameters = new ValType[r.ReadCount()];
                for (var i = 0; i < parameters.Length; i++) parameters[i] = r.ReadValType();
                var results = new ValType[r.ReadCount()];
                for (var i = 0; i < results.Length; i++) results[i] = r.ReadValType();
                return new FuncType(parameters, results);
            }
            case 0x5F:
            {
                var fields = new FieldType[r.ReadCount(2)];
                for (var i = 0; i < fields.Length; i++) fields[i] = ReadFieldType(ref r);
                return new StructType(fields);
            }
            case 0x5E:
                return new ArrayType(ReadFieldType(ref r));
            default:
                throw r.ErrorAt(at, $"invalid leading byte (0x{r.Data.Span[at]:x2}) for type definition");
        }
    }

    private static FieldType ReadFieldType(ref WasmReader r)
    {
        var storage = r.ReadStorageType();
        return new FieldType(storage, ReadMutability(ref r));
    }

    private static bool ReadMutability(ref WasmReader r)
    {
        var at = r.Position;
        return r.ReadByte() switch
        {
            0 => false,
            1 => true,
            _ => throw r.ErrorAt(at, "malformed mutability"),
        };
    }
}
