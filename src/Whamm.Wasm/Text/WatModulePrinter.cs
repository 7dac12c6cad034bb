using Whamm.Wasm.Instructions;
using Whamm.Wasm.Model;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Types;

namespace Whamm.Wasm.Text;

/// <summary>
/// Prints the module fields in binary section order (functions right after the imports), each custom
/// section as an annotation anchored where it was read. One instance prints one module.
/// </summary>
internal sealed class WatModulePrinter
{
    /// <summary>Data and custom-section strings longer than this are split over lines of this many bytes.</summary>
    private const int BytesPerLine = 64;

    private readonly Module _m;
    private readonly WatOptions _options;
    private readonly WatTextWriter _w;
    private readonly WatNames _names;
    private readonly WatInstructionWriter _ins;

    public WatModulePrinter(Module module, TextWriter output, WatOptions options)
    {
        _m = module;
        _options = options;
        _w = new WatTextWriter(output, options.Indent);
        _names = WatNames.Of(module);
        _ins = new WatInstructionWriter(_w, module, _names);
    }

    public void Print()
    {
        _w.Write("(module");
        if (_names.Module is { } name) Definition(WatSyntax.Id(name), name.Length == 0 ? name : null, -1);
        _w.Depth = 1;
        Customs(SectionId.Custom);
        Types();
        Customs(SectionId.Type);
        Imports();
        Customs(SectionId.Import);
        Functions();
        Customs(SectionId.Function);
        Customs(SectionId.DataCount);
        Customs(SectionId.Code);
        Tables();
        Customs(SectionId.Table);
        Memories();
        Customs(SectionId.Memory);
        Tags();
        Customs(SectionId.Tag);
        Globals();
        Customs(SectionId.Global);
        Exports();
        Customs(SectionId.Export);
        if (_m.Start is { } start)
        {
            _w.Line();
            _w.Write("(start");
            _ins.IndexOf(ImmKind.Func, start);
            _w.Write(')');
        }
        Customs(SectionId.Start);
        Elements();
        Customs(SectionId.Element);
        DataSegments();
        Customs(SectionId.Data);
        _w.Depth = 0;
        _w.Line();
        _w.Write(")\n");
    }

    /// <summary>After a field keyword: the identifier or a name annotation, then the index as a comment.</summary>
    private void Definition(string? id, string? annotation, long index)
    {
        if (id is not null) _w.Space(id);
        if (annotation is not null) _ins.Annotation(annotation);
        if (index >= 0)
        {
            _w.Write(' ');
            _w.IndexComment(index);
        }
    }

    private void Definition(NameMap map, uint index) => Definition(map.Id(index), map.Annotation(index), index);

    // ---- types ----

    private void Types()
    {
        uint index = 0;
        foreach (var group in _m.RecGroups)
        {
            _w.Line();
            if (!group.Explicit && group.Types.Length == 1)
            {
                TypeDefinition(group.Types[0], index++);
                continue;
            }
            _w.Write("(rec");
            _w.Depth++;
            foreach (var sub in group.Types)
            {
                _w.Line();
                TypeDefinition(sub, index++);
            }
            _w.Depth--;
            _w.Write(')');
        }
    }

    private void TypeDefinition(SubType sub, uint index)
    {
        _w.Write("(type");
        Definition(_names.Types, index);
        _w.Write(' ');
        if (!sub.IsShorthand)
        {
            _w.Write("(sub");
            if (sub.Final) _w.Write(" final");
            foreach (var super in sub.Supertypes)
            {
                _w.Write(' ');
                _ins.TypeRef(super);
            }
            _w.Write(' ');
        }
        switch (sub.Composite)
        {
            case FuncType f:
                _w.Write("(func");
                ParamsAndResults(f, NameMap.Empty);
                _w.Write(')');
                break;
            case StructType s:
            {
                _w.Write("(struct");
                var fields = _ins.FieldNames(index);
                for (var i = 0u; i < s.Fields.Length; i++)
                {
                    _w.Write(" (field");
                    if (fields.Id(i) is { } id) _w.Space(id);
                    if (fields.Annotation(i) is { } annotation) _ins.Annotation(annotation);
                    _w.Write(' ');
                    FieldType(s.Fields[i]);
                    _w.Write(')');
                }
                _w.Write(')');
                break;
            }
            case ArrayType a:
                _w.Write("(array ");
                FieldType(a.Element);
                _w.Write(')');
                break;
        }
        if (!sub.IsShorthand) _w.Write(')');
        _w.Write(')');
    }

    private void FieldType(FieldType field)
    {
        if (field.Mutable) _w.Write("(mut ");
        _ins.ValType(field.Storage);
        if (field.Mutable) _w.Write(')');
    }

