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

    /// <summary>
    /// Checks every data segment now and decodes them when first asked for (<see cref="TrackedList{T}.Defer"/>): a writer
    /// that only appends segments copies these as read.
    /// </summary>
    private void ReadData(ref WasmReader r)
    {
        var count = r.ReadCount();
        if (_dataCount is { } declared && declared != count)
            throw r.Error("data count and data section have inconsistent lengths");
        var items = r.Data[r.Position..];
        var itemsAt = r.CurrentOffset;
        for (var i = 0; i < count; i++) ReadDataSegment(ref r);
        _original.DataItems = items;
        _module.Data.Defer((int)count, () =>
        {
            var segments = new List<DataSegment>((int)count);
            var again = new WasmReader(items, itemsAt, Sections.Name(SectionId.Data));
            for (var i = 0; i < count; i++) segments.Add(ReadDataSegment(ref again).ToSegment());
            return segments;
        });
    }

    private static DataSegmentParts ReadDataSegment(ref WasmReader r)
    {
        var at = r.Position;
        var flags = r.ReadU32();
        if (flags > 2) throw r.ErrorAt(at, $"invalid flags byte in data segment: {flags}");
        uint memory = flags == 2 ? r.ReadU32() : 0;
        var offsetAt = r.CurrentOffset;
        var offset = flags != 1 ? ReadConstExprBytes(ref r) : default;
        var length = r.ReadCount(0);
        var bytes = r.ReadBytes((int)Math.Min(length, int.MaxValue));
        return new DataSegmentParts((byte)flags, memory, offset, offsetAt, bytes);
    }

    /// <summary>A data segment's fields as read, before any object is made of them.</summary>
    private readonly record struct DataSegmentParts(byte Flags, uint Memory, ReadOnlyMemory<byte> Offset, long OffsetAt, ReadOnlyMemory<byte> Bytes)
    {
        public DataSegment ToSegment() => new(Flags == 1 ? SegmentMode.Passive : SegmentMode.Active, Bytes, Flags)
        {
            Memory = Memory, Offset = Flags != 1 ? new ConstExpr(Offset, OffsetAt) : null,
        };
    }
}
