using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Whamm.Instrumentation.Core;
using Whamm.Language.Semantics;
using Whamm.Wasm.Binary;

namespace Whamm.Instrumentation.State;

/// <summary>Where a report variable instance was allocated: the match site and the probe (null for script globals).</summary>
internal readonly record struct ReportSite(uint Fid, int Pc, string FunctionName, int ProbeIndex, string Rule)
{
    /// <summary>The rule as the report's probe_id names it: a rule without a mode ends in <c>:&lt;no-mode&gt;</c> (reference §3.6).</summary>
    public static string RuleOf(CheckedMatch match) => match.Mode is null ? match.RuleName + ":<no-mode>" : match.RuleName;
}

/// <summary>
/// The rows of the default report flush (reference §3.6, DECISIONS 15), kept compact because a dense monitor has
/// a row per instruction: a row is numbers (id, value address, function, pc) and the index of its kind, what the
/// rows of one report variable of one probe share (name, types, probe id, descriptor). <see cref="Write"/> lays
/// out the table the core library's <c>whamm_report</c> formats the rows from (Core/README.md): rows as a byte of
/// flags and LEB128 deltas, two to four bytes each and encoded as they are added, kinds and function names once.
/// <para>Row order is Whamm's: per-site report variables first, grouped by type (u8, i8, u16, i16, u32, i32,
/// f32, u64, i64, f64, bool, str, tuples by their display string, maps), each group in allocation order; then
/// script-global report variables in declaration order.</para>
/// </summary>
internal sealed class ReportTable
{
    /// <summary>One row as numbers, until <see cref="RowStream"/> encodes it. <see cref="Function"/> indexes <see cref="functions"/>.</summary>
    private record struct Row(uint Id, uint Value, int Function, int Pc, int Kind);

    /// <summary>
    /// The rows of one group, encoded as they are added (<see cref="Encode"/>): a dense monitor adds millions, 20 bytes
    /// each as numbers and two to four encoded, in chunks that become data segments as they are (a growing array held
    /// up to twice the rows, and left its smaller copies behind). The first two stay numbers until
    /// <see cref="WriteHead"/>: the first is relative to the row before it in the report, the previous group's last, and
    /// whether the second repeats the first's id step depends on that.
    /// </summary>
    private sealed class RowStream
    {
        public const int RowMax = 1 + 5 * 5; // a head byte and five LEB128s
        /// <summary>Each chunk is a data segment (engines cap a module's segments): esbuild's 10 MB of hotness rows are a dozen.</summary>
        private const int MaxChunk = 1 << 20;
        private readonly List<WasmWriter> chunks = [];
        private Row first, second;
        private uint lastStep;

        public int Count { get; private set; }

        public Row Last { get; private set; }

        /// <summary>The rows after the first two, in chunks that double up to the largest (few segments, little unused room).</summary>
        public IEnumerable<ReadOnlyMemory<byte>> Tail => chunks.Select(c => c.WrittenMemory);

        public void Add(Row row)
        {
            if (Count >= 2)
            {
                if (chunks.Count == 0 || chunks[^1].Length > chunks[^1].Capacity - RowMax)
                    chunks.Add(new WasmWriter(chunks.Count == 0 ? 4096 : Math.Min(2 * chunks[^1].Capacity, MaxChunk)));
                lastStep = Encode(chunks[^1], row, Last, lastStep);
            }
            else if (Count == 1) (second, lastStep) = (row, row.Id - first.Id);
            else first = row;
            Last = row;
            Count++;
        }

        /// <summary>Appends the first two rows to <paramref name="w"/> after <paramref name="before"/> and its id step; returns the last row and its step.</summary>
        public (Row Row, uint Step) WriteHead(WasmWriter w, (Row Row, uint Step) before)
        {
            if (Count == 0) return before;
            var step = Encode(w, first, before.Row, before.Step);
            if (Count == 1) return (first, step);
            Encode(w, second, first, step);
            return (Last, lastStep);
        }
    }

    /// <summary>What the rows of one report variable share; <see cref="Rule"/> is null for a script global, whose <see cref="Id"/> is its own.</summary>
    private readonly record struct Kind(string Name, WhammType Type, int ProbeIndex, string? Rule, string? Id, string IdType);

    private readonly List<Kind> kinds = [];
    private readonly Dictionary<Kind, int> kindIndex = [];
    private readonly List<int> kindGroup = [];
    private readonly List<(uint Fid, string Name)> functions = [];
    private readonly Dictionary<(uint Fid, string Name), int> functionIndex = [];
    /// <summary>Site rows per type group (<see cref="TypeGroup"/>, tuples per display string), each in allocation order, so ids ascend.</summary>
    private readonly List<(int Rank, string Tuple, RowStream Rows)> groups = [];
    private readonly RowStream globalRows = new();
    private (uint Fid, string Name) lastFunction;
    private int lastFunctionIndex = -1;

    /// <summary>The number of rows.</summary>
    public int Count { get; private set; }

