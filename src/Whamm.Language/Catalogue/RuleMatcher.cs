using Whamm.Language.Syntax;

namespace Whamm.Language.Catalogue;

/// <summary>
/// Expands a probe rule into the catalogue definitions it names (reference §2.1): each part's
/// <see cref="RulePattern"/> is matched case-insensitively against the definition names level by
/// level (provider → package → event → mode; a mode is matched by the name rules write, e.g.
/// <c>after</c> for a block's semantic_after). A definition without children matches a rule that
/// stops at its level; a rule that continues below it fails on that branch. Failures are reported
/// only when nothing matched, naming the most specific part that found nothing. A rule that stops
/// above the level a matched definition needs is an error (the reference exits instead).
/// Matches come out in catalogue order, so probe numbering follows it.
/// </summary>
/// <example><code>
/// RuleMatcher.Expand("wasm::*if:before").Probes      // wasm:opcode:if:before, wasm:opcode:br_if:before
/// RuleMatcher.Expand(probe.Rule).Error?.Message       // "Could not find any matches for the specified mode pattern: entry"
/// </code></example>
public static class RuleMatcher
{
    private const int MaxParts = 4;

    /// <summary>Expands a parsed rule (type bounds do not take part in matching).</summary>
    public static RuleExpansion Expand(ProbeRuleSyntax rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return Expand(rule.Parts.Select(p => p.Pattern).ToArray());
    }

    /// <summary>
    /// Expands a rule written as text, e.g. <c>wasm:opcode:br*|call:before</c> (for <c>whamm info</c> and
    /// tests): parts are split at colons outside <c>(…)</c> and <c>[…]</c>, type-bound groups are dropped,
    /// and a malformed pattern is reported as <see cref="RuleMatchErrorKind.InvalidPattern"/>.
    /// </summary>
    public static RuleExpansion Expand(string rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var texts = SplitParts(rule);
        var patterns = new RulePattern[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            var text = StripTypeBounds(texts[i]).Trim();
            if (!RulePattern.TryParse(text, out var pattern, out var error, out _))
            {
                var level = (RuleLevel)Math.Min(i, MaxParts - 1);
                return new RuleExpansion([], new RuleMatchError(RuleMatchErrorKind.InvalidPattern, level, text, $"Invalid {Lower(level)} pattern {text}: {error}"));
            }
            patterns[i] = pattern!;
        }
        return Expand(patterns);
    }

