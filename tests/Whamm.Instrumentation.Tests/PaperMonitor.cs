using Whamm.Runtime.Reports;

namespace Whamm.Instrumentation.Tests;

/// <summary>
/// The monitors of the Whamm paper's evaluation in one script, so that a program runs once for all of them, and what
/// they reported, read back from the report (<see cref="Report.Parse"/>). Each result comes with the counts it is
/// checked against: function entries for the call graph, plain counters for the memory trace, a global instruction
/// counter for hotness, hotness for coverage.
/// </summary>
public sealed class PaperMonitor
{
    /// <summary>
    /// The resolved call graph (<c>call</c> sites by <c>imm0</c>, <c>call_indirect</c> by <c>resolved_fid</c>) with
    /// per-function entries, and the memory-access trace keyed by effective address and <c>is_write</c> with the
    /// loads and stores counted by plain counters.
    /// </summary>
    public const string CallGraphAndMemoryTrace = """
        report var graph: map<(u32, u32), u64>;
        wasm:opcode:call|return_call:before { graph[(fid, imm0)]++; }
        wasm:opcode:call_indirect|return_call_indirect:before { graph[(fid, resolved_fid as u32)]++; }
        wasm:func:entry { report var entries: u64; entries++; }

        report var trace: map<(u32, bool), u32>;
        wasm:opcode:*load*|*store*:before { trace[(effective_addr, is_write)]++; }
        report var loads: u64;
        report var stores: u64;
        wasm:opcode:*load*:before { loads++; }
        wasm:opcode:*store*:before { stores++; }

        """;

    /// <summary>Instruction coverage and hotness (a report variable each at every instruction) with a global instruction count.</summary>
    public const string CoverageAndHotness = """
        report var instructions: u64;
        wasm:opcode:*:before { instructions++; }
        wasm:opcode:*:before { report var reached: bool; reached = true; }
        wasm:opcode:*:before { report var count: u32; count++; }

        """;

    /// <summary>The call sites whose targets the call graph records, by the opcode the report names.</summary>
    public static readonly IReadOnlySet<string> CallOpcodes = new HashSet<string> { "call", "return_call", "call_indirect", "return_call_indirect" };

    /// <summary>One instruction site of the coverage and hotness monitors.</summary>
    /// <param name="Opcode">The site's opcode, from the probe id.</param>
    /// <param name="Count">How often it ran (hotness).</param>
    /// <param name="Reached">Whether it ran (coverage).</param>
    public sealed record Site(string Opcode, ulong Count, bool Reached);

    private PaperMonitor(Report report)
    {
        foreach (var row in report.Rows)
        {
            switch (row.Name)
            {
                case "graph":
                    foreach (var e in Map(row)) Edges.Add((U32(Element(e.Key, 0)), U32(Element(e.Key, 1))), U64(e.Value));
                    break;
                case "trace":
                    foreach (var e in Map(row)) Trace.Add((U32(Element(e.Key, 0)), Bool(Element(e.Key, 1))), U64(e.Value));
                    break;
                case "entries":
                    Entries.Add(row.Fid!.Value, U64(row.Value));
                    break;
                case "count" or "reached":
                    var key = (row.Fid!.Value, row.Pc!.Value);
                    var site = Sites.GetValueOrDefault(key) ?? new Site(row.Opcode!, 0, false);
                    Sites[key] = row.Name == "count" ? site with { Count = U64(row.Value) } : site with { Reached = Bool(row.Value) };
                    break;
                default:
                    Totals.Add(row.Name, U64(row.Value));
                    break;
            }
        }
    }

    /// <summary>Call-graph edges (caller, callee) with how often each was taken.</summary>
    public Dictionary<(uint Caller, uint Callee), ulong> Edges { get; } = [];

    /// <summary>Entries of each function, by function index.</summary>
    public Dictionary<uint, ulong> Entries { get; } = [];

    /// <summary>Memory accesses by (effective address, is a write).</summary>
    public Dictionary<(uint Address, bool IsWrite), ulong> Trace { get; } = [];

    /// <summary>Coverage and hotness by (function index, pc); empty without <see cref="CoverageAndHotness"/>.</summary>
    public Dictionary<(uint Fid, uint Pc), Site> Sites { get; } = [];

    /// <summary>The script's global counters by name (<c>loads</c>, <c>stores</c>, <c>instructions</c>).</summary>
    public Dictionary<string, ulong> Totals { get; } = [];

    /// <summary>Reads what the monitors printed.</summary>
    public static PaperMonitor Read(Report report)
    {
        Assert.True(report.HasTable, "the monitor printed no report");
        return new PaperMonitor(report);
    }

    private static List<MapEntry> Map(ReportRow row) => Assert.IsType<MapValue>(row.Value).Entries.ToList();

    private static ReportValue Element(ReportValue tuple, int index) => Assert.IsType<TupleValue>(tuple).Elements[index];

    private static ulong U64(ReportValue? value) => checked((ulong)Assert.IsType<IntegerValue>(value).Value);

    private static uint U32(ReportValue? value) => checked((uint)Assert.IsType<IntegerValue>(value).Value);

    private static bool Bool(ReportValue? value) => Assert.IsType<BoolValue>(value).Value;
}
