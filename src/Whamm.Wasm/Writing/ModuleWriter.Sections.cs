using Whamm.Wasm.Binary;
using Whamm.Wasm.Model;
using Whamm.Wasm.Types;

namespace Whamm.Wasm.Writing;

// One encoder per known section; each mirrors its counterpart in Reading/ModuleReader.*.cs.
public static partial class ModuleWriter
{
    /// <summary>Encodes a known section's content; false when the section is empty and is left out. The code and data sections are not among them: <see cref="Write(Module, bool)"/> puts their bodies and segments straight into the output.</summary>
    private static bool EncodeSection(Module m, SectionId id, WasmWriter w)
    {
        switch (id)
        {
            case SectionId.Type:
                if (m.RecGroups.Count == 0) return false;
                w.WriteU32((uint)m.RecGroups.Count);
                foreach (var group in m.RecGroups) WriteRecGroup(w, group);
                return true;
            case SectionId.Import:
                if (m.Imports.Count == 0) return false;
                w.WriteU32((uint)m.Imports.Count);
                foreach (var import in m.Imports) WriteImport(w, import);
                return true;
            case SectionId.Function:
                if (m.Functions.Count == 0) return false;
                w.WriteU32((uint)m.Functions.Count);
                foreach (var f in m.Functions) w.WriteU32(f.TypeIndex);
                return true;
            case SectionId.Table:
                if (m.Tables.Count == 0) return false;
                w.WriteU32((uint)m.Tables.Count);
                foreach (var t in m.Tables) WriteTable(w, t);
                return true;
            case SectionId.Memory:
                if (m.Memories.Count == 0) return false;
                w.WriteU32((uint)m.Memories.Count);
                foreach (var memory in m.Memories) w.WriteLimits(memory.Limits);
                return true;
            case SectionId.Tag:
                if (m.Tags.Count == 0) return false;
                w.WriteU32((uint)m.Tags.Count);
                foreach (var tag in m.Tags) WriteTagType(w, tag);
                return true;
            case SectionId.Global:
                if (m.Globals.Count == 0) return false;
                w.WriteU32((uint)m.Globals.Count);
                foreach (var g in m.Globals)
                {
                    WriteGlobalType(w, g.Type);
                    w.WriteBytes(g.Init.Bytes.Span);
                }
                return true;
            case SectionId.Export:
                if (m.Exports.Count == 0) return false;
                w.WriteU32((uint)m.Exports.Count);
                foreach (var e in m.Exports)
                {
                    w.WriteName(e.Name);
                    w.WriteByte((byte)e.Kind);
                    w.WriteU32(e.Index);
                }
                return true;
            case SectionId.Start:
                if (m.Start is not { } start) return false;
                w.WriteU32(start);
                return true;
            case SectionId.Element:
                if (m.Elements.Count == 0) return false;
                w.WriteU32((uint)m.Elements.Count);
                foreach (var e in m.Elements) WriteElement(w, e);
                return true;
            case SectionId.DataCount:
                if (!m.HasDataCount) return false;
                w.WriteU32((uint)m.Data.Count);
                return true;
            default:
                throw new ArgumentOutOfRangeException(nameof(id));
        }
    }

    private static void WriteRecGroup(WasmWriter w, RecGroup group)
    {
        if (group.Explicit || group.Types.Length != 1)
        {
            w.WriteByte(0x4E);
            w.WriteU32((uint)group.Types.Length);
        }
        foreach (var sub in group.Types) WriteSubType(w, sub);
    }

    private static void WriteSubType(WasmWriter w, SubType sub)
    {
        if (!sub.IsShorthand)
        {
            w.WriteByte(sub.Final ? (byte)0x4F : (byte)0x50);
            w.WriteU32((uint)sub.Supertypes.Length);
            foreach (var s in sub.Supertypes) w.WriteU32(s);
        }
        switch (sub.Composite)
        {
            case FuncType f:
                w.WriteByte(0x60);
                w.WriteU32((uint)f.Params.Length);
                foreach (var p in f.Params) w.WriteValType(p);
                w.WriteU32((uint)f.Results.Length);
                foreach (var r in f.Results) w.WriteValType(r);
                break;
            case StructType s:
                w.WriteByte(0x5F);
                w.WriteU32((uint)s.Fields.Length);
                foreach (var field in s.Fields) WriteField(w, field);
                break;
            case ArrayType a:
                w.WriteByte(0x5E);
                WriteField(w, a.Element);
                break;
        }
    }