    /// <summary><c>(param …) (result …)</c> with a leading space; named parameters get a group of their own.</summary>
    private void ParamsAndResults(FuncType type, NameMap locals)
    {
        var open = false;
        for (var i = 0u; i < type.Params.Length; i++)
        {
            var id = locals.Id(i);
            var annotation = locals.Annotation(i);
            if (id is null && annotation is null)
            {
                if (!open) _w.Write(" (param");
                open = true;
                _w.Write(' ');
                _ins.ValType(type.Params[i]);
                continue;
            }
            if (open) _w.Write(')');
            open = false;
            _w.Write(" (param");
            if (id is not null) _w.Space(id);
            if (annotation is not null) _ins.Annotation(annotation);
            _w.Write(' ');
            _ins.ValType(type.Params[i]);
            _w.Write(')');
        }
        if (open) _w.Write(')');
        if (type.Results.Length == 0) return;
        _w.Write(" (result");
        foreach (var r in type.Results)
        {
            _w.Write(' ');
            _ins.ValType(r);
        }
        _w.Write(')');
    }

    /// <summary><c>(type N)</c> and, when N is a function type, its parameters and results.</summary>
    private void TypeUse(uint typeIndex, NameMap locals)
    {
        _w.Write(" (type ");
        _ins.TypeRef(typeIndex);
        _w.Write(')');
        if (FuncTypeAt(typeIndex) is { } f) ParamsAndResults(f, locals);
    }

    private FuncType? FuncTypeAt(uint typeIndex) =>
        typeIndex < _m.Types.Count ? _m.Types[(int)typeIndex].Composite as FuncType : null;

    // ---- imports ----

    private void Imports()
    {
        uint funcs = 0, tables = 0, memories = 0, globals = 0, tags = 0;
        foreach (var import in _m.Imports)
        {
            _w.Line();
            _w.Write("(import ");
            _w.Write(WatSyntax.Quote(import.Module));
            _w.Write(' ');
            _w.Write(WatSyntax.Quote(import.Name));
            _w.Write(' ');
            switch (import.Kind)
            {
                case ExternalKind.Func:
                {
                    var index = funcs++;
                    _w.Write("(func");
                    Definition(_names.Functions, index);
                    TypeUse(import.FuncType, LocalNames(index, import.FuncType, null));
                    break;
                }
                case ExternalKind.Table:
                    _w.Write("(table");
                    Definition(_names.Tables, tables++);
                    TableType(import.Table);
                    break;
                case ExternalKind.Memory:
                    _w.Write("(memory");
                    Definition(_names.Memories, memories++);
                    MemoryType(import.Memory);
                    break;
                case ExternalKind.Global:
                    _w.Write("(global");
                    Definition(_names.Globals, globals++);
                    _w.Write(' ');
                    GlobalType(import.Global);
                    break;
                case ExternalKind.Tag:
                    _w.Write("(tag");
                    Definition(_names.Tags, tags++);
                    TagType(import.Tag);
                    break;
            }
            _w.Write("))");
        }
    }

    private void TableType(TableType type)
    {
        Limits(type.Limits);
        _w.Write(' ');
        _ins.ValType(type.Element);
    }

    private void MemoryType(MemoryType type)
    {
        Limits(type.Limits);
        if (type.Limits.Shared) _w.Write(" shared");
        if (type.Limits.PageSizeLog2 is { } log2)
        {
            _w.Write(" (pagesize ");
            _w.WriteUnsigned(1UL << (int)Math.Min(log2, 63));
            _w.Write(')');
        }
    }

    private void Limits(Limits limits)
    {
        if (limits.Is64) _w.Write(" i64");
        _w.Write(' ');
        _w.WriteUnsigned(limits.Min);
        if (limits.Max is { } max)
        {
            _w.Write(' ');
            _w.WriteUnsigned(max);
        }
    }

    private void GlobalType(GlobalType type)
    {
        if (type.Mutable) _w.Write("(mut ");
        _ins.ValType(type.Type);
        if (type.Mutable) _w.Write(')');
    }

    private void TagType(TagType tag)
    {
        _w.Write(" (type ");
        _ins.TypeRef(tag.TypeIndex);
        _w.Write(')');
    }

    // ---- functions ----

    private NameMap LocalNames(uint funcIndex, uint typeIndex, FunctionBody? body)
    {
        var count = (ulong)(FuncTypeAt(typeIndex)?.Params.Length ?? 0);
        if (body is not null) count += body.LocalCount;
        return _names.Locals(funcIndex, (uint)Math.Min(count, uint.MaxValue));
    }