    /// <summary>Expands a rule given as one pattern per part, against the catalogue's providers (or the given ones).</summary>
    public static RuleExpansion Expand(IReadOnlyList<RulePattern> parts, IReadOnlyList<CatalogueProvider>? providers = null)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0) throw new ArgumentException("a rule has at least one part", nameof(parts));
        if (parts.Count > MaxParts)
        {
            return new RuleExpansion([], new RuleMatchError(RuleMatchErrorKind.TooManyParts, RuleLevel.Mode, Display(parts[MaxParts]),
                $"A probe rule has at most four parts (provider:package:event:mode), found {parts.Count}: {string.Join(":", parts.Select(p => p.Text))}"));
        }

        var walk = new Walk(parts);
        foreach (var provider in providers ?? WasmCatalogue.Providers)
        {
            if (!walk.Enter(RuleLevel.Provider, provider.Name)) continue;
            if (walk.StopsAt(RuleLevel.Provider)) { walk.Add(new(provider, null, null, null)); continue; }
            if (!walk.HasChildren(RuleLevel.Provider, provider.Packages.Count)) continue;
            foreach (var package in provider.Packages)
            {
                if (!walk.Enter(RuleLevel.Package, package.Name)) continue;
                if (walk.StopsAt(RuleLevel.Package)) { walk.Add(new(provider, package, null, null)); continue; }
                if (!walk.HasChildren(RuleLevel.Package, package.Events.Count)) continue;
                foreach (var evt in package.Events)
                {
                    if (!walk.Enter(RuleLevel.Event, evt.Name)) continue;
                    if (walk.StopsAt(RuleLevel.Event)) { walk.Add(new(provider, package, evt, null)); continue; }
                    if (!walk.HasChildren(RuleLevel.Event, evt.Modes.Count)) continue;
                    foreach (var mode in evt.Modes)
                    {
                        if (walk.Enter(RuleLevel.Mode, mode.Name)) walk.Add(new(provider, package, evt, mode));
                    }
                }
            }
        }
        return walk.Result();
    }

    /// <summary>Splits a rule's text into its parts at the colons outside <c>(…)</c> and <c>[…]</c>.</summary>
    public static IReadOnlyList<string> SplitParts(string rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < rule.Length; i++)
        {
            switch (rule[i])
            {
                case '(' or '[': depth++; break;
                case ')' or ']': depth = Math.Max(0, depth - 1); break;
                case ':' when depth == 0:
                    parts.Add(rule[start..i]);
                    start = i + 1;
                    break;
            }
        }
        parts.Add(rule[start..]);
        return parts;
    }

    private static string StripTypeBounds(string part)
    {
        var open = part.IndexOf('(', StringComparison.Ordinal);
        return open < 0 ? part : part[..open];
    }

    private static string Display(RulePattern pattern) => pattern.IsEmpty ? "*" : pattern.Text;

    private static string Lower(RuleLevel level) => level.ToString().ToLowerInvariant();

    private sealed class Walk(IReadOnlyList<RulePattern> parts)
    {
        private readonly List<CatalogueMatch> _matches = [];
        private int _deepestFailure = -1;

        public bool Enter(RuleLevel level, string name)
        {
            if (parts[(int)level].Matches(name)) return true;
            Fail((int)level);
            return false;
        }

        public bool StopsAt(RuleLevel level) => parts.Count == (int)level + 1;

        /// <summary>The rule continues below <paramref name="level"/>: with no children there, the next part finds nothing.</summary>
        public bool HasChildren(RuleLevel level, int count)
        {
            if (count > 0) return true;
            Fail((int)level + 1);
            return false;
        }

        public void Add(CatalogueMatch match) => _matches.Add(match);

        public RuleExpansion Result()
        {
            if (_matches.Count == 0)
            {
                var level = (RuleLevel)Math.Max(_deepestFailure, 0);
                var pattern = Display(parts[(int)level]);
                return new RuleExpansion([], new RuleMatchError(RuleMatchErrorKind.NoMatch, level, pattern,
                    $"Could not find any matches for the specified {Lower(level)} pattern: {pattern}"));
            }
            var incomplete = _matches.FirstOrDefault(m => !m.IsComplete);
            if (incomplete is null) return new RuleExpansion(_matches, null);

            var stop = incomplete.Level;
            var missing = MissingLevels(incomplete).ToArray();
            var items = missing.Select(l => (l == RuleLevel.Event ? "an " : "a ") + Lower(l)).ToArray();
            var needs = items.Length == 1 ? items[0] : string.Join(", ", items[..^1]) + " and " + items[^1];
            var wanted = incomplete.RuleName + ":" + string.Join(":", missing.Select(l => "<" + Lower(l) + ">"));
            return new RuleExpansion(_matches, new RuleMatchError(RuleMatchErrorKind.Incomplete, stop, Display(parts[(int)stop]),
                $"The rule stops at the {Lower(stop)} level, but {incomplete.RuleName} needs {needs}: write {wanted}"));
        }

        /// <summary>The levels below the match down to a leaf, following the first child at each level.</summary>
        private static IEnumerable<RuleLevel> MissingLevels(CatalogueMatch match)
        {
            var level = match.Level;
            var hasChildren = !match.IsComplete;
            var package = match.Package ?? match.Provider.Packages.FirstOrDefault();
            var evt = match.Event ?? package?.Events.FirstOrDefault();
            while (hasChildren && level < RuleLevel.Mode)
            {
                level++;
                yield return level;
                hasChildren = level switch
                {
                    RuleLevel.Package => package!.Events.Count > 0,
                    RuleLevel.Event => evt!.Modes.Count > 0,
                    _ => false,
                };
            }
        }

        private void Fail(int level) => _deepestFailure = Math.Max(_deepestFailure, level);
    }
}
