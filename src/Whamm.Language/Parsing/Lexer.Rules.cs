namespace Whamm.Language.Parsing;

internal sealed partial class Lexer
{
    /// <summary>How far <see cref="LooksLikeProbeRule"/> looks ahead before giving up (keeps recovery linear).</summary>
    private const int RuleLookaheadLimit = 4096;

    /// <summary>
    /// The end of the rule-part pattern at <paramref name="position"/>: Whamm's <c>PROBE_ID</c>, one or
    /// more of <c>A-Z a-z 0-9 _ . * + \ ? | ! [ ]</c>, so globs, alternatives and dotted opcode names
    /// are one part. Inside <c>[…]</c> a <c>-</c> is accepted too (character ranges, our extension).
    /// Returns <paramref name="position"/> itself for an empty part.
    /// </summary>
    public int ScanProbeId(int position)
    {
        int pos = position;
        bool inClass = false;
        while (pos < text.Length)
        {
            char c = text[pos];
            if (c == '[')
                inClass = true;
            else if (c == ']')
                inClass = false;
            else if (!(IsProbeIdChar(c) || (c == '-' && inClass)))
                break;
            pos++;
        }
        return pos;
    }

    /// <summary>
    /// True when the text at <paramref name="position"/> starts a probe rule: a (possibly empty)
    /// pattern, optionally a type-bound group <c>(…)</c>, then <c>:</c>. No statement can start that
    /// way, so the parser uses this to tell probes from global statements and to notice a probe where
    /// a block's closing <c>}</c> is missing.
    /// </summary>
    public bool LooksLikeProbeRule(int position)
    {
        int limit = Math.Min(text.Length, position + RuleLookaheadLimit);
        int pos = ScanProbeId(position);
        if (pos >= limit)
            return false;
        pos = SkipTriviaQuietly(pos, limit);
        if (pos < limit && text[pos] == '(')
        {
            pos = SkipTypeBoundGroup(pos, limit);
            if (pos < 0)
                return false;
            pos = SkipTriviaQuietly(pos, limit);
        }
        return pos < limit && text[pos] == ':';
    }

    internal static bool IsProbeIdChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '*' or '+' or '\\' or '?' or '|' or '!' or '[' or ']';

    /// <summary>After a balanced <c>( … )</c> made only of what a type-bound group can hold, or -1.</summary>
    private int SkipTypeBoundGroup(int pos, int limit)
    {
        int depth = 0;
        while (pos < limit)
        {
            char c = text[pos];
            if (c == '(')
            {
                depth++;
                pos++;
            }
            else if (c == ')')
            {
                depth--;
                pos++;
                if (depth == 0)
                    return pos;
            }
            else if (IsIdentifierPart(c) || c is ':' or ',' or '<' or '>')
            {
                pos++;
            }
            else
            {
                int next = SkipTriviaQuietly(pos, limit);
                if (next == pos)
                    return -1;
                pos = next;
            }
        }
        return -1;
    }

    /// <summary>Skips whitespace and comments without reporting anything (used only for look-ahead).</summary>
    private int SkipTriviaQuietly(int pos, int limit)
    {
        while (pos < limit)
        {
            char c = text[pos];
            if (c is ' ' or '\t' or '\n' or '\r')
            {
                pos++;
            }
            else if (c == '/' && pos + 1 < text.Length && text[pos + 1] == '/')
            {
                while (pos < limit && text[pos] != '\n')
                    pos++;
            }
            else if (c == '/' && pos + 1 < text.Length && text[pos + 1] == '*')
            {
                int end = SkipBlockComment(pos, limit);
                if (end < 0)
                    return limit;
                pos = end;
            }
            else
            {
                break;
            }
        }
        return pos;
    }
}
