using Whamm.Language.Catalogue;
using Whamm.Language.Semantics;
using Whamm.Wasm.Opcodes;

namespace Whamm.Instrumentation.Sites;

/// <summary>One probe at one (event, mode): what is injected at each site of that event.</summary>
internal sealed record ProbeMatch(CheckedProbe Probe, CheckedMatch Match);

/// <summary>
/// The probe matches resolved once into per-opcode lookups: the matches of a site are <c>Before[(int)op]</c>
/// and <c>After[(int)op]</c> (an array index per instruction, no string comparison), in script order and,
/// within a probe, catalogue order.
/// </summary>
internal sealed class SiteIndex
{
    private static readonly int OpCount = Enum.GetValues<Op>().Max(o => (int)o) + 1;
    private static readonly ProbeMatch[] None = [];

    private SiteIndex(ProbeMatch[][] before, ProbeMatch[][] after, ProbeMatch[] funcEntry)
    {
        Before = before;
        After = after;
        FuncEntry = funcEntry;
    }

    public ProbeMatch[][] Before { get; }
    public ProbeMatch[][] After { get; }
    public ProbeMatch[] FuncEntry { get; }

    public bool AnyOpcodeProbe => Before.Any(l => l.Length > 0) || After.Any(l => l.Length > 0);

    public static SiteIndex Build(CheckedScript script)
    {
        var before = new List<ProbeMatch>?[OpCount];
        var after = new List<ProbeMatch>?[OpCount];
        var entry = new List<ProbeMatch>();
        foreach (var probe in script.Probes)
        {
            foreach (var m in probe.Matches)
            {
                var pm = new ProbeMatch(probe, m);
                if (m.Match.Package?.Kind is PackageKind.Begin or PackageKind.End or PackageKind.Report) continue; // Passes/Lifecycle
                switch (m.Event?.Kind)
                {
                    case CatalogueEventKind.Opcode when m.Mode?.Kind == ModeKind.Before:
                        (before[(int)m.Event.Opcode!.Op] ??= []).Add(pm);
                        break;
                    case CatalogueEventKind.Opcode when m.Mode?.Kind == ModeKind.After:
                        (after[(int)m.Event.Opcode!.Op] ??= []).Add(pm);
                        break;
                    case CatalogueEventKind.FuncEntry:
                        entry.Add(pm);
                        break;
                    default:
                        throw new InstrumentationException(
                            $"the rule `{m.RuleName}` is not supported by the rewriter yet (this version compiles before/after opcode probes and wasm:func:entry)",
                            probe.Syntax.Rule.Span);
                }
            }
        }
        return new SiteIndex(
            before.Select(l => l?.ToArray() ?? None).ToArray(),
            after.Select(l => l?.ToArray() ?? None).ToArray(),
            entry.ToArray());
    }
}
