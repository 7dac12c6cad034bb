using Whamm.Wasm.Binary;
using Whamm.Wasm.Model;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Types;

namespace Whamm.Wasm.Validation;

/// <summary>
/// Validates a whole module per the spec (and Wasmtime's implementation limits): the type section with
/// GC subtyping, every import, declaration, export, segment and constant expression, then every
/// function body (in parallel for large modules; the error with the lowest file offset wins, so the
/// verdict and message are deterministic).
/// </summary>
public static class ModuleValidator
{
    /// <summary>Throws <see cref="WasmException"/> when <paramref name="module"/> is not valid under <paramref name="features"/>.</summary>
    public static void Validate(Module module, Feature features = Feature.Wasmtime)
    {
        if (TryValidate(module, features) is { } error) throw error;
    }

    /// <summary>The first validation error, or null when the module is valid.</summary>
    public static WasmException? TryValidate(Module module, Feature features = Feature.Wasmtime)
    {
        ValidationContext context;
        try
        {
            context = new ValidationContext(module, features);
            new ModuleChecks(context).Run();
        }
        catch (WasmException e)
        {
            return e;
        }
        return ValidateBodies(context);
    }

    /// <summary>Validates every function body against an existing context; returns the first error (lowest offset) or null.</summary>
    public static WasmException? ValidateBodies(ValidationContext context)
    {
        var functions = context.Module.Functions;
        var count = functions.Count;
        var imported = (uint)context.ImportedFunctions;
        long totalBytes = 0;
        foreach (var f in functions) totalBytes += f.Body.Length;
        if (count < 8 || totalBytes < 64 * 1024 || Environment.ProcessorCount == 1)
        {
            var validator = new FunctionValidator(context);
            for (var i = 0; i < count; i++)
            {
                if (ValidateBody(validator, imported + (uint)i) is { } e) return e;
            }
            return null;
        }

        WasmException? best = null;
        var bestIndex = int.MaxValue;
        var bestOffset = long.MaxValue;
        var gate = new object();
        Parallel.For(0, count,
            () => new FunctionValidator(context),
            (i, _, validator) =>
            {
                // A body that starts after the best error so far cannot contain an earlier one.
                if (functions[i].Body.FileOffset > Volatile.Read(ref bestOffset)) return validator;
                if (ValidateBody(validator, imported + (uint)i) is { } e)
                {
                    lock (gate)
                    {
                        if (e.Offset < bestOffset || (e.Offset == bestOffset && i < bestIndex))
                        {
                            best = e;
                            bestIndex = i;
                            Volatile.Write(ref bestOffset, e.Offset);
                        }
                    }
                }
                return validator;
            },
            _ => { });
        return best;
    }

    /// <summary>Validates one defined function body; returns its first error or null.</summary>
    public static WasmException? ValidateFunction(ValidationContext context, uint funcIndex) =>
        ValidateBody(new FunctionValidator(context), funcIndex);

    private static WasmException? ValidateBody(FunctionValidator validator, uint funcIndex)
    {
        try
        {
            validator.Begin(funcIndex);
            var body = validator.Context.Module.Functions[(int)(funcIndex - (uint)validator.Context.ImportedFunctions)].Body;
            var reader = body.Instructions();
            while (!reader.AtEnd)
            {
                var ins = reader.Read();
                validator.Step(in ins);
            }
            if (!validator.IsComplete)
            {
                return new WasmException(WasmErrorKind.Malformed, "unexpected end-of-file: function body has no end",
                    body.FileOffset + body.Bytes.Length, "code");
            }
            return null;
        }
        catch (WasmException e)
        {
            return e;
        }
    }

    /// <summary>Module-level rules, section by section in binary order.</summary>
    private sealed class ModuleChecks
    {
        private readonly ValidationContext _ctx;
        private readonly Module _module;
        private readonly FunctionValidator _expr;

        public ModuleChecks(ValidationContext context)
        {
            _ctx = context;
            _module = context.Module;
            _expr = new FunctionValidator(context);
        }

        private bool Has(Feature f) => _ctx.Has(f);

        private WasmException Error(SectionId section, int entry, string message) =>
            new(WasmErrorKind.Invalid, message, _ctx.Locator.Locate(section, entry), Sections.Name(section));

        private void Check(SectionId section, int entry, string? error)
        {
            if (error is not null) throw Error(section, entry, error);
        }

