using Whamm.Language.Catalogue;
using Whamm.Language.Semantics;
using Whamm.Language.Syntax;

namespace Whamm.Instrumentation.Counters;

/// <summary>What one statement of a counter body does to its variable.</summary>
internal enum CounterOpKind
{
    /// <summary><c>report var v: T;</c> (or <c>unshared</c>): the per-site instance, which must start at zero.</summary>
    Declare,
    /// <summary><c>v++</c>, <c>v--</c>, <c>v = v ± E</c>, <c>v = E + v</c> with <c>E</c> constant at the site.</summary>
    Add,
    /// <summary><c>v = E</c> with <c>E</c> constant at the site (a per-site flag such as <c>reached = true</c>).</summary>
    Set,
    /// <summary>
    /// <c>v = v + (arg0 != 0) as uN</c> at an <c>if</c> or <c>br_if</c>: one when its condition holds, which is when the
    /// then arm runs, or the branch is taken: every execution of the site minus the fall-throughs.
    /// </summary>
    AddCondition,
}

/// <summary>One statement of a counter body: its variable (a map: <see cref="Key"/> names the entry) and the expression giving the amount or value (null: 1).</summary>
internal sealed record CounterOp(CounterOpKind Kind, VariableSymbol Variable, ExpressionSyntax? Value, bool Negate, ExpressionSyntax? Key = null)
{
    /// <summary>A <see cref="CounterOpKind.Declare"/>'s index in <see cref="CounterPlan.Declarations"/>; -1 for other operations.</summary>
    public int Slot { get; init; } = -1;
}

/// <summary>A per-site variable a counter body declares: the instances of all its sites share one kind of report row.</summary>
internal readonly record struct CounterDeclaration(VariableSymbol Variable, int ProbeIndex, string Rule);

/// <summary>
/// Which probes are counters (issue #9): an opcode <c>before</c> (or <c>wasm:block:start</c>/<c>end</c>) probe whose body only declares per-site variables and
/// adds constants to (or sets constants in) integer variables or map entries (<see cref="MapCounters"/>) that nothing
/// else reads while the program runs. At a
/// site where its predicate folds to true and its amounts are constants, such a probe needs no code of its own: the
/// amounts of all such sites of a basic block are added once (<c>ProbeInjection.Counters.cs</c>), and the per-site
/// variables of a block share one counter. Reads of a script global by <c>wasm:begin</c>/<c>end</c>/<c>report</c>
/// probes and global statements are fine (they run before or after every flush); any other read keeps it exact by
/// keeping that global out.
/// </summary>
internal sealed class CounterPlan
{
    private readonly Dictionary<CheckedMatch, CounterOp[]> bodies = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<string> mergeable = new(StringComparer.Ordinal);
    private readonly HashSet<string> cached = new(StringComparer.Ordinal);
    private readonly Dictionary<CheckedMatch, HashSet<VariableSymbol>> additive = new(ReferenceEqualityComparer.Instance);
    private readonly List<CounterDeclaration> declarations = [];

    private CounterPlan() { }

    /// <summary>The declarations of all counter bodies, by <see cref="CounterOp.Slot"/>: report rows look their kind up by slot, not by hashing it at every site.</summary>
    public IReadOnlyList<CounterDeclaration> Declarations => declarations;

    /// <summary>The counter body of a match, or null when the probe is not a counter there.</summary>
    public CounterOp[]? BodyOf(CheckedMatch match) => bodies.GetValueOrDefault(match);

    /// <summary>
    /// The per-site variables of an opcode probe that its body only ever adds to (<c>v++</c>, <c>v = v + e</c> with any
    /// <c>e</c> not naming <c>v</c>; for a map, to its entries), whatever else it does: a loop may hold them in locals
    /// (<c>CachedCounter</c>), a map's entries may be counted in an array (<c>DenseMapCounters</c>).
    /// </summary>
    public bool IsAdditive(CheckedMatch match, VariableSymbol variable) => additive.TryGetValue(match, out var set) && set.Contains(variable);

