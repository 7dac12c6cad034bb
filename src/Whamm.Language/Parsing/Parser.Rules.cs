using Whamm.Language.Diagnostics;
using Whamm.Language.Syntax;
using Whamm.Language.Text;

namespace Whamm.Language.Parsing;

public sealed partial class Parser
{
    /// <summary>
    /// A probe rule, read in the lexer's rule mode: parts separated by <c>:</c> (whitespace and comments
    /// allowed around them), each a <c>PROBE_ID</c> pattern (possibly empty, meaning <c>*</c>) optionally
    /// followed by a type-bound group <c>(name: type, …)</c>, which is parsed with normal tokens. After
    /// the rule the token stream resumes in normal mode. Two to four parts; more or fewer are reported.
    /// </summary>
    private ProbeRuleSyntax ParseProbeRule()
    {
        int ruleStart = current.Start;
        int pos = ruleStart;
        var parts = new List<(TextSpan Span, TextSpan PatternSpan, IReadOnlyList<ParameterSyntax> Bounds)>();
        List<Diagnostic>? trivia = null;
        while (true)
        {
            int patternEnd = lexer.ScanProbeId(pos);
            var patternSpan = TextSpan.FromBounds(pos, patternEnd);
            int after = lexer.SkipTrivia(patternEnd, ref trivia);
            int partEnd = patternEnd;
            IReadOnlyList<ParameterSyntax> bounds = [];
            if (after < source.Length && source[after] == '(')
            {
                ResetTo(after);
                bounds = ParseTypeBoundGroup();
                partEnd = previous.End;
                after = lexer.SkipTrivia(partEnd, ref trivia);
            }
            parts.Add((TextSpan.FromBounds(patternSpan.Start, Math.Max(partEnd, patternSpan.Start)), patternSpan, bounds));
            if (after < source.Length && source[after] == ':' && parts.Count < 64)
            {
                pos = lexer.SkipTrivia(after + 1, ref trivia);
                continue;
            }
            pos = partEnd;
            break;
        }
        if (trivia is not null)
            ReportAll(trivia);
        ResetTo(pos);
        previous = new Token(TokenKind.Colon, new TextSpan(Math.Max(pos - 1, 0), pos > 0 ? 1 : 0), "");

        var ruleSpan = TextSpan.FromBounds(ruleStart, Math.Max(pos, ruleStart));
        if (parts.Count > 4)
        {
            var extra = TextSpan.FromBounds(parts[4].Span.Start, parts[^1].Span.End);
            Error(SyntaxDiagnostics.TooManyRuleParts, extra, parts.Count);
            parts.RemoveRange(4, parts.Count - 4);
        }
        else if (parts.Count < 2)
        {
            Error(SyntaxDiagnostics.TooFewRuleParts, ruleSpan, source.ToString(ruleSpan));
        }

        var syntax = new List<RulePartSyntax>(parts.Count);
        for (int i = 0; i < parts.Count; i++)
        {
            var (span, patternSpan, bounds) = parts[i];
            syntax.Add(new RulePartSyntax(span, (RulePartKind)i, CompilePattern(patternSpan), patternSpan, bounds));
        }
        return new ProbeRuleSyntax(ruleSpan, syntax);
    }

    private RulePattern CompilePattern(TextSpan span)
    {
        string text = source.ToString(span);
        if (RulePattern.TryParse(text, out var pattern, out string? error, out _))
            return pattern!;
        Report(SyntaxDiagnostics.InvalidPattern.Create(source, span, text, error));
        return RulePattern.Invalid(text);
    }

    /// <summary><c>( name: type, … )</c> after a rule part; at least one entry.</summary>
    private IReadOnlyList<ParameterSyntax> ParseTypeBoundGroup()
    {
        var open = Advance();
        var bounds = new List<ParameterSyntax>();
        if (At(TokenKind.CloseParen))
        {
            var close = Advance();
            Error(SyntaxDiagnostics.EmptyTypeBounds, TextSpan.FromBounds(open.Start, close.End));
            return bounds;
        }
        while (true)
        {
            bounds.Add(ParseParameter());
            if (!At(TokenKind.Comma))
                break;
            Advance();
        }
        if (!Expect(TokenKind.CloseParen, "`)` closing the type bounds"))
        {
            // Resume the rule after the group if its `)` is further on this line.
            while (!IsAtEnd && !CurrentStartsNewLine && current.Kind is not (TokenKind.CloseParen or TokenKind.OpenBrace))
                Advance();
            if (At(TokenKind.CloseParen))
                Advance();
        }
        return bounds;
    }
}
