using System.Globalization;
using Whamm.Instrumentation.CodeGen;
using Whamm.Instrumentation.Folding;
using Whamm.Language.Semantics;
using Whamm.Language.Syntax;
using Whamm.Wasm.Types;

namespace Whamm.Instrumentation.Sites;

/// <summary>A stack operand (<c>argN</c>), result (<c>resN</c>) or local (<c>localN</c>) a probe reads, with the Wasm type its bound requires.</summary>
internal readonly record struct StackSlot(int Index, ValType Type);

/// <summary>
/// What one probe match needs at each of its sites, worked out once from its bound variables (never per site):
/// the static values to fold, the operands, results and locals it reads (with the types that filter sites),
/// the aliases (<c>addr</c> is <c>arg1</c> on stores) and the derived run-time values (<c>effective_addr</c>,
/// <c>target</c>, <c>failed</c>). A variable the rewriter cannot provide is an error at build time, before
/// any site is visited.
/// </summary>
internal sealed class ProbeNeeds
{
    private ProbeNeeds(BoundVariableUse[] statics, StackSlot[] args, StackSlot[] results, StackSlot[] locals,
        (string Name, string Target)[] aliases, BoundVariableUse[] derived, int minArgs)
    {
        Statics = statics;
        Args = args;
        Results = results;
        Locals = locals;
        Aliases = aliases;
        Derived = derived;
        ArgCount = Math.Max(minArgs, args.Length == 0 ? 0 : args.Max(a => a.Index) + 1);
        ResultCount = results.Length == 0 ? 0 : results.Max(r => r.Index) + 1;
    }

    /// <summary>Static variables, folded per site.</summary>
    public BoundVariableUse[] Statics { get; }

    /// <summary>The operands read (arg0 is the top of the stack).</summary>
    public StackSlot[] Args { get; }

    /// <summary>The results read (in <c>after</c> probes).</summary>
    public StackSlot[] Results { get; }

    /// <summary>The function locals read or written.</summary>
    public StackSlot[] Locals { get; }

    /// <summary>Dynamic aliases: the name and the stack value it stands for.</summary>
    public (string Name, string Target)[] Aliases { get; }

    /// <summary>Derived run-time values, each after the values it is computed from.</summary>
    public BoundVariableUse[] Derived { get; }

    /// <summary>How many operands from the top must be saved (1 + the highest argN read; 2 for <c>dup_at</c>, which re-pushes arg1 and arg0).</summary>
    public int ArgCount { get; }

    /// <summary>How many results from the top must be saved (1 + the highest resN read).</summary>
    public int ResultCount { get; }

    /// <summary>The needs of one match; throws when a variable cannot be provided by the rewriter.</summary>
    public static ProbeNeeds Of(CheckedProbe probe, CheckedMatch match)
    {
        var statics = new List<BoundVariableUse>();
        var args = new List<StackSlot>();
        var results = new List<StackSlot>();
        var locals = new List<StackSlot>();
        var aliases = new List<(string, string)>();
        var derived = new List<BoundVariableUse>();
        foreach (var use in match.BoundVariables)
        {
            if (use.IsStatic)
            {
                statics.Add(use);
                continue;
            }
            if (Indexed(use.Name, "arg") is { } a) args.Add(new StackSlot(a, WasmType(use, probe)));
            else if (Indexed(use.Name, "res") is { } r) results.Add(new StackSlot(r, WasmType(use, probe)));
            else if (Indexed(use.Name, "local") is { } l) locals.Add(new StackSlot(l, WasmType(use, probe)));
            else if (use.Variable.DerivedFrom is { } d && IsIdentifier(d)) aliases.Add((use.Name, d));
            // resolved_fid reads the shadow table, not target_funcref: that one is computed only when read itself.
            else if (use is { Name: "target_funcref", IsDirect: false }) continue;
            else if (DerivedValues.IsSupported(use.Name)) derived.Add(use);
            else throw Unsupported(use, probe);
        }
        // A type bound filters sites even when the probe does not read the variable (reference §2.2).
        foreach (var (name, bound) in probe.TypeBounds)
        {
            if (Constant.WasmType(bound) is not { } t) continue;
            if (Indexed(name, "arg") is { } a && args.All(s => s.Index != a)) args.Add(new StackSlot(a, t));
            else if (Indexed(name, "res") is { } r && results.All(s => s.Index != r)) results.Add(new StackSlot(r, t));
            else if (Indexed(name, "local") is { } l && locals.All(s => s.Index != l)) locals.Add(new StackSlot(l, t));
        }
        // Uses list a derived variable before what it needs; compute the needed ones first.
        derived.Reverse();
        var dupAt = probe.Syntax.Body.DescendantNodesAndSelf().Any(n => n is CallExpressionSyntax { Receiver: null, Name.Text: "dup_at" });
        return new ProbeNeeds([.. statics], [.. args], [.. results], [.. locals], [.. aliases], [.. derived], dupAt ? 2 : 0);
    }

    /// <summary>N for <c>prefixN</c>, else null.</summary>
    public static int? Indexed(string name, string prefix) =>
        name.Length > prefix.Length && name.StartsWith(prefix, StringComparison.Ordinal)
        && int.TryParse(name.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var k) ? k : null;

    private static bool IsIdentifier(string text) => text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static ValType WasmType(BoundVariableUse use, CheckedProbe probe) => Constant.WasmType(use.Type) ?? throw Unsupported(use, probe);

    private static InstrumentationException Unsupported(BoundVariableUse use, CheckedProbe probe) =>
        new($"the bound variable `{use.Name}` ({use.Type}) is not supported by the rewriter yet", probe.Syntax.Rule.Span);
}