    /// <summary>Whether increments of script global <paramref name="name"/> may be merged (nothing reads it while the program runs).</summary>
    public bool Merges(string name) => mergeable.Contains(name);

    /// <summary>Whether global <paramref name="name"/> is counted in a local of each function and flushed at calls that may not return and at exits.</summary>
    public bool Caches(string name) => cached.Contains(name);

    /// <summary>
    /// Whether some counter probe counts at instructions other than calls (or at blocks), so that its groups would span
    /// calls that return (<see cref="ReturningCalls"/>): a monitor that counts only at calls gains too little from them
    /// to pay for finding them (a decode of every body).
    /// </summary>
    public bool CountsBetweenCalls { get; private set; }

    /// <summary>Whether some global is counted in locals.</summary>
    public bool AnyCached => cached.Count > 0;

    /// <summary>Whether some counter body bumps or sets per-site variables (whose counters loops may hold in locals).</summary>
    public bool AnySiteCounters { get; private set; }

    /// <summary>The counters of <paramref name="script"/>; <paramref name="cacheGlobals"/>: whether globals may be held in locals.</summary>
    public static CounterPlan Analyze(CheckedScript script, bool cacheGlobals = true)
    {
        var plan = new CounterPlan();
        var adds = new HashSet<SyntaxNode>(ReferenceEqualityComparer.Instance); // every name inside an add statement of its own variable
        foreach (var node in script.Syntax.DescendantNodesAndSelf())
        {
            if (node is StatementSyntax s && SelfAdd(s) is var (target, _, _, self))
            {
                adds.Add(target);
                if (self is not null) adds.Add(self);
            }
        }
        var reads = new HashSet<string>(StringComparer.Ordinal); // globals named outside their add statements while the program runs
        // wasm:begin/end/report probes run before the program or after every counter was flushed.
        var outside = script.Probes.Where(p => p.Matches.All(m => m.Event is null)).Select(p => p.Syntax).ToHashSet<SyntaxNode>(ReferenceEqualityComparer.Instance);
        foreach (var member in script.Syntax.Members)
        {
            if (member is GlobalStatementSyntax || outside.Contains(member)) continue;
            foreach (var n in member.DescendantNodesAndSelf().OfType<NameExpressionSyntax>())
            {
                if (!adds.Contains(n)) reads.Add(n.Name.Text);
            }
        }
        foreach (var g in script.Globals)
        {
            var counter = IsCounterType(g.Type) || g.Type.IsMap && IsCounterType(g.Type.MapValue) && MapCounters.CountableKey(g.Type.MapKey);
            if (counter && !reads.Contains(g.Name)) plan.mergeable.Add(g.Name);
        }
        foreach (var probe in script.Probes)
        {
            foreach (var m in probe.Matches)
            {
                if (m.Event?.Kind == CatalogueEventKind.Opcode && AdditiveVariables(probe.Syntax.Body, m.Model) is { Count: > 0 } vars) plan.additive[m] = vars;
                var opcode = m.Mode?.Kind == ModeKind.Before && m.Event?.Kind == CatalogueEventKind.Opcode;
                if (!opcode && m.Event?.Kind is not (CatalogueEventKind.BlockStart or CatalogueEventKind.BlockEnd)) continue;
                if (plan.CounterBody(probe.Syntax.Body, m.Model) is not { } ops) continue;
                for (var i = 0; i < ops.Length; i++)
                {
                    if (ops[i].Kind != CounterOpKind.Declare) continue;
                    ops[i] = ops[i] with { Slot = plan.declarations.Count };
                    plan.declarations.Add(new CounterDeclaration(ops[i].Variable, probe.Index, State.ReportSite.RuleOf(m)));
                }
                plan.bodies[m] = ops;
                plan.AnySiteCounters |= ops.Any(o => o.Variable.VariableKind == VariableKind.Unshared);
                plan.CountsBetweenCalls |= !(opcode && CounterFlow.IsCall(m.Event!.Opcode!.Op));
                // A counter bumped at instructions other than calls and exits pays for a local: those are the flush points.
                if (cacheGlobals && !(opcode && FlushesAnyway(m.Event!.Opcode!.Op)))
                {
                    foreach (var op in ops)
                    {
                        if (op.Variable.VariableKind == VariableKind.Global && !op.Variable.Type.IsMap) plan.cached.Add(op.Variable.Name);
                    }
                }
            }
        }
        return plan;
    }

