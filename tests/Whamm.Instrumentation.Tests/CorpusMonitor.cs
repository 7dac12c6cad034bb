using System.Text;
using Whamm.Wasm.Model;
using Whamm.Wasm.Opcodes;

namespace Whamm.Instrumentation.Tests;

/// <summary>
/// The combined monitor the corpus cross-checks instrument every program with: each quantity is counted in two or
/// three independent ways (different events, modes, predicates or bound variables), so the counts check each other.
/// </summary>
public sealed class CorpusMonitor
{
    /// <summary>Per-callee counters are one pair of globals each: enough to be meaningful, few enough to keep the script small.</summary>
    public const int MaxCallees = 24;

    /// <summary>The opcode categories in <c>category_id</c> order, lower case (<c>cat_NAME</c> globals).</summary>
    public static readonly IReadOnlyList<string> Categories = Enum.GetNames<OpCategory>().Select(n => n.ToLowerInvariant()).ToArray();

    /// <summary>
    /// Above this much code the per-instruction counters are left out: a counter at every instruction makes code
    /// ~10x larger (yosys: 28 MB of code → ~320 MB), which Wasmtime needs minutes and gigabytes to compile.
    /// </summary>
    public const long MaxCodeBytesForInstructionCounts = 4 << 20;

    private CorpusMonitor(string script, IReadOnlyList<uint> callees, bool countsInstructions)
    {
        Script = script;
        Callees = callees;
        CountsInstructions = countsInstructions;
    }

    /// <summary>The Whamm script.</summary>
    public string Script { get; }

    /// <summary>Functions whose <c>call</c> sites and entries are counted separately (<c>calls_F</c>, <c>entries_F</c>).</summary>
    public IReadOnlyList<uint> Callees { get; }

    /// <summary>Whether the script counts every instruction (<c>count</c>, <c>cat_NAME</c>); see <see cref="MaxCodeBytesForInstructionCounts"/>.</summary>
    public bool CountsInstructions { get; }

    /// <summary>The monitor for <paramref name="module"/> (the callees and whether to count every instruction depend on it).</summary>
    public static CorpusMonitor For(Module module)
    {
        var callees = DirectOnlyCallees(module).Take(MaxCallees).ToArray();
        var countsInstructions = module.Functions.Sum(f => (long)f.Body.Bytes.Length) <= MaxCodeBytesForInstructionCounts;
        var sb = new StringBuilder();
        void Line(string text) => sb.AppendLine(text);

        // Total instructions = sum over categories: one probe whose category_id chain folds to one counter per site.
        if (countsInstructions)
        {
            Line("var count: u64;");
            foreach (var c in Categories) Line($"var cat_{c}: u64;");
            Line("wasm:opcode:*:before { count++; " + string.Join(" el", Categories.Select((c, i) => $"if (category_id == {i}) {{ cat_{c}++; }}")) + " }");
        }

        // Calls by event vs. by opcode name; loads and stores by opcode-name globs vs. by category_id. The predicates
        // fold per site, so only matching sites get code.
        Line("var calls: u64; var calls_by_name: u64;");
        Line("wasm:opcode:call:before { calls++; }");
        Line("wasm:opcode:*:before / opname == \"call\" / { calls_by_name++; }");
        Line("var loads_by_name: u64; var loads_by_category: u64; var stores_by_name: u64; var stores_by_category: u64;");
        Line("wasm:opcode:i??.load*|f??.load*:before { loads_by_name++; }");
        Line($"wasm:opcode:*:before / category_id == {(int)OpCategory.Load} / {{ loads_by_category++; }}");
        Line("wasm:opcode:i??.store*|f??.store*:before { stores_by_name++; }");
        Line($"wasm:opcode:*:before / category_id == {(int)OpCategory.Store} / {{ stores_by_category++; }}");

        // br_if: taken (condition operand; at_target) + not taken (the `after` probe only runs on the fall-through) = executions.
        Line("var brif: u64; var brif_taken: u64; var brif_at_target: u64; var brif_fallthrough: u64; var brif_zero: u64;");
        Line("wasm:opcode:br_if:before { brif++; }");
        Line("wasm:opcode:br_if:before / arg0 != 0 / { brif_taken++; }");
        Line("wasm:opcode:br_if:at_target { brif_at_target++; }");
        Line("wasm:opcode:br_if:before / arg0 == 0 / { brif_zero++; }");
        Line("wasm:opcode:br_if:after { brif_fallthrough++; }");

        // Function entries = exits, unless the program leaves through proc_exit with callers still on the stack.
        Line("var entries: u64; var exits: u64; var proc_exits: u64;");
        Line("wasm:func:entry { entries++; }");
        Line("wasm:func:exit { exits++; }");
        Line("wasm:opcode:call:before / target_fn_type == \"import\" && target_fn_name == \"proc_exit\" / { proc_exits++; }");

        // Per callee F reached only by `call`: calls at sites with imm0 == F = entries of F.
        foreach (var f in callees)
        {
            Line($"var calls_{f}: u64; var entries_{f}: u64;");
            Line($"wasm:opcode:call:before / imm0 == {f} / {{ calls_{f}++; }}");
            Line($"wasm:func:entry / fid == {f} / {{ entries_{f}++; }}");
        }
        return new CorpusMonitor(sb.ToString(), callees, countsInstructions);
    }

    /// <summary>
    /// Defined functions that can only be entered through a direct <c>call</c>: not exported, not the start function,
    /// never in an element segment or table initialiser, never named by <c>ref.func</c> or <c>return_call</c>.
    /// Ordered by their number of static call sites (most first, then by index), so the first ones are likely to run.
    /// </summary>
    public static IEnumerable<uint> DirectOnlyCallees(Module module)
    {
        var escaping = new HashSet<uint>();
        foreach (var e in module.Exports.Where(e => e.Kind == ExternalKind.Func)) escaping.Add(e.Index);
        if (module.Start is { } start) escaping.Add(start);
        var constExprs = module.Globals.Select(g => g.Init)
            .Concat(module.Tables.Where(t => t.Init is not null).Select(t => t.Init!))
            .Concat(module.Elements.SelectMany(e => e.Expressions ?? []));
        foreach (var expr in constExprs) AddRefFuncs(expr.Read(), escaping);
        foreach (var segment in module.Elements) escaping.UnionWith(segment.Functions ?? []);

        var callSites = new Dictionary<uint, int>();
        foreach (var function in module.Functions)
        {
            var reader = function.Body.Instructions();
            while (!reader.AtEnd)
            {
                var ins = reader.Read();
                if (ins.Op == Op.Call) callSites[ins.Index] = callSites.GetValueOrDefault(ins.Index) + 1;
                else if (ins.Op is Op.RefFunc or Op.ReturnCall) escaping.Add(ins.Index);
            }
        }
        var firstDefined = (uint)module.ImportedFunctionCount;
        return callSites.Where(kv => kv.Key >= firstDefined && !escaping.Contains(kv.Key))
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Select(kv => kv.Key);
    }

    private static void AddRefFuncs(Whamm.Wasm.Instructions.InstructionReader reader, HashSet<uint> into)
    {
        while (!reader.AtEnd)
        {
            var ins = reader.Read();
            if (ins.Op == Op.RefFunc) into.Add(ins.Index);
        }
    }
}
