using Whamm.Language.Catalogue;
using Whamm.Language.Semantics;
using Whamm.Wasm.Opcodes;

namespace Whamm.Instrumentation.Sites;

/// <summary>
/// One probe at one (event, mode), with what it needs at each site. There is one per match, so it is compared by
/// reference: the walk looks probes up at every site.
/// </summary>
internal sealed class ProbeMatch(CheckedProbe probe, CheckedMatch match, ProbeNeeds needs)
{
    /// <summary>The probe.</summary>
    public CheckedProbe Probe { get; } = probe;

    /// <summary>The match of its rule this is.</summary>
    public CheckedMatch Match { get; } = match;

    /// <summary>What its sites must provide.</summary>
    public ProbeNeeds Needs { get; } = needs;

    /// <summary>The rule naming this match, for diagnostics.</summary>
    public string RuleName => Match.RuleName;

    /// <summary>The rule as report rows name it (<see cref="State.ReportSite.RuleOf"/>), one string for all the sites of a dense monitor.</summary>
    public string ReportRule { get; } = State.ReportSite.RuleOf(match);
}

/// <summary>
/// The probe matches resolved once into per-opcode lookups: the matches of a site in mode <c>m</c> are
/// <c>Opcode(m, op)</c> (array indexing, no string comparison), in script order and, within a probe, catalogue
/// order. Function, basic-block and package-level probes are plain lists; <c>wasm:begin</c>, <c>wasm:end</c>
/// and <c>wasm:report</c> are only collected here (the program-level machinery emits them).
/// </summary>
internal sealed class SiteIndex
{
    /// <summary>The size of a table indexed by <see cref="Op"/>.</summary>
    public static readonly int OpCount = Enum.GetValues<Op>().Max(o => (int)o) + 1;
    private static readonly int ModeCount = Enum.GetValues<ModeKind>().Max(m => (int)m) + 1;
    private static readonly ProbeMatch[] None = [];

    private readonly ProbeMatch[][][] byMode; // [mode][op]
    private readonly bool[] anyAt;            // [op]: some mode has a probe
    private readonly bool[] typedAt;          // [op]: a site needs the operand or result types

    private SiteIndex(ProbeMatch[][][] byMode, Dictionary<CatalogueEventKind, ProbeMatch[]> events, Dictionary<PackageKind, ProbeMatch[]> packages)
    {
        this.byMode = byMode;
        anyAt = new bool[OpCount];
        for (var op = 0; op < OpCount; op++)
        {
            foreach (var perOp in byMode) anyAt[op] |= perOp[op].Length > 0;
        }
        FuncEntry = events.GetValueOrDefault(CatalogueEventKind.FuncEntry, None);
        FuncExit = events.GetValueOrDefault(CatalogueEventKind.FuncExit, None);
        BlockStart = events.GetValueOrDefault(CatalogueEventKind.BlockStart, None);
        BlockEnd = events.GetValueOrDefault(CatalogueEventKind.BlockEnd, None);
        Begin = packages.GetValueOrDefault(PackageKind.Begin, None);
        End = packages.GetValueOrDefault(PackageKind.End, None);
        Report = packages.GetValueOrDefault(PackageKind.Report, None);
        typedAt = new bool[OpCount];
        for (var op = 0; op < OpCount; op++)
        {
            typedAt[op] = byMode[(int)ModeKind.Alt][op].Length > 0
                || byMode.Any(perOp => perOp[op].Any(pm => pm.Needs.ArgCount > 0 || pm.Needs.ResultCount > 0));
        }
        // at_target and func:exit at br_if and br_table test the saved condition or index; block_alt saves if's condition.
        typedAt[(int)Op.BrIf] |= byMode[(int)ModeKind.SemanticAfter][(int)Op.BrIf].Length > 0 || FuncExit.Length > 0;
        typedAt[(int)Op.BrTable] |= FuncExit.Length > 0;
        typedAt[(int)Op.If] |= byMode[(int)ModeKind.BlockAlt][(int)Op.If].Length > 0;
        AnyOpcodeProbe = anyAt.Any(a => a);
        AnyBlockMode = new[] { ModeKind.Entry, ModeKind.Exit, ModeKind.BlockAlt }.Any(m => byMode[(int)m].Any(l => l.Length > 0))
            || BlockLike.Any(op => byMode[(int)ModeKind.SemanticAfter][(int)op].Length > 0);
    }