    private static bool FlushesAnyway(Whamm.Wasm.Opcodes.Op op) => CounterFlow.IsCall(op) || CounterFlow.AlwaysLeaves(op);

    private CounterOp[]? CounterBody(BlockSyntax body, SemanticModel model)
    {
        var ops = new List<CounterOp>();
        var siteKinds = new Dictionary<VariableSymbol, CounterOpKind>(ReferenceEqualityComparer.Instance);
        foreach (var s in body.Statements)
        {
            switch (s)
            {
                case VariableDeclarationSyntax d when model.SymbolOf(d) is VariableSymbol { VariableKind: VariableKind.Unshared } v
                                                      && (IsCounterType(v.Type) || v.Type.Kind == WhammTypeKind.Bool):
                    ops.Add(new CounterOp(CounterOpKind.Declare, v, d.Initializer, false));
                    break;
                case AssignmentStatementSyntax a when SelfAdd(a) is null && a.Target is NameExpressionSyntax n
                                                      && model.SymbolOf(n) is VariableSymbol { VariableKind: VariableKind.Unshared } v
                                                      && !Mentions(a.Value, v.Name):
                    if (!Agree(siteKinds, v, CounterOpKind.Set)) return null;
                    ops.Add(new CounterOp(CounterOpKind.Set, v, a.Value, false));
                    break;
                default:
                    if (SelfAdd(s) is not var (target, amount, negate, _) || model.SymbolOf(target) is not VariableSymbol counted) return null;
                    var ok = counted.VariableKind switch
                    {
                        VariableKind.Global => mergeable.Contains(counted.Name),
                        VariableKind.Unshared => IsCounterType(counted.Type),
                        _ => false,
                    };
                    var kind = amount is not null && !negate && KeyOf(s) is null && IsConditionTruth(amount, model) ? CounterOpKind.AddCondition : CounterOpKind.Add;
                    if (!ok || counted.VariableKind == VariableKind.Unshared && !Agree(siteKinds, counted, kind)) return null;
                    ops.Add(new CounterOp(kind, counted, amount, negate, KeyOf(s)));
                    break;
            }
        }
        return ops.Count > 0 ? [.. ops] : null;
    }

    /// <summary>
    /// The per-site integer variables of <paramref name="body"/> named only as the target or self operand of additions to
    /// themselves, and the per-site maps of integer values named only so (<c>m[k]++</c>, <c>m[k] = m[k] + e</c>).
    /// </summary>
    private static HashSet<VariableSymbol> AdditiveVariables(BlockSyntax body, SemanticModel model)
    {
        var allowed = new HashSet<SyntaxNode>(ReferenceEqualityComparer.Instance);
        var candidates = new HashSet<VariableSymbol>(ReferenceEqualityComparer.Instance);
        foreach (var node in body.DescendantNodesAndSelf())
        {
            if (node is VariableDeclarationSyntax d && model.SymbolOf(d) is VariableSymbol { VariableKind: VariableKind.Unshared } v
                && (IsCounterType(v.Type) || v.Type.IsMap && IsCounterType(v.Type.MapValue)))
                candidates.Add(v);
            if (node is StatementSyntax s && SelfAdd(s) is var (target, _, _, self))
            {
                allowed.Add(target);
                if (self is not null) allowed.Add(self);
            }
        }
        foreach (var n in body.DescendantNodesAndSelf().OfType<NameExpressionSyntax>())
        {
            if (model.SymbolOf(n) is VariableSymbol v && !allowed.Contains(n)) candidates.Remove(v);
        }
        return candidates;
    }

