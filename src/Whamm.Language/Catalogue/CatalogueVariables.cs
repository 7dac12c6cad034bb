using Whamm.Language.Semantics;
using Whamm.Wasm.Opcodes;
using static Whamm.Language.Semantics.WhammType;

namespace Whamm.Language.Catalogue;

/// <summary>
/// Factories for the bound variables and functions the catalogue uses, with their documentation
/// (reference §2.3 and §2.5), so each name, type and doc string is written once.
/// </summary>
internal static class CatalogueVariables
{
    private static BoundVariable Static(string name, WhammType type, string doc, string? derivedFrom = null) =>
        new(name, type, VarLifetime.Static, doc, derivedFrom);

    private static BoundVariable Dynamic(string name, WhammType type, string doc, string? derivedFrom = null) =>
        new(name, type, VarLifetime.Dynamic, doc, derivedFrom);

    // ---- provider level (§2.3) ----

    internal static IReadOnlyList<BoundVariable> Provider { get; } =
    [
        new("probe_id", I32, VarLifetime.Static,
            "The id of the dynamically inserted probe (for removing it with whamm:dyninstr's remove_probe).", engineOnly: true),
        Static("fid", U32, "The index of the function the probe is in (imported functions included in the index space)."),
        Static("pc", U32, "The byte offset of the instruction from the start of the function body, local declarations included (Wizard's convention; 0 at function entry)."),
        Static("opidx", U32, "The index of the instruction within its function, counted in instructions from 0."),
        Static("at_func_end", Bool, "True when the instruction is the final end of its function."),
        Static("fname", Str, "The name of the function the probe is in, from the name section; \"\" when it has none."),
        new("local", Unknown, VarLifetime.Dynamic,
            "The current value of local N of the function; give it a type bound, e.g. wasm(local0: i32):opcode:call:before.",
            isIndexedFamily: true),
    ];

    // ---- stack operands, results, immediates (§2.5) ----

    internal static BoundVariable Arg(int index, WhammType type) => index < 0
        ? new("arg", type, VarLifetime.Dynamic,
            "The instruction's operands, numbered from the top of the stack (arg0 is the value pushed last). Their number and types vary by site: give them a type bound, e.g. (arg0: i32). Assigning to one changes what the instruction sees.",
            isIndexedFamily: true)
        : Dynamic($"arg{index}", type,
            $"Operand {index} of the instruction, counted from the top of the stack (arg0 is the value pushed last). Assigning to it changes what the instruction sees.");

    internal static BoundVariable Res(int index, WhammType type) => index < 0
        ? new("res", type, VarLifetime.Dynamic,
            "The instruction's results, numbered from the top of the stack; their number and types vary by site (give them a type bound). Available in after probes.",
            isIndexedFamily: true)
        : Dynamic($"res{index}", type,
            $"Result {index} of the instruction, counted from the top of the stack. Available in after probes.");

    internal static BoundVariable Imm(int index, WhammType type, ImmKind kind) =>
        Static($"imm{index}", type, $"Immediate {index} of the instruction: {Describe(kind)}.");

    internal static BoundVariable BranchTargets { get; } = new("imm", U32, VarLifetime.Static,
        "The branch table's label depths by position; imm{num_targets} is the default target. A probe naming an immN beyond that does not match the site.",
        isIndexedFamily: true);

    internal static BoundVariable UntypedImmediates { get; } = new("imm", Unknown, VarLifetime.Static,
        "The instruction's immediates by position; give them a type bound.", isIndexedFamily: true);

    private static string Describe(ImmKind kind) => kind switch
    {
        ImmKind.Label => "a branch label depth",
        ImmKind.Func => "a function index",
        ImmKind.Type => "a type index",
        ImmKind.Table => "a table index",
        ImmKind.Memory => "a memory index",
        ImmKind.Global => "a global index",
        ImmKind.Local => "a local index",
        ImmKind.Tag => "a tag index",
        ImmKind.Elem => "an element segment index",
        ImmKind.Data => "a data segment index",
        ImmKind.Field => "a struct field index",
        ImmKind.U32 => "a count",
        ImmKind.Lane => "a lane index",
        ImmKind.I32 or ImmKind.I64 or ImmKind.F32 or ImmKind.F64 => "the constant",
        ImmKind.HeapType => "a heap type (a type index or an abstract heap type code)",
        _ => kind.ToString(),
    };

    // ---- memarg group (§2.5) ----