    private void Functions()
    {
        var index = (uint)_m.ImportedFunctionCount;
        var body = new WatBodyPrinter(_w, _ins, _names, _options.Folded, _m);
        foreach (var function in _m.Functions)
        {
            var locals = LocalNames(index, function.TypeIndex, function.Body);
            _ins.Locals = locals;
            _w.Line();
            _w.Write("(func");
            Definition(_names.Functions, index);
            TypeUse(function.TypeIndex, locals);
            _w.Depth++;
            var lines = _w.Lines;
            Locals(function.Body, (uint)(FuncTypeAt(function.TypeIndex)?.Params.Length ?? 0), locals);
            body.Print(function.Body, index);
            _w.Depth--;
            if (_w.Lines != lines) _w.Line(); // an empty body closes on the header's line
            _w.Write(')');
            index++;
        }
        _ins.Locals = NameMap.Empty;
    }

    /// <summary>Local declarations on one line; unnamed locals of a run share one <c>(local …)</c>.</summary>
    private void Locals(FunctionBody body, uint firstLocal, NameMap names)
    {
        var index = firstLocal;
        var open = false;
        var first = true;
        foreach (var decl in body.Locals)
        {
            for (var i = 0u; i < decl.Count; i++, index++)
            {
                var id = names.Id(index);
                var annotation = names.Annotation(index);
                var named = id is not null || annotation is not null;
                if (open && (named || i == 0))
                {
                    _w.Write(')');
                    open = false;
                }
                if (!open)
                {
                    if (first) _w.Line();
                    else _w.Write(' ');
                    first = false;
                    _w.Write("(local");
                    if (id is not null) _w.Space(id);
                    if (annotation is not null) _ins.Annotation(annotation);
                    open = !named;
                }
                _w.Write(' ');
                _ins.ValType(decl.Type);
                if (named) _w.Write(')');
            }
        }
        if (open) _w.Write(')');
    }

    // ---- tables, memories, tags, globals ----

    private void Tables()
    {
        var index = (uint)_m.ImportCount(ExternalKind.Table);
        foreach (var table in _m.Tables)
        {
            _w.Line();
            _w.Write("(table");
            Definition(_names.Tables, index++);
            TableType(table.Type);
            if (table.Init is { } init)
            {
                _w.Write(' ');
                ConstExpr(init);
            }
            _w.Write(')');
        }
    }

    private void Memories()
    {
        var index = (uint)_m.ImportCount(ExternalKind.Memory);
        foreach (var memory in _m.Memories)
        {
            _w.Line();
            _w.Write("(memory");
            Definition(_names.Memories, index++);
            MemoryType(memory);
            _w.Write(')');
        }
    }

    private void Tags()
    {
        var index = (uint)_m.ImportCount(ExternalKind.Tag);
        foreach (var tag in _m.Tags)
        {
            _w.Line();
            _w.Write("(tag");
            Definition(_names.Tags, index++);
            TagType(tag);
            _w.Write(')');
        }
    }

    private void Globals()
    {
        var index = (uint)_m.ImportCount(ExternalKind.Global);
        foreach (var global in _m.Globals)
        {
            _w.Line();
            _w.Write("(global");
            Definition(_names.Globals, index++);
            _w.Write(' ');
            GlobalType(global.Type);
            _w.Write(' ');
            ConstExpr(global.Init);
            _w.Write(')');
        }
    }

    /// <summary>
    /// A constant expression without its final <c>end</c>: one instruction in the folded form
    /// <c>(i32.const 0)</c>, several as a flat sequence.
    /// </summary>
    private void ConstExpr(ConstExpr expr)
    {
        var instructions = expr.Decode();
        if (instructions.Count > 0 && instructions[^1].Op == Op.End) instructions.RemoveAt(instructions.Count - 1);
        if (instructions.Count == 1)
        {
            _w.Write('(');
            _ins.Write(instructions[0]);
            _w.Write(')');
            return;
        }
        for (var i = 0; i < instructions.Count; i++)
        {
            if (i > 0) _w.Write(' ');
            _ins.Write(instructions[i]);
        }
    }

    // ---- exports, elements, data ----

    private void Exports()
    {
        foreach (var export in _m.Exports)
        {
            _w.Line();
            _w.Write("(export ");
            _w.Write(WatSyntax.Quote(export.Name));
            _w.Write(export.Kind switch
            {
                ExternalKind.Func => " (func",
                ExternalKind.Table => " (table",
                ExternalKind.Memory => " (memory",
                ExternalKind.Global => " (global",
                _ => " (tag",
            });
            _ins.IndexOf(export.Kind switch
            {
                ExternalKind.Func => ImmKind.Func,
                ExternalKind.Table => ImmKind.Table,
                ExternalKind.Memory => ImmKind.Memory,
                ExternalKind.Global => ImmKind.Global,
                _ => ImmKind.Tag,
            }, export.Index);
            _w.Write("))");
        }
    }