    /// <summary>
    /// Whether <paramref name="e"/> is <c>arg0 != 0</c> (either way round), perhaps cast: one when the operand on top of
    /// the stack is not zero, else zero.
    /// </summary>
    private static bool IsConditionTruth(ExpressionSyntax e, SemanticModel model)
    {
        if (e is CastExpressionSyntax cast) e = cast.Operand;
        return e is BinaryExpressionSyntax { Operator: BinaryOperator.NotEqual } b
            && (IsArg0(b.Left) && IsZero(b.Right) || IsArg0(b.Right) && IsZero(b.Left));

        bool IsArg0(ExpressionSyntax x) =>
            x is NameExpressionSyntax n && n.Name.Text == "arg0" && model.SymbolOf(n) is VariableSymbol { VariableKind: VariableKind.Bound };
        static bool IsZero(ExpressionSyntax x) => x is IntegerLiteralSyntax { Magnitude: 0 };
    }

    /// <summary>A per-site variable is either counted or set, not both (merging must not reorder a set and an add).</summary>
    private static bool Agree(Dictionary<VariableSymbol, CounterOpKind> kinds, VariableSymbol v, CounterOpKind kind) =>
        kinds.TryAdd(v, kind) || kinds[v] == kind;

    /// <summary>
    /// <c>x++</c>, <c>x--</c>, <c>x = x + E</c>, <c>x = x - E</c>, <c>x = E + x</c> (E not naming x): the target, the
    /// amount (null: one), whether it is subtracted, and the operand naming x again.
    /// </summary>
    private static (NameExpressionSyntax Target, ExpressionSyntax? Amount, bool Negate, NameExpressionSyntax? Self)? SelfAdd(StatementSyntax s)
    {
        switch (s)
        {
            case IncrementStatementSyntax inc when Counted(inc.Target) is { } t && (KeyOf(s) is not { } key || !Mentions(key, t.Name.Text)):
                return (t, null, inc.IsDecrement, null);
            case AssignmentStatementSyntax { Value: BinaryExpressionSyntax e } a when Counted(a.Target) is { } t:
                var name = t.Name.Text;
                var target = a.Target.ToString();
                if (KeyOf(s) is { } k && Mentions(k, name)) return null;
                if (e.Left.ToString() == target && e.Operator is BinaryOperator.Add or BinaryOperator.Subtract && !Mentions(e.Right, name))
                    return (t, e.Right, e.Operator == BinaryOperator.Subtract, Counted(e.Left));
                if (e.Right.ToString() == target && e.Operator == BinaryOperator.Add && !Mentions(e.Left, name))
                    return (t, e.Left, false, Counted(e.Right));
                return null;
            default:
                return null;
        }
    }

    /// <summary>The variable a counter statement updates: <c>x</c>, or the map of <c>m[k]</c>.</summary>
    private static NameExpressionSyntax? Counted(ExpressionSyntax target) => target switch
    {
        NameExpressionSyntax n => n,
        IndexExpressionSyntax { Target: NameExpressionSyntax m } => m,
        _ => null,
    };

    /// <summary>The key of a counted map entry, or null for a plain variable.</summary>
    private static ExpressionSyntax? KeyOf(StatementSyntax s) => s switch
    {
        IncrementStatementSyntax { Target: IndexExpressionSyntax i } => i.Index,
        AssignmentStatementSyntax { Target: IndexExpressionSyntax i } => i.Index,
        _ => null,
    };

    private static bool Mentions(ExpressionSyntax e, string name) =>
        e.DescendantNodesAndSelf().OfType<NameExpressionSyntax>().Any(n => n.Name.Text == name);

    /// <summary>Integers whose arithmetic wraps in their Wasm type, so amounts can be summed first (narrow types are re-narrowed at every step).</summary>
    private static bool IsCounterType(WhammType t) => t.Kind is WhammTypeKind.U32 or WhammTypeKind.I32 or WhammTypeKind.U64 or WhammTypeKind.I64;
}