    internal static IEnumerable<BoundVariable> MemArg(int addressOperand, bool isWrite, int dataSize)
    {
        yield return Dynamic("addr", U32, $"The address operand (arg{addressOperand}).", $"arg{addressOperand}");
        yield return Dynamic("effective_addr", U32, "The address accessed: addr plus the static offset.", "addr + offset as u32");
        yield return Static("offset", U64, "The static offset of the memory argument.");
        yield return Static("align", U32, "The alignment of the memory argument, as a power of two (log2 of the alignment in bytes).");
        yield return Static("memory", U32, "The index of the memory accessed.");
        yield return Static("is_write", Bool, "Whether the instruction writes memory.", isWrite ? "true" : "false");
        if (dataSize > 0)
            yield return Static("data_size", U32, "The number of bytes accessed.", dataSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    // ---- per-event metadata (§2.5) ----

    internal static BoundVariable OpName(string mnemonic) =>
        Static("opname", Str, "The instruction's mnemonic.", Quote(mnemonic));

    internal static BoundVariable Bytecode(uint bytecode) =>
        Static("bytecode", U16, "The opcode: the byte, or prefix << 8 | sub-opcode for prefixed instructions (e.g. 0xfc08).", $"0x{bytecode:x}");

    internal static BoundVariable CategoryId(OpCategory category) =>
        Static("category_id", U32, "The id of the instruction's category (arith=0, atomic=1, compare=2, const=3, control=4, convert=5, exn=6, gc=7, global=8, load=9, local=10, memory=11, misc=12, ref=13, simd=14, store=15, table=16).",
            ((int)category).ToString(System.Globalization.CultureInfo.InvariantCulture));

    internal static BoundVariable CategoryName(OpCategory category) =>
        Static("category_name", Str, "The name of the instruction's category.", Quote(CategoryText(category)));

    internal static string CategoryText(OpCategory category) => category.ToString().ToLowerInvariant();

    internal static BoundVariable TypeId(int immediate) =>
        Static("tid", U32, $"The index of the type the instruction operates on (imm{immediate}).", $"imm{immediate}");

    internal static BoundVariable FieldIndex(int immediate) =>
        Static("field_idx", U32, $"The index of the struct field accessed (imm{immediate}).", $"imm{immediate}");

    // ---- call sites (§2.5) ----

    internal static IReadOnlyList<BoundVariable> CallSite { get; } =
    [
        Static("target_imp_module", Str, "The import module of the called function; for a local function the module's own name, or \"\". Pair with target_fn_type == \"import\" to short-circuit."),
        Static("target_fn_name", Str, "The called function's name: from the name section for a local function, the import's field name for an import."),
        Static("target_fn_type", Str, "Whether the called function is \"local\" (defined in the module) or \"import\"."),
    ];

    internal static IReadOnlyList<BoundFunction> CallSiteFunctions { get; } =
    [
        new("alt_call_by_id", [new("func_id", I32)], Unit,
            "Calls the function with index func_id instead of the original target, re-pushing the original arguments (meant for alt probes)."),
        new("alt_call_by_name", [new("func_name", Str)], Unit,
            "Calls the local function named func_name instead of the original target, re-pushing the original arguments (meant for alt probes)."),
    ];

    // ---- funcref resolution (§2.5) ----

    internal static IReadOnlyList<BoundVariable> FuncRefResolution { get; } =
    [
        Dynamic("table_entry_idx", I32, "The index of the table entry being called or read (arg0).", "arg0"),
        Dynamic("target_funcref", FuncRef, "The function reference stored in that table entry, read at run time."),
        Dynamic("resolved_fid", I32,
            "The index of the function the table entry holds, looked up in a shadow table that tracks writes to the table; -1 when unknown.",
            "resolve_funcref(target_funcref, table_entry_idx)"),
    ];

    internal static BoundFunction ResolveFuncRef { get; } = new("resolve_funcref",
        [new("target_funcref", FuncRef), new("table_entry_idx", I32)], I32,
        "The index of the function a table entry holds (via the shadow table), or -1 when unknown.");

    internal static BoundVariable ResolvedFidLookBack { get; } = Static("resolved_fid", I32,
        "The index of the function whose reference the instruction uses, when the instruction just before pushes a constant function reference; -1 otherwise.");

    internal static BoundVariable ResolvedFidFromImmediate { get; } = Static("resolved_fid", I32,
        "The index of the referenced function (imm0).", "imm0 as i32");

    // ---- branch tables (§2.5) ----

    internal static IReadOnlyList<BoundVariable> BranchTable { get; } =
    [
        Static("targets", Map(U32, U32), "The non-default targets: table index → label depth."),
        Static("default_target", U32, "The label depth of the default target."),
        Static("num_targets", U32, "The number of non-default targets."),
        // The reference marks this static although it depends on arg0; it is a run-time value.
        Dynamic("target", U32, "The table index the branch takes: arg0 when it is in range, otherwise num_targets (the default).",
            "arg0 <= (num_targets - 1) ? arg0 : num_targets"),
    ];

    // ---- others ----

    internal static BoundVariable GrowFailed { get; } = Dynamic("failed", Bool,
        "True when the memory could not grow (res0 == -1); for after probes.", "res0 == -1");

    internal static BoundFunction DupAt { get; } = new("dup_at", [new("dst_mem", U32), new("dst_addr", U32)], Unit,
        "Repeats the bulk memory operation with its destination replaced by dst_addr in memory dst_mem (same source/value and length), e.g. to mirror writes into a shadow memory.");

    internal static BoundFunction DropArgs { get; } = new("drop_args", [], Unit,
        "Drops the instruction's incoming arguments from the stack (e.g. in an alt probe that does not run the instruction).");

    internal static BoundVariable InstructionCount { get; } = Static("instr_count", U32,
        "The number of instructions in the basic block that ends here.");

    private static string Quote(string text) => "\"" + text + "\"";
}