        /// <summary>An implementation-limit check on a section's entry count, reported at the count like Wasmtime does.</summary>
        private void CheckMax(SectionId section, int count, int max, string what, int entry = -1)
        {
            if (count <= max) return;
            var message = max == 1 ? $"multiple {what}" : $"{what} count exceeds limit of {max}";
            var offset = entry < 0 ? _ctx.Locator.PayloadStart(section) : _ctx.Locator.Locate(section, entry);
            throw new WasmException(WasmErrorKind.Invalid, message, offset, Sections.Name(section));
        }

        public void Run()
        {
            CheckImports();
            CheckFunctions();
            CheckTables();
            CheckMemories();
            CheckTags();
            CheckGlobals();
            CheckExports();
            CheckStart();
            CheckElements();
            CheckDataCount();
            CheckData();
        }

        private int MaxTables => Has(Feature.ReferenceTypes) ? ValidationLimits.MaxTables : 1;
        private int MaxMemories => Has(Feature.MultiMemory) ? ValidationLimits.MaxMemories : 1;

        private void CheckImports()
        {
            var imports = _module.Imports;
            CheckMax(SectionId.Import, imports.Count, ValidationLimits.MaxImports, "imports");
            int funcs = 0, tables = 0, memories = 0, globals = 0, tags = 0;
            for (var i = 0; i < imports.Count; i++)
            {
                var import = imports[i];
                if (import.Module.Length > ValidationLimits.MaxStringSize / 4 || import.Name.Length > ValidationLimits.MaxStringSize / 4)
                    Check(SectionId.Import, i, CheckName(import.Module) ?? CheckName(import.Name));
                switch (import.Kind)
                {
                    case ExternalKind.Func:
                        Check(SectionId.Import, i, FuncTypeError(import.FuncType));
                        CheckMax(SectionId.Import, ++funcs, ValidationLimits.MaxFunctions, "functions", i);
                        break;
                    case ExternalKind.Table:
                        Check(SectionId.Import, i, TableTypeError(import.Table));
                        CheckMax(SectionId.Import, ++tables, MaxTables, "tables", i);
                        break;
                    case ExternalKind.Memory:
                        Check(SectionId.Import, i, MemoryTypeError(import.Memory));
                        CheckMax(SectionId.Import, ++memories, MaxMemories, "memories", i);
                        break;
                    case ExternalKind.Global:
                        Check(SectionId.Import, i, _ctx.CheckValType(import.Global.Type));
                        if (import.Global.Mutable && !Has(Feature.MutableGlobal)) Check(SectionId.Import, i, "mutable global support is not enabled");
                        CheckMax(SectionId.Import, ++globals, ValidationLimits.MaxGlobals, "globals", i);
                        break;
                    case ExternalKind.Tag:
                        Check(SectionId.Import, i, TagTypeError(import.Tag));
                        CheckMax(SectionId.Import, ++tags, ValidationLimits.MaxTags, "tags", i);
                        break;
                }
            }
        }

        private static string? CheckName(string name) =>
            System.Text.Encoding.UTF8.GetByteCount(name) > ValidationLimits.MaxStringSize ? "string size out of bounds" : null;

        private string? FuncTypeError(uint typeIndex)
        {
            if (typeIndex >= (uint)_ctx.Types.Length) return $"unknown type {typeIndex}: type index out of bounds";
            return _ctx.FuncTypes[typeIndex] is null ? $"type index {typeIndex} is not a function type" : null;
        }

        private string? TableTypeError(TableType t)
        {
            if (t.Element != ValType.FuncRef && _ctx.CheckRefType(t.Element) is { } error) return error;
            var l = t.Limits;
            if (l.Max is { } max && l.Min > max) return "size minimum must not be greater than maximum";
            if (l.Is64 && !Has(Feature.Memory64)) return "memory64 must be enabled for 64-bit tables";
            if (l.Shared) return "shared tables require the shared-everything-threads proposal";
            var limit = l.Is64 ? ulong.MaxValue : uint.MaxValue;
            if (l.Min > limit || l.Max > limit) return $"table size must be at most 0x{limit:x} entries";
            return null;
        }