    private static void WriteField(WasmWriter w, FieldType field)
    {
        w.WriteValType(field.Storage);
        w.WriteByte(field.Mutable ? (byte)1 : (byte)0);
    }

    private static void WriteImport(WasmWriter w, Import import)
    {
        w.WriteName(import.Module);
        w.WriteName(import.Name);
        w.WriteByte((byte)import.Kind);
        switch (import.Kind)
        {
            case ExternalKind.Func: w.WriteU32(import.FuncType); break;
            case ExternalKind.Table: WriteTableType(w, import.Table); break;
            case ExternalKind.Memory: w.WriteLimits(import.Memory.Limits); break;
            case ExternalKind.Global: WriteGlobalType(w, import.Global); break;
            case ExternalKind.Tag: WriteTagType(w, import.Tag); break;
        }
    }

    private static void WriteTableType(WasmWriter w, TableType type)
    {
        w.WriteValType(type.Element);
        w.WriteLimits(type.Limits);
    }

    private static void WriteTable(WasmWriter w, Table table)
    {
        if (table.Init is { } init)
        {
            w.WriteByte(0x40);
            w.WriteByte(0x00);
            WriteTableType(w, table.Type);
            w.WriteBytes(init.Bytes.Span);
        }
        else
        {
            WriteTableType(w, table.Type);
        }
    }

    private static void WriteGlobalType(WasmWriter w, GlobalType type)
    {
        w.WriteValType(type.Type);
        w.WriteByte(type.Mutable ? (byte)1 : (byte)0);
    }

    private static void WriteTagType(WasmWriter w, TagType tag)
    {
        w.WriteByte(tag.Attribute);
        w.WriteU32(tag.TypeIndex);
    }

    private static void WriteElement(WasmWriter w, ElementSegment e)
    {
        var flags = ElementFlags(e);
        w.WriteU32(flags);
        if ((flags & 3) == 2) w.WriteU32(e.Table);
        if (e.Mode == SegmentMode.Active) w.WriteBytes(e.Offset!.Bytes.Span);
        if ((flags & 3) != 0)
        {
            if ((flags & 4) != 0) w.WriteValType(e.Type);
            else w.WriteByte(0x00);
        }
        if (e.Expressions is { } exprs)
        {
            w.WriteU32((uint)exprs.Length);
            foreach (var x in exprs) w.WriteBytes(x.Bytes.Span);
        }
        else
        {
            w.WriteU32((uint)e.Functions!.Length);
            foreach (var f in e.Functions) w.WriteU32(f);
        }
    }

    /// <summary>The flags to encode a segment with: its original form when it still fits, else the one its contents need.</summary>
    private static uint ElementFlags(ElementSegment e)
    {
        uint exprBit = e.Expressions is null ? 0u : 4u;
        switch (e.Mode)
        {
            case SegmentMode.Passive: return 1 | exprBit;
            case SegmentMode.Declarative: return 3 | exprBit;
        }
        var implicitOk = e.Table == 0 && e.Type == ValType.FuncRef;
        var keepExplicit = (e.Encoding & 3) == 2;
        return (implicitOk && !keepExplicit ? 0u : 2u) | exprBit;
    }

    /// <summary>A segment up to its bytes: mode, memory, offset and the bytes' length.</summary>
    private static void WriteDataHeader(WasmWriter w, DataSegment d)
    {
        if (d.Mode == SegmentMode.Passive)
        {
            w.WriteU32(1);
        }
        else if (d.Memory == 0 && d.Encoding != 2)
        {
            w.WriteU32(0);
            w.WriteBytes(d.Offset!.Bytes.Span);
        }
        else
        {
            w.WriteU32(2);
            w.WriteU32(d.Memory);
            w.WriteBytes(d.Offset!.Bytes.Span);
        }
        w.WriteU32((uint)d.Bytes.Length);
    }
}