    /// <summary>The structured instructions whose events have entry, exit, (semantic) after and block_alt modes.</summary>
    public static readonly Op[] BlockLike = [Op.Block, Op.Loop, Op.If, Op.Else, Op.TryTable];

    /// <summary>The matches of opcode <paramref name="op"/> in <paramref name="mode"/>.</summary>
    public ProbeMatch[] Opcode(ModeKind mode, Op op) => byMode[(int)mode][(int)op];

    /// <summary>
    /// Whether a site of <paramref name="op"/> needs the types of its operands or results (what only validating the
    /// function tells): a probe there reads <c>argN</c>/<c>resN</c> (or calls <c>dup_at</c>), an <c>alt</c> replaces it,
    /// <c>at_target</c> or <c>wasm:func:exit</c> tests a branch's condition or index, <c>block_alt</c> saves an if's condition.
    /// Locals need no validation (their types are declared).
    /// </summary>
    public bool NeedsStackTypes(Op op) => typedAt[(int)op];

    /// <summary>Whether any opcode probe matches <paramref name="op"/>.</summary>
    public bool AnyAt(Op op) => anyAt[(int)op];

    public ProbeMatch[] FuncEntry { get; }
    public ProbeMatch[] FuncExit { get; }
    public ProbeMatch[] BlockStart { get; }
    public ProbeMatch[] BlockEnd { get; }

    /// <summary><c>wasm:begin</c> probes (emitted by the program-level machinery, not here).</summary>
    public ProbeMatch[] Begin { get; }

    /// <summary><c>wasm:end</c> probes (emitted by the program-level machinery, not here).</summary>
    public ProbeMatch[] End { get; }

    /// <summary><c>wasm:report</c> probes (emitted by the report machinery, not here).</summary>
    public ProbeMatch[] Report { get; }

    public bool AnyOpcodeProbe { get; }

    /// <summary>Some probe is placed relative to a structured block (entry, exit, semantic after, block_alt): blocks must be matched to their ends.</summary>
    public bool AnyBlockMode { get; }

    /// <summary>Whether the bodies must be walked instruction by instruction.</summary>
    public bool NeedsTraversal => AnyOpcodeProbe || FuncExit.Length > 0 || BlockStart.Length > 0 || BlockEnd.Length > 0;

    public static SiteIndex Build(CheckedScript script)
    {
        var byMode = new List<ProbeMatch>?[ModeCount][];
        for (var m = 0; m < ModeCount; m++) byMode[m] = new List<ProbeMatch>?[OpCount];
        var events = new Dictionary<CatalogueEventKind, List<ProbeMatch>>();
        var packages = new Dictionary<PackageKind, List<ProbeMatch>>();
        foreach (var probe in script.Probes)
        {
            foreach (var m in probe.Matches)
            {
                var pm = new ProbeMatch(probe, m, ProbeNeeds.Of(probe, m));
                if (m.Event is null)
                {
                    var kind = m.Match.Package?.Kind ?? throw new InstrumentationException($"the rule `{m.RuleName}` names no package", probe.Syntax.Rule.Span);
                    Add(packages, kind, pm);
                }
                else if (m.Event.Kind == CatalogueEventKind.Opcode)
                {
                    (byMode[(int)m.Mode!.Kind][(int)m.Event.Opcode!.Op] ??= []).Add(pm);
                }
                else
                {
                    Add(events, m.Event.Kind, pm);
                }
            }
        }
        return new SiteIndex(
            byMode.Select(perOp => perOp.Select(l => l?.ToArray() ?? None).ToArray()).ToArray(),
            events.ToDictionary(e => e.Key, e => e.Value.ToArray()),
            packages.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }

    private static void Add<TKey>(Dictionary<TKey, List<ProbeMatch>> lists, TKey key, ProbeMatch pm) where TKey : notnull
    {
        if (!lists.TryGetValue(key, out var list)) lists[key] = list = [];
        list.Add(pm);
    }
}