        private string? MemoryTypeError(MemoryType m)
        {
            var l = m.Limits;
            if (l.Max is { } max && l.Min > max) return "size minimum must not be greater than maximum";
            if (l.Is64 && !Has(Feature.Memory64)) return "memory64 must be enabled for 64-bit memories";
            if (l.Shared && !Has(Feature.Threads)) return "threads must be enabled for shared memories";
            var log2 = 16;
            if (l.PageSizeLog2 is { } p)
            {
                if (!Has(Feature.CustomPageSizes)) return "the custom page sizes proposal must be enabled to customize a memory's page size";
                if (p != 0 && p != 16) return "invalid custom page size";
                log2 = (int)p;
            }
            var limit = ValidationLimits.MaxMemoryPages(l.Is64, log2);
            if (l.Min > limit || l.Max > limit) return $"memory size must be at most 0x{limit:x} {1UL << log2}-byte pages";
            if (l.Shared && l.Max is null) return "shared memory must have maximum size";
            return null;
        }

        private string? TagTypeError(TagType t)
        {
            if (!Has(Feature.Exceptions) && !Has(Feature.LegacyExceptions)) return "exceptions proposal not enabled";
            if (FuncTypeError(t.TypeIndex) is { } error) return error;
            return _ctx.FuncTypes[t.TypeIndex]!.Results.Length != 0 ? "invalid exception type: non-empty tag result type" : null;
        }

        private void CheckFunctions()
        {
            var functions = _module.Functions;
            CheckMax(SectionId.Function, _ctx.FunctionTypes.Length, ValidationLimits.MaxFunctions, "functions");
            for (var i = 0; i < functions.Count; i++) Check(SectionId.Function, i, FuncTypeError(functions[i].TypeIndex));
        }

        private void CheckTables()
        {
            var tables = _module.Tables;
            CheckMax(SectionId.Table, _ctx.Tables.Length, MaxTables, "tables");
            for (var i = 0; i < tables.Count; i++)
            {
                var table = tables[i];
                Check(SectionId.Table, i, TableTypeError(table.Type));
                if (table.Init is null)
                {
                    if (!table.Type.Element.Nullable) Check(SectionId.Table, i, "type mismatch: non-defaultable element type");
                }
                else
                {
                    if (!Has(Feature.FunctionReferences))
                        Check(SectionId.Table, i, "tables with expression initializers require the function-references proposal");
                    ConstExpr(table.Init, table.Type.Element, _ctx.ImportedGlobals, "table");
                }
            }
        }

        private void CheckMemories()
        {
            var memories = _module.Memories;
            CheckMax(SectionId.Memory, _ctx.Memories.Length, MaxMemories, "memories");
            for (var i = 0; i < memories.Count; i++) Check(SectionId.Memory, i, MemoryTypeError(memories[i]));
        }

        private void CheckTags()
        {
            var tags = _module.Tags;
            if (tags.Count == 0) return;
            if (!Has(Feature.Exceptions) && !Has(Feature.LegacyExceptions)) Check(SectionId.Tag, 0, "exceptions proposal not enabled");
            CheckMax(SectionId.Tag, _ctx.Tags.Length, ValidationLimits.MaxTags, "tags");
            for (var i = 0; i < tags.Count; i++) Check(SectionId.Tag, i, TagTypeError(tags[i]));
        }

        private void CheckGlobals()
        {
            var globals = _module.Globals;
            CheckMax(SectionId.Global, _ctx.Globals.Length, ValidationLimits.MaxGlobals, "globals");
            for (var i = 0; i < globals.Count; i++)
            {
                var g = globals[i];
                Check(SectionId.Global, i, _ctx.CheckValType(g.Type.Type));
                ConstExpr(g.Init, g.Type.Type, _ctx.ImportedGlobals + i, "global");
            }
        }

        private void CheckExports()
        {
            var exports = _module.Exports;
            CheckMax(SectionId.Export, exports.Count, ValidationLimits.MaxExports, "exports");
            var names = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < exports.Count; i++)
            {
                var e = exports[i];
                var (what, total) = e.Kind switch
                {
                    ExternalKind.Func => ("function", _ctx.FunctionTypes.Length),
                    ExternalKind.Table => ("table", _ctx.Tables.Length),
                    ExternalKind.Memory => ("memory", _ctx.Memories.Length),
                    ExternalKind.Global => ("global", _ctx.Globals.Length),
                    _ => ("tag", _ctx.Tags.Length),
                };
                if (e.Index >= (uint)total) Check(SectionId.Export, i, $"unknown {what} {e.Index}: exported {what} index out of bounds");
                if (e.Kind == ExternalKind.Global && _ctx.Globals[e.Index].Mutable && !Has(Feature.MutableGlobal))
                    Check(SectionId.Export, i, "mutable global support is not enabled");
                if (e.Name.Length > ValidationLimits.MaxStringSize / 4) Check(SectionId.Export, i, CheckName(e.Name));
                if (!names.Add(e.Name)) Check(SectionId.Export, i, $"duplicate export name `{e.Name}` already defined");
            }
        }

