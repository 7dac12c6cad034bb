using Whamm.Language.Catalogue;
using Whamm.Language.Diagnostics;
using Whamm.Language.Syntax;
using Whamm.Language.Text;

namespace Whamm.Language.Semantics;

/// <summary>
/// Checks one probe: expands its rule against the catalogue (<see cref="RuleMatcher"/>), applies its
/// type bounds (a match whose event lacks a bounded variable, or has it with another Wasm type, is
/// excluded, as the reference's site filtering would), then checks the predicate and body once per
/// group of matches whose bound variables look the same (a <c>wasm:opcode:*</c> probe that names no
/// bound variable is checked once, not 500 times). A diagnostic found for every group names the rule
/// as written; one found for some groups only names the first match of its group (<c>@wasm:opcode:nop:before</c>).
/// </summary>
internal sealed class ProbeChecker
{
    private readonly ScriptContext context;
    private readonly ProbeSyntax probe;
    private readonly int index;
    private readonly DiagnosticBag diagnostics;
    private readonly string ruleText;

    public ProbeChecker(ScriptContext context, ProbeSyntax probe, int index, DiagnosticBag diagnostics)
    {
        this.context = context;
        this.probe = probe;
        this.index = index;
        this.diagnostics = diagnostics;
        ruleText = probe.Rule.Text;
    }

    /// <summary>True when a body declares a <c>report</c> variable.</summary>
    public bool DeclaresReport { get; private set; }

    /// <summary>True when the rule matches <c>wasm:report</c>.</summary>
    public bool IsReportProbe { get; private set; }

    private SourceText Source => context.Source;

    private void Add(Diagnostic d, string? rule = null) => diagnostics.Add(d.WithRule(rule ?? ruleText));