    private void Elements()
    {
        var index = 0u;
        foreach (var e in _m.Elements)
        {
            _w.Line();
            _w.Write("(elem");
            Definition(_names.Elements, index++);
            switch (e.Mode)
            {
                case SegmentMode.Declarative:
                    _w.Write(" declare");
                    break;
                case SegmentMode.Active:
                    // The implicit-table forms (flags 0 and 4) need table 0 and funcref; keep an explicit table as read.
                    if (e.Table != 0 || (e.Encoding & 3) == 2 || e.Type != ValType.FuncRef)
                    {
                        _w.Write(" (table");
                        _ins.IndexOf(ImmKind.Table, e.Table);
                        _w.Write(')');
                    }
                    _w.Write(' ');
                    Offset(e.Offset!);
                    break;
            }
            if (e.Functions is { } funcs)
            {
                _w.Write(" func");
                foreach (var f in funcs) _ins.IndexOf(ImmKind.Func, f);
            }
            else
            {
                _w.Write(' ');
                _ins.ValType(e.Type);
                foreach (var item in e.Expressions!)
                {
                    _w.Write(' ');
                    Item(item);
                }
            }
            _w.Write(')');
        }
    }

    private void Item(ConstExpr item)
    {
        var instructions = item.Decode();
        if (instructions.Count == 2)
        {
            _w.Write('(');
            _ins.Write(instructions[0]);
            _w.Write(')');
            return;
        }
        _w.Write("(item ");
        ConstExpr(item);
        _w.Write(')');
    }

    private void Offset(ConstExpr offset)
    {
        var instructions = offset.Decode();
        if (instructions.Count == 2)
        {
            ConstExpr(offset);
            return;
        }
        _w.Write("(offset ");
        ConstExpr(offset);
        _w.Write(')');
    }

    private void DataSegments()
    {
        var index = 0u;
        foreach (var d in _m.Data)
        {
            _w.Line();
            _w.Write("(data");
            Definition(_names.Data, index++);
            if (d.Mode == SegmentMode.Active)
            {
                if (d.Memory != 0 || d.Encoding == 2)
                {
                    _w.Write(" (memory");
                    _ins.IndexOf(ImmKind.Memory, d.Memory);
                    _w.Write(')');
                }
                _w.Write(' ');
                Offset(d.Offset!);
            }
            Bytes(d.Bytes.Span);
            _w.Write(')');
        }
    }

    /// <summary>Raw bytes as string literals: one when short, else one line per <see cref="BytesPerLine"/> bytes.</summary>
    private void Bytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length <= BytesPerLine)
        {
            _w.Write(' ');
            _w.WriteString(bytes);
            return;
        }
        _w.Depth++;
        for (var at = 0; at < bytes.Length; at += BytesPerLine)
        {
            _w.Line();
            _w.WriteString(bytes.Slice(at, Math.Min(BytesPerLine, bytes.Length - at)));
        }
        _w.Depth--;
    }

    // ---- custom sections ----

    private void Customs(SectionId after)
    {
        var skipNames = _m.Names is not null;
        foreach (var custom in _m.CustomSections)
        {
            if (custom.After != after) continue;
            if (skipNames && custom.Name == "name")
            {
                skipNames = false; // the first (decoded) name section is printed as identifiers
                continue;
            }
            _w.Line();
            _w.Write("(@custom ");
            _w.Write(WatSyntax.Quote(custom.Name));
            _w.Write(Placement(after));
            Bytes(custom.Content.Span);
            _w.Write(')');
        }
    }

    /// <summary>
    /// Where a custom section goes. The text parser anchors customs to section positions (also of
    /// sections that are absent); the data count section has no anchor of its own, but "before code"
    /// is the position right after it.
    /// </summary>
    private static string Placement(SectionId after) => after switch
    {
        SectionId.Custom => " (before first)",
        SectionId.Type => " (after type)",
        SectionId.Import => " (after import)",
        SectionId.Function => " (after func)",
        SectionId.Table => " (after table)",
        SectionId.Memory => " (after memory)",
        SectionId.Tag => " (after tag)",
        SectionId.Global => " (after global)",
        SectionId.Export => " (after export)",
        SectionId.Start => " (after start)",
        SectionId.Element => " (after elem)",
        SectionId.DataCount => " (before code)",
        SectionId.Code => " (after code)",
        SectionId.Data => " (after data)",
        _ => throw new ArgumentOutOfRangeException(nameof(after), after, "unknown section"),
    };
}
