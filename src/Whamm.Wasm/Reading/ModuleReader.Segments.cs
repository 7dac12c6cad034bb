using Whamm.Wasm.Binary;
using Whamm.Wasm.Model;
using Whamm.Wasm.Types;

namespace Whamm.Wasm.Reading;

// Element and data segments, in all their flag encodings.
public sealed partial class ModuleReader
{
    private void ReadElements(ref WasmReader r)
    {
        var count = r.ReadCount();
        for (var i = 0; i < count; i++)
        {
            var at = r.Position;
            var flags = r.ReadU32();
            if (flags > 7) throw r.ErrorAt(at, $"invalid flags byte in element segment: {flags}");
            var mode = (flags & 1) == 0 ? SegmentMode.Active : (flags & 2) == 0 ? SegmentMode.Passive : SegmentMode.Declarative;
            var explicitTable = (flags & 3) == 2;
            var usesExpressions = (flags & 4) != 0;
            uint table = explicitTable ? r.ReadU32() : 0;
            var offset = mode == SegmentMode.Active ? ReadConstExpr(ref r) : null;
            var type = ValType.FuncRef;
            if ((flags & 3) != 0)
            {
                if (usesExpressions)
                {
                    type = r.ReadRefType();
                }
                else
                {
                    var kindAt = r.Position;
                    if (r.ReadByte() != 0x00) throw r.ErrorAt(kindAt, "malformed element kind");
                }
            }
            var segment = new ElementSegment(mode, type, (byte)flags) { Table = table, Offset = offset };
            var n = r.ReadCount();
            if (usesExpressions)
            {
                var items = new ConstExpr[n];
                for (var j = 0; j < n; j++) items[j] = ReadConstExpr(ref r);
                segment = segment with { Expressions = items };
            }
            else
            {
                var funcs = new uint[n];
                for (var j = 0; j < n; j++) funcs[j] = r.ReadU32();
                segment = segment with { Functions = funcs };
            }
            _module.Elements.Add(segment);
        }
    }

    private void ReadData(ref WasmReader r)
    {
        var count = r.ReadCount();
        if (_dataCount is { } declared && declared != count)
            throw r.Error("data count and data section have inconsistent lengths");
        for (var i = 0; i < count; i++)
        {
            var at = r.Position;
            var flags = r.ReadU32();
            if (flags > 2) throw r.ErrorAt(at, $"invalid flags byte in data segment: {flags}");
            uint memory = flags == 2 ? r.ReadU32() : 0;
            var offset = flags != 1 ? ReadConstExpr(ref r) : null;
            var length = r.ReadCount(0);
            var bytes = r.ReadBytes((int)Math.Min(length, int.MaxValue));
            _module.Data.Add(new DataSegment(flags == 1 ? SegmentMode.Passive : SegmentMode.Active, bytes, (byte)flags)
            {
                Memory = memory, Offset = offset,
            });
        }
    }
}