    /// <summary>The kind of the rows of report variable <paramref name="name"/> of probe <paramref name="probeIndex"/> at sites of <paramref name="rule"/>, for <see cref="AddSiteRow"/>.</summary>
    public int SiteKind(string name, WhammType type, int probeIndex, string rule) => KindOf(new Kind(name, type, probeIndex, rule, null, "memaddr"));

    private int[] kindOfDeclaration = []; // [slot]: kind + 1, 0 not yet known

    /// <summary><see cref="SiteKind(string, WhammType, int, string)"/> of a counter's declaration (<see cref="Counters.CounterOp.Slot"/>): hashed once, not at every site.</summary>
    public int SiteKind(int slot, string name, WhammType type, int probeIndex, string rule)
    {
        if (slot >= kindOfDeclaration.Length) Array.Resize(ref kindOfDeclaration, Math.Max(slot + 1, 2 * kindOfDeclaration.Length));
        ref var kind = ref kindOfDeclaration[slot];
        if (kind == 0) kind = 1 + SiteKind(name, type, probeIndex, rule);
        return kind - 1;
    }

    /// <summary>
    /// A report variable of a probe at one site, with rows of kind <paramref name="kind"/> (<see cref="SiteKind(string, WhammType, int, string)"/>): its id is
    /// <paramref name="address"/>, its value is read at <paramref name="valueAddress"/> (a counter it shares with other sites, or its own).
    /// </summary>
    public void AddSiteRow(int kind, uint fid, string functionName, int pc, uint address, uint valueAddress)
    {
        var rows = groups[kindGroup[kind]].Rows;
        if (rows.Count > 0 && rows.Last.Id >= address)
            throw new InstrumentationException($"internal error: report row {address} allocated after {rows.Last.Id}", isInternal: true);
        rows.Add(new Row(address, valueAddress, FunctionOf(fid, functionName), pc, kind));
        Count++;
    }

    /// <summary>A script-global report variable; its value is copied to <paramref name="valueAddress"/> before the flush.</summary>
    public void AddGlobal(string name, WhammType type, string id, uint valueAddress)
    {
        globalRows.Add(new Row(valueAddress, valueAddress, 0, 0, KindOf(new Kind(name, type, 0, null, id, type.IsMap ? "map_id" : "global_id"))));
        Count++;
    }

    /// <summary>Writes the kinds, functions, rows and the <c>whamm_report</c> argument into <paramref name="data"/>; returns the argument's address.</summary>
    public uint Write(StaticData data)
    {
        var kindTable = data.Reserve(kinds.Count * CoreLibrary.ReportLayout.KindSize, 4);
        for (var i = 0; i < kinds.Count; i++)
        {
            var k = kinds[i];
            WriteStrings(data, kindTable + (uint)(i * CoreLibrary.ReportLayout.KindSize), Text(k), k.Rule is null ? "" : string.Create(CultureInfo.InvariantCulture, $"{k.ProbeIndex}_{k.Rule}, "), ValueLayout.Descriptor(k.Type));
        }
        var functionTable = data.Reserve(functions.Count * CoreLibrary.ReportLayout.FunctionSize, 4);
        for (var i = 0; i < functions.Count; i++)
        {
            var (fid, name) = functions[i];
            WriteStrings(data, functionTable + (uint)(i * CoreLibrary.ReportLayout.FunctionSize), string.Create(CultureInfo.InvariantCulture, $"{name}, {fid}, "));
        }
        var rowStream = data.End; // the rows' pieces follow one another from here
        foreach (var piece in EncodeRows()) data.Attach(piece);
        // Last, after every text: whamm_report copies texts 16 bytes at a time, reading up to 15 bytes past one.
        var table = data.Reserve(CoreLibrary.ReportLayout.TableSize, 4);
        data.WriteInt32(table, (int)rowStream);
        data.WriteInt32(table + 4, Count);
        data.WriteInt32(table + 8, (int)kindTable);
        data.WriteInt32(table + 12, (int)functionTable);
        return table;
    }

    // A row's first byte (Core/README.md, Report): which numbers are as in the row before, and a small pc step.
    private const byte SameFunction = 0x80, SameValue = 0x40, SameStep = 0x20, PcStepInLeb = 0x1f;

    /// <summary>Every row in report order (<see cref="Encode"/>): each group's first two rows, then its chunks.</summary>
    private IEnumerable<ReadOnlyMemory<byte>> EncodeRows()
    {
        (Row, uint) last = default;
        foreach (var rows in groups.OrderBy(g => g.Rank).ThenBy(g => g.Tuple, StringComparer.Ordinal).Select(g => g.Rows).Append(globalRows))
        {
            var head = new WasmWriter(2 * RowStream.RowMax);
            last = rows.WriteHead(head, last);
            yield return head.WrittenMemory;
            foreach (var chunk in rows.Tail) yield return chunk;
        }
    }