    public CheckedProbe Run()
    {
        var expansion = RuleMatcher.Expand(probe.Rule);
        var bounds = CollectTypeBounds();
        var boundTypes = bounds.ToDictionary(b => b.Key, b => b.Value.Type, StringComparer.Ordinal);
        if (!expansion.Success)
        {
            ReportRuleError(expansion.Error!);
            return new CheckedProbe(probe, index, [], [], boundTypes);
        }
        IsReportProbe = expansion.Probes.Any(m => m.Package?.Kind == PackageKind.Report);

        var (kept, excluded) = ApplyTypeBounds(expansion.Probes, bounds);
        if (kept.Count == 0)
            return new CheckedProbe(probe, index, [], [.. excluded], boundTypes);

        // Group the matches by how the names the probe mentions resolve.
        var names = UsedNames();
        var groups = new List<List<CatalogueMatch>>();
        var byKey = new Dictionary<string, List<CatalogueMatch>>(StringComparer.Ordinal);
        foreach (var m in kept)
        {
            var key = ProbeEnvironment.Signature(m, names, bounds);
            if (!byKey.TryGetValue(key, out var group))
            {
                group = [];
                byKey.Add(key, group);
                groups.Add(group);
            }
            group.Add(m);
        }

        var checkedMatches = new CheckedMatch[kept.Count];
        var position = new Dictionary<CatalogueMatch, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < kept.Count; i++) position[kept[i]] = i;
        var found = new List<(List<Diagnostic> Diagnostics, string Rule)>();
        foreach (var group in groups)
        {
            var env = new ProbeEnvironment(group[0], bounds);
            var body = new BodyChecker(context, BodyKind.Probe, env);
            body.CheckScriptNamesAgainstEvent();
            if (probe.Predicate is { } predicate) body.CheckPredicate(predicate);
            body.CheckStatements(probe.Body.Statements);
            DeclaresReport |= body.DeclaresReport;
            var model = body.BuildModel();
            foreach (var m in group)
                checkedMatches[position[m]] = new CheckedMatch(m, model, BoundVariableUses(m, body.BoundUses, bounds));
            found.Add((body.Diagnostics, group[0].RuleName));
        }
        AddGroupDiagnostics(found);
        return new CheckedProbe(probe, index, checkedMatches, [.. excluded], boundTypes);
    }

    /// <summary>Diagnostics every group found name the rule as written; the others name their group's first match.</summary>
    private void AddGroupDiagnostics(List<(List<Diagnostic> Diagnostics, string Rule)> found)
    {
        var counts = new Dictionary<(string, TextSpan?, string), int>();
        foreach (var (list, _) in found)
        {
            foreach (var key in list.Select(d => (d.Id, d.Span, d.Message)).Distinct())
                counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        foreach (var (list, rule) in found)
        {
            foreach (var d in list)
                Add(d, counts[(d.Id, d.Span, d.Message)] == found.Count ? ruleText : rule);
        }
    }

    private void ReportRuleError(RuleMatchError error)
    {
        var parts = probe.Rule.Parts;
        var span = error.Kind == RuleMatchErrorKind.NoMatch && error.PartIndex < parts.Count
            ? PartSpan(parts[error.PartIndex])
            : probe.Rule.Span;
        var descriptor = error.Kind switch
        {
            RuleMatchErrorKind.NoMatch => RuleDiagnostics.NoMatch,
            RuleMatchErrorKind.Incomplete => RuleDiagnostics.IncompleteRule,
            _ => RuleDiagnostics.InvalidRule,
        };
        diagnostics.Add(descriptor.Create(Source, span, error.Message));
    }

    /// <summary>The pattern of a part; an empty part (which means <c>*</c>) is marked where it would be.</summary>
    private static TextSpan PartSpan(RulePartSyntax part) => part.PatternSpan;

    /// <summary>The rule's type bounds by name (all parts together), reporting invalid and duplicate ones.</summary>
    private Dictionary<string, (WhammType Type, ParameterSyntax Syntax)> CollectTypeBounds()
    {
        var bounds = new Dictionary<string, (WhammType, ParameterSyntax)>(StringComparer.Ordinal);
        foreach (var p in probe.Rule.TypeBounds)
        {
            if (p.Name.IsMissing) continue;
            var type = WhammType.FromSyntax(p.Type);
            if (type.IsError) continue;
            if (!(type.IsNumeric || type == WhammType.Bool || type == WhammType.FuncRef))
            {
                Add(CheckDiagnostics.InvalidTypeBound.Create(Source, p.Type.Span, type));
                continue;
            }
            if (bounds.TryGetValue(p.Name.Text, out var other))
            {
                Add(CheckDiagnostics.DuplicateTypeBound.Create(Source, p.Name.Span, p.Name.Text)
                    .WithLabel(other.Item2.Name.Span, "first bound here"));
                continue;
            }
            bounds.Add(p.Name.Text, (type, p));
        }
        return bounds;
    }

    /// <summary>
    /// Splits the matches into those the type bounds keep and those they exclude: a bounded variable the
    /// event does not bind, or binds with a different Wasm type, rules the event out. Bounding a static
    /// variable is the reference's error.
    /// </summary>
    private (List<CatalogueMatch> Kept, List<CatalogueMatch> Excluded) ApplyTypeBounds(
        IReadOnlyList<CatalogueMatch> matches, Dictionary<string, (WhammType Type, ParameterSyntax Syntax)> bounds)
    {
        var kept = new List<CatalogueMatch>();
        var excluded = new List<CatalogueMatch>();
        var present = new HashSet<string>(StringComparer.Ordinal);
        var incompatible = new Dictionary<string, List<WhammType>>(StringComparer.Ordinal);
        foreach (var m in matches)
        {
            var keep = true;
            foreach (var (name, (type, syntax)) in bounds)
            {
                var v = ProbeEnvironment.FindVariable(m, name);
                if (v is null)
                {
                    keep = false;
                    continue;
                }
                present.Add(name);
                if (v.NeedsTypeBound) continue;
                if (v.IsStatic)
                {
                    Add(CheckDiagnostics.TypeBoundOnStaticVariable.Create(Source, syntax.Span, name, v.Type, m.RuleName), m.RuleName);
                    continue;
                }
                if (!v.Type.WasmTypes.SequenceEqual(type.WasmTypes))
                {
                    keep = false;
                    var list = incompatible.TryGetValue(name, out var l) ? l : incompatible[name] = [];
                    if (!list.Contains(v.Type)) list.Add(v.Type);
                }
            }
            (keep ? kept : excluded).Add(m);
        }
        if (kept.Count == 0 && bounds.Count > 0)
        {
            var reported = false;
            foreach (var (name, (_, syntax)) in bounds)
            {
                if (present.Contains(name)) continue;
                Add(CheckDiagnostics.TypeBoundUnknownVariable.Create(Source, syntax.Name.Span, name));
                reported = true;
            }
            if (!reported && incompatible.Count > 0)
            {
                var (name, found) = incompatible.First();
                var syntax = bounds[name].Syntax;
                Add(CheckDiagnostics.TypeBoundsExcludeEverything.Create(Source, syntax.Span, name, bounds[name].Type,
                    string.Join(", ", found.Select(t => $"`{t}`"))));
            }
        }
        return (kept, excluded);
    }

    /// <summary>Every name the predicate and body mention (variables and functions called without a receiver), sorted.</summary>
    private List<string> UsedNames()
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        IEnumerable<SyntaxNode> nodes = probe.Body.DescendantNodesAndSelf();
        if (probe.Predicate is not null) nodes = nodes.Concat(probe.Predicate.DescendantNodesAndSelf());
        foreach (var node in nodes)
        {
            switch (node)
            {
                case NameExpressionSyntax n when !n.Name.IsMissing:
                    names.Add(n.Name.Text);
                    break;
                case CallExpressionSyntax { Receiver: null } c when !c.Name.IsMissing:
                    names.Add(c.Name.Text);
                    break;
                case VariableDeclarationSyntax d when !d.Name.IsMissing:
                    names.Add(d.Name.Text);
                    break;
            }
        }
        foreach (var s in context.ScriptSymbols) names.Add(s.Name);
        return [.. names];
    }

    /// <summary>The bound variables a match needs: those the body names, then what they are derived from.</summary>
    private static BoundVariableUse[] BoundVariableUses(CatalogueMatch match, IReadOnlyList<string> used,
        IReadOnlyDictionary<string, (WhammType Type, ParameterSyntax Syntax)> bounds)
    {
        var env = new ProbeEnvironment(match, bounds);
        var result = new List<BoundVariableUse>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in used)
        {
            var closure = ProbeEnvironment.Closure(match, name);
            for (var i = 0; i < closure.Count; i++)
            {
                var (n, v) = closure[i];
                if (!seen.Add(n)) continue;
                result.Add(new BoundVariableUse(n, v, env.TypeOf(n, v), IsDirect: i == 0 || used.Contains(n)));
            }
        }
        return [.. result];
    }
}
