namespace Whamm.Language.Syntax;

/// <summary>
/// The pattern of one probe-rule part: alternatives separated by <c>|</c> (outside <c>[…]</c>), each a
/// <see cref="GlobPattern"/> matched case-insensitively. An empty part means <c>*</c>
/// (<c>wasm::br_if:before</c>). Compiled once; <see cref="Matches"/> allocates nothing.
/// </summary>
/// <example>
/// <code>
/// var part = RulePattern.Parse("*load*|*store*");
/// part.Matches("i32.load8_u");   // true
/// part.Matches("I64.STORE");     // true (case-insensitive)
/// part.Matches("call");          // false
/// </code>
/// </example>
public sealed class RulePattern
{
    private static readonly GlobPattern Star = GlobPattern.TryParse("*", out var g, out _, out _) ? g! : throw new InvalidOperationException();

    private readonly GlobPattern[] alternatives;

    private RulePattern(string text, GlobPattern[] alternatives)
    {
        Text = text;
        this.alternatives = alternatives;
        MatchesEverything = alternatives.Any(a => a.MatchesEverything);
    }

    /// <summary>The pattern as written (empty for an empty part).</summary>
    public string Text { get; }

    /// <summary>The alternatives; an empty part has the single alternative <c>*</c>.</summary>
    public IReadOnlyList<GlobPattern> Alternatives => alternatives;

    /// <summary>True when the part was left empty.</summary>
    public bool IsEmpty => Text.Length == 0;

    /// <summary>True when some alternative is <c>*</c> (or the part is empty): every name matches.</summary>
    public bool MatchesEverything { get; }

    /// <summary>The names this pattern can match when it has no wildcards (<c>call|return_call</c>), else null.</summary>
    public IReadOnlyList<string>? LiteralNames =>
        alternatives.Length > 0 && alternatives.All(a => a.IsLiteral) ? [.. alternatives.Select(a => a.Text)] : null;

    /// <summary>True when <paramref name="name"/> matches some alternative (ignoring ASCII case).</summary>
    public bool Matches(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var alternative in alternatives)
            if (alternative.Matches(name))
                return true;
        return false;
    }

    /// <summary>Compiles <paramref name="text"/>; on failure returns false with a reason and the offset of the culprit.</summary>
    public static bool TryParse(string text, out RulePattern? pattern, out string? error, out int errorOffset)
    {
        ArgumentNullException.ThrowIfNull(text);
        pattern = null;
        error = null;
        errorOffset = 0;
        if (text.Length == 0)
        {
            pattern = new RulePattern(text, [Star]);
            return true;
        }
        var alternatives = new List<GlobPattern>();
        int start = 0;
        bool inSet = false;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i < text.Length)
            {
                char c = text[i];
                if (inSet)
                {
                    // ']' right after '[' or '[!' is a member, not the end of the set.
                    bool firstMember = text[i - 1] == '[' || (text[i - 1] == '!' && i >= 2 && text[i - 2] == '[');
                    if (c == ']' && !firstMember)
                        inSet = false;
                    continue;
                }
                if (c == '[')
                {
                    inSet = true;
                    continue;
                }
                if (c != '|')
                    continue;
            }
            string alternative = text[start..i];
            if (alternative.Length == 0)
            {
                error = "an alternative between `|`s is empty";
                errorOffset = i;
                return false;
            }
            if (!GlobPattern.TryParse(alternative, out var glob, out error, out int offset))
            {
                errorOffset = start + offset;
                return false;
            }
            alternatives.Add(glob!);
            start = i + 1;
        }
        pattern = new RulePattern(text, [.. alternatives]);
        return true;
    }

    /// <summary>A pattern that matches nothing, standing in for the malformed <paramref name="text"/> after its error was reported.</summary>
    internal static RulePattern Invalid(string text) => new(text, []);

    /// <summary>Compiles <paramref name="text"/>.</summary>
    /// <exception cref="FormatException">The pattern is malformed.</exception>
    public static RulePattern Parse(string text) =>
        TryParse(text, out var pattern, out var error, out int offset)
            ? pattern!
            : throw new FormatException($"invalid pattern '{text}' at {offset}: {error}");

    /// <inheritdoc/>
    public override string ToString() => Text;
}