    /// <summary>
    /// Writes <paramref name="row"/> after <paramref name="last"/>, whose id step was <paramref name="lastStep"/>: a byte of
    /// flags, the kind, then the changes of id, value − id, function and pc that the flags do not leave out. Returns its id step.
    /// </summary>
    private static uint Encode(WasmWriter w, Row row, Row last, uint lastStep)
    {
        var step = row.Id - last.Id;
        var pcStep = row.Pc - last.Pc;
        var head = (byte)((row.Function == last.Function ? SameFunction : 0) | (row.Value == last.Value ? SameValue : 0)
            | (step == lastStep ? SameStep : 0) | (pcStep is >= 0 and < PcStepInLeb ? pcStep : PcStepInLeb));
        w.WriteByte(head);
        w.WriteU32((uint)row.Kind);
        if ((head & SameStep) == 0) w.WriteS32((int)step);
        if ((head & SameValue) == 0) w.WriteS32((int)(row.Value - row.Id));
        if ((head & SameFunction) == 0) w.WriteS32(row.Function - last.Function);
        if ((head & PcStepInLeb) == PcStepInLeb) w.WriteS32(pcStep);
        return step;
    }

    /// <summary>Writes the (address, length) of each string, one after the other, at <paramref name="at"/>.</summary>
    private static void WriteStrings(StaticData data, uint at, params ReadOnlySpan<string> values)
    {
        foreach (var value in values)
        {
            var (address, length) = data.String(value);
            data.WriteInt32(at, (int)address);
            data.WriteInt32(at + 4, length);
            at += 8;
        }
    }

    /// <summary>A site row's text between its id and its function name (<c>, memaddr, count, u32, u32, script0, </c>); a global's whole row up to the value.</summary>
    private static string Text(Kind k)
    {
        var wasm = k.Type.IsMap ? "i32" : WasmTypeText(k.Type);
        var text = $", {k.IdType}, {k.Name}, {k.Type}, {wasm}, script0, ";
        return k.Rule is null ? k.Id + text + ", , , , " : text;
    }

    private int KindOf(Kind kind)
    {
        // A dense monitor asks for the kinds of a few probes, one per opcode, at site after site, with the same string
        // and type instances each time: look them up by reference before hashing strings.
        if (kindByReference.TryGetValue(kind, out var known)) return known;
        var index = LookUpKind(kind);
        kindByReference[kind] = index;
        return index;
    }

    private readonly Dictionary<Kind, int> kindByReference = new(KindReferences.Instance);

    /// <summary>Kinds equal when their strings and type are the same instances (and the probe index the same).</summary>
    private sealed class KindReferences : IEqualityComparer<Kind>
    {
        public static readonly KindReferences Instance = new();

        public bool Equals(Kind a, Kind b) =>
            ReferenceEquals(a.Name, b.Name) && ReferenceEquals(a.Rule, b.Rule) && ReferenceEquals(a.Type, b.Type)
            && a.ProbeIndex == b.ProbeIndex && ReferenceEquals(a.Id, b.Id) && ReferenceEquals(a.IdType, b.IdType);

        public int GetHashCode(Kind k) => HashCode.Combine(RuntimeHelpers.GetHashCode(k.Name), RuntimeHelpers.GetHashCode(k.Rule), RuntimeHelpers.GetHashCode(k.Type), k.ProbeIndex);
    }

    private int LookUpKind(Kind kind)
    {
        if (kindIndex.TryGetValue(kind, out var index)) return index;
        index = kinds.Count;
        kinds.Add(kind);
        kindIndex[kind] = index;
        kindGroup.Add(kind.Rule is null ? -1 : GroupOf(kind.Type));
        return index;
    }

    /// <summary>The index in <see cref="groups"/> of the site rows of type <paramref name="type"/>.</summary>
    private int GroupOf(WhammType type)
    {
        var rank = TypeGroup(type);
        var tuple = type.IsTuple ? type.ToString() : "";
        var at = groups.FindIndex(g => g.Rank == rank && g.Tuple == tuple);
        if (at >= 0) return at;
        groups.Add((rank, tuple, new RowStream()));
        return groups.Count - 1;
    }

    /// <summary>The function entry of a site; consecutive sites are mostly in one function, so the last one is checked first.</summary>
    private int FunctionOf(uint fid, string name)
    {
        if (lastFunctionIndex >= 0 && lastFunction.Fid == fid && ReferenceEquals(lastFunction.Name, name)) return lastFunctionIndex;
        var key = (fid, name);
        if (!functionIndex.TryGetValue(key, out var index))
        {
            index = functions.Count;
            functions.Add(key);
            functionIndex[key] = index;
        }
        (lastFunction, lastFunctionIndex) = (key, index);
        return index;
    }


    private static string WasmTypeText(WhammType type)
    {
        var types = type.WasmTypes;
        return types.Count == 1 ? types[0].ToString() : "(" + string.Join("; ", types) + ")";
    }

    private static int TypeGroup(WhammType t) => t.Kind switch
    {
        WhammTypeKind.U8 => 0, WhammTypeKind.I8 => 1, WhammTypeKind.U16 => 2, WhammTypeKind.I16 => 3,
        WhammTypeKind.U32 => 4, WhammTypeKind.I32 => 5, WhammTypeKind.F32 => 6, WhammTypeKind.U64 => 7,
        WhammTypeKind.I64 => 8, WhammTypeKind.F64 => 9, WhammTypeKind.Bool => 10, WhammTypeKind.Str => 11,
        WhammTypeKind.Tuple => 12, _ => 13,
    };
}
