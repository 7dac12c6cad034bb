namespace Whamm.Language.Syntax;

/// <summary>
/// One Unix-style glob, compiled once and matched case-insensitively (ASCII) without allocating:
/// <c>*</c> any run of characters, <c>?</c> one character, <c>[abc]</c>/<c>[a-z]</c> a set,
/// <c>[!abc]</c> its complement (<c>]</c> right after <c>[</c> or <c>[!</c> is a member); every other
/// character, <c>+</c> and <c>\</c> included, stands for itself.
/// </summary>
public sealed class GlobPattern
{
    private enum Op : byte { Literal, AnyOne, AnyRun, Set }

    private readonly record struct Element(Op Op, char Char, int Set);

    private readonly record struct CharSet(bool Negated, (char Low, char High)[] Ranges)
    {
        public bool Contains(char c)
        {
            char lower = char.ToLowerInvariant(c), upper = char.ToUpperInvariant(c);
            bool found = false;
            foreach (var (low, high) in Ranges)
            {
                if ((lower >= low && lower <= high) || (upper >= low && upper <= high))
                {
                    found = true;
                    break;
                }
            }
            return found != Negated;
        }
    }

    private readonly Element[] elements;
    private readonly CharSet[] sets;

    private GlobPattern(string text, Element[] elements, CharSet[] sets)
    {
        Text = text;
        this.elements = elements;
        this.sets = sets;
        IsLiteral = elements.All(e => e.Op == Op.Literal);
        MatchesEverything = elements.Length > 0 && elements.All(e => e.Op == Op.AnyRun);
    }

    /// <summary>The glob as written.</summary>
    public string Text { get; }

    /// <summary>True when the glob has no wildcard: it matches exactly one name (ignoring case).</summary>
    public bool IsLiteral { get; }

    /// <summary>True for <c>*</c> (or <c>**</c>…): it matches every name.</summary>
    public bool MatchesEverything { get; }

    /// <summary>Compiles <paramref name="text"/>; on failure returns false with a reason and the offset of the culprit within the text.</summary>
    public static bool TryParse(string text, out GlobPattern? glob, out string? error, out int errorOffset)
    {
        ArgumentNullException.ThrowIfNull(text);
        var elements = new List<Element>();
        var sets = new List<CharSet>();
        glob = null;
        error = null;
        errorOffset = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '*':
                    if (elements.Count == 0 || elements[^1].Op != Op.AnyRun)
                        elements.Add(new Element(Op.AnyRun, '\0', 0));
                    break;
                case '?':
                    elements.Add(new Element(Op.AnyOne, '\0', 0));
                    break;
                case '[':
                {
                    int close = ParseSet(text, i, out var set);
                    if (close < 0)
                    {
                        error = "`[` is never closed by `]`";
                        errorOffset = i;
                        return false;
                    }
                    sets.Add(set);
                    elements.Add(new Element(Op.Set, '\0', sets.Count - 1));
                    i = close;
                    break;
                }
                default:
                    elements.Add(new Element(Op.Literal, char.ToLowerInvariant(c), 0));
                    break;
            }
        }
        glob = new GlobPattern(text, [.. elements], [.. sets]);
        return true;
    }

    /// <summary>True when <paramref name="name"/> matches, ignoring ASCII case.</summary>
    public bool Matches(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (IsLiteral)
            return name.Length == elements.Length && string.Equals(name, Text, StringComparison.OrdinalIgnoreCase);
        if (MatchesEverything)
            return true;

        // Classic wildcard matching with one backtrack point: the last '*' seen.
        int p = 0, n = 0, star = -1, starName = 0;
        while (n < name.Length)
        {
            if (p < elements.Length && elements[p].Op == Op.AnyRun)
            {
                star = p++;
                starName = n;
            }
            else if (p < elements.Length && MatchesOne(elements[p], name[n]))
            {
                p++;
                n++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                n = ++starName;
            }
            else
            {
                return false;
            }
        }
        while (p < elements.Length && elements[p].Op == Op.AnyRun)
            p++;
        return p == elements.Length;
    }

    /// <inheritdoc/>
    public override string ToString() => Text;

    private bool MatchesOne(Element e, char c) => e.Op switch
    {
        Op.Literal => e.Char == char.ToLowerInvariant(c),
        Op.AnyOne => true,
        Op.Set => sets[e.Set].Contains(c),
        _ => false,
    };

    /// <summary>Parses the set starting at <paramref name="open"/> (a <c>[</c>); returns the index of its <c>]</c>, or -1.</summary>
    private static int ParseSet(string text, int open, out CharSet set)
    {
        int i = open + 1;
        bool negated = i < text.Length && text[i] == '!';
        if (negated)
            i++;
        var ranges = new List<(char, char)>();
        bool first = true;
        while (i < text.Length && (text[i] != ']' || first))
        {
            char low = char.ToLowerInvariant(text[i]);
            if (i + 2 < text.Length && text[i + 1] == '-' && text[i + 2] != ']')
            {
                char high = char.ToLowerInvariant(text[i + 2]);
                ranges.Add(low <= high ? (low, high) : (high, low));
                i += 3;
            }
            else
            {
                ranges.Add((low, low));
                i++;
            }
            first = false;
        }
        set = new CharSet(negated, [.. ranges]);
        return i < text.Length ? i : -1;
    }
}
