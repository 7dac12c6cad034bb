using Whamm.Wasm.Opcodes;
using V = Whamm.Language.Catalogue.CatalogueVariables;

namespace Whamm.Language.Catalogue;

/// <summary>
/// The event catalogue: the <c>wasm</c> provider with its packages <c>begin</c>, <c>end</c>,
/// <c>report</c>, <c>func</c> (entry, exit), <c>block</c> (start, end) and <c>opcode</c> (one event per
/// row of the opcode table), each level with its bound variables, functions, modes and docs, in
/// catalogue order (probe numbering follows it). Built once, immutable.
/// <example><code>
/// var load = WasmCatalogue.OpcodeEvent(Op.I32Load);          // per site: an array index
/// load.FindVariable("data_size")!.DerivedFrom;                // "4"
/// RuleMatcher.Expand("wasm:opcode:*:before").Matches.Count;   // one probe per opcode event
/// </code></example>
/// </summary>
public static class WasmCatalogue
{
    /// <summary>The number of opcode events Whamm 1.0 defines; they come first, in its order.</summary>
    public const int ReferenceOpcodeEventCount = 310;

    private static readonly CatalogueEvent[] ByOp;

    static WasmCatalogue()
    {
        var events = new List<CatalogueEvent>(OpcodeTable.All.Count);
        ByOp = new CatalogueEvent[OpcodeTable.All.Count];
        foreach (var row in OpcodeEventRows.Reference) Add(row, inReference: true);
        if (events.Count != ReferenceOpcodeEventCount)
            throw new InvalidOperationException($"the reference event list has {events.Count} rows, expected {ReferenceOpcodeEventCount}");

        var additions = OpcodeEventRows.Additions.ToDictionary(r => r.Op);
        foreach (var info in OpcodeTable.All)
        {
            if (ByOp[(int)info.Op] is not null) continue;
            Add(additions.GetValueOrDefault(info.Op) ?? new OpcodeEventRows.Row(info.Op, OpcodeEventRows.M.Default, null, OpcodeEventRows.X.None), inReference: false);
        }

        var opcode = new CataloguePackage(PackageKind.Opcode,
            "Instruction events: one per instruction of the WebAssembly instruction set, written wasm:opcode:<instruction>:<mode>.",
            [], [V.DropArgs], events);
        Wasm = new CatalogueProvider("wasm", "Various events to instrument that are specific to WebAssembly.", V.Provider, [],
        [
            new CataloguePackage(PackageKind.Begin,
                "Executes on wasm startup: once, before the program's first instruction (before its start function).", [], [], []),
            new CataloguePackage(PackageKind.End,
                "Executes on wasm termination: once, when the program finishes (normal return of main/_start, proc_exit, or a trap where the engine allows it), before the report is flushed.",
                [], [], []),
            new CataloguePackage(PackageKind.Report,
                "Replaces the default report flush: the body runs at exit instead of printing the report variables.", [], [], []),
            new CataloguePackage(PackageKind.Func, "Function events, for every function defined in the module.", [], [],
            [
                NonOpcodeEvent(CatalogueEventKind.FuncEntry, "At the start of the function's body (pc is 0 there).", []),
                NonOpcodeEvent(CatalogueEventKind.FuncExit,
                    "At every point where the function can exit: each return and the final end; also before a call to the WASI proc_exit import.", []),
            ]),
            new CataloguePackage(PackageKind.Block, "Basic-block events: a block ends after each branching instruction and before each loop or non-initial end.", [], [],
            [
                NonOpcodeEvent(CatalogueEventKind.BlockStart, "At the start of each basic block.", []),
                NonOpcodeEvent(CatalogueEventKind.BlockEnd, "At the end of each basic block.", [V.InstructionCount]),
            ]),
            opcode,
        ]);
        Providers = [Wasm];
        Opcode = opcode;

        void Add(OpcodeEventRows.Row row, bool inReference)
        {
            ref var slot = ref ByOp[(int)row.Op];
            if (slot is not null) throw new InvalidOperationException($"Op.{row.Op} has two event rows");
            slot = OpcodeEventFactory.Create(row, inReference);
            events.Add(slot);
        }
    }

    /// <summary>The <c>wasm</c> provider.</summary>
    public static CatalogueProvider Wasm { get; }

    /// <summary>Every provider, in definition order (only <c>wasm</c>).</summary>
    public static IReadOnlyList<CatalogueProvider> Providers { get; }

    /// <summary>The <c>wasm:opcode</c> package.</summary>
    public static CataloguePackage Opcode { get; }

    /// <summary>The opcode event of a table row (every row has exactly one).</summary>
    public static CatalogueEvent OpcodeEvent(Op op) => ByOp[(int)op];

    /// <summary>The opcode event of a table row.</summary>
    public static CatalogueEvent OpcodeEvent(OpcodeInfo opcode)
    {
        ArgumentNullException.ThrowIfNull(opcode);
        return ByOp[(int)opcode.Op];
    }

    private static CatalogueEvent NonOpcodeEvent(CatalogueEventKind kind, string doc, IReadOnlyList<BoundVariable> variables)
    {
        // The event name is the last word of the kind, lower-cased (FuncEntry: entry).
        var text = kind.ToString();
        var lastWord = text.Length - 1;
        while (lastWord > 0 && !char.IsUpper(text[lastWord])) lastWord--;
        return new CatalogueEvent(text[lastWord..].ToLowerInvariant(), kind, null, true, doc, [], variables, []);
    }
}