        private void CheckStart()
        {
            if (_module.Start is not { } start) return;
            if (start >= (uint)_ctx.FunctionTypes.Length) Check(SectionId.Start, 0, $"unknown function {start}: func index out of bounds");
            var ft = _ctx.FuncTypeOfFunction(start);
            if (ft is null) Check(SectionId.Start, 0, $"type index {_ctx.FunctionTypes[start]} is not a function type");
            if (ft!.Params.Length != 0 || ft.Results.Length != 0) Check(SectionId.Start, 0, "invalid start function type");
        }

        private void CheckElements()
        {
            var elements = _module.Elements;
            CheckMax(SectionId.Element, elements.Count, ValidationLimits.MaxElementSegments, "element segments");
            for (var i = 0; i < elements.Count; i++)
            {
                var e = elements[i];
                var type = _ctx.ElementTypes[i];
                if (e.Functions is null) Check(SectionId.Element, i, _ctx.CheckRefType(type));
                if (e.Mode == SegmentMode.Active)
                {
                    if (e.Table >= (uint)_ctx.Tables.Length) Check(SectionId.Element, i, $"unknown table {e.Table}: table index out of bounds");
                    var table = _ctx.Tables[e.Table];
                    if (!_ctx.IsSubtype(type, table.Element))
                        Check(SectionId.Element, i, $"type mismatch: invalid element type `{FunctionValidator.Fmt(type)}` for table type `{FunctionValidator.Fmt(table.Element)}`");
                    ConstExpr(e.Offset!, table.IndexType, _ctx.Globals.Length, "element");
                }
                else if (!Has(Feature.BulkMemory))
                {
                    Check(SectionId.Element, i, "bulk memory must be enabled");
                }
                if (e.Count > ValidationLimits.MaxTableEntries) Check(SectionId.Element, i, "number of elements is out of bounds");
                if (e.Functions is { } funcs)
                {
                    foreach (var f in funcs)
                    {
                        if (f >= (uint)_ctx.FunctionTypes.Length) Check(SectionId.Element, i, $"unknown function {f}: func index out of bounds");
                    }
                }
                else
                {
                    foreach (var expr in e.Expressions!) ConstExpr(expr, type, _ctx.Globals.Length, "element");
                }
            }
        }

        private void CheckDataCount()
        {
            if (_module.HasDataCount && _module.Data.Count > ValidationLimits.MaxDataSegments)
                Check(SectionId.DataCount, 0, "data count section specifies too many data segments");
        }

        private void CheckData()
        {
            var data = _module.Data;
            CheckMax(SectionId.Data, data.Count, ValidationLimits.MaxDataSegments, "data segments");
            for (var i = 0; i < data.Count; i++)
            {
                var d = data[i];
                if (d.Mode == SegmentMode.Passive)
                {
                    if (!Has(Feature.BulkMemory)) Check(SectionId.Data, i, "passive data segments require the bulk-memory proposal");
                    continue;
                }
                if (d.Memory >= (uint)_ctx.Memories.Length) Check(SectionId.Data, i, $"unknown memory {d.Memory}: memory index out of bounds");
                ConstExpr(d.Offset!, _ctx.Memories[d.Memory].IndexType, _ctx.Globals.Length, "data");
            }
        }

        private void ConstExpr(ConstExpr expr, ValType expected, int globals, string section)
        {
            _expr.BeginConst(expected, globals, expr.FileOffset, section);
            var reader = expr.Read();
            while (!reader.AtEnd)
            {
                var ins = reader.Read();
                _expr.Step(in ins);
            }
            if (!_expr.IsComplete)
                throw new WasmException(WasmErrorKind.Malformed, "unexpected end-of-file: constant expression has no end", expr.FileOffset + expr.Bytes.Length, section);
        }
    }
}
