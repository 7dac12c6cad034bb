using System.Runtime.CompilerServices;
using Whamm.Language.Diagnostics;
using Whamm.Language.Syntax;
using Whamm.Language.Text;

namespace Whamm.Language.Parsing;

/// <summary>
/// The hand-written recursive-descent parser (precedence climbing for operators) for Whamm scripts,
/// with error recovery: one run reports every independent syntax error, and no input makes it throw.
/// The entry points are static; a parser instance lives for one parse.
/// </summary>
/// <example>
/// <code>
/// var (script, diagnostics) = Parser.Parse(SourceText.From(File.ReadAllText("count.mm"), "count.mm"));
/// foreach (var probe in script.Probes)
///     Console.WriteLine(probe.Rule.Text);   // wasm:opcode:call:before
/// </code>
/// </example>
public sealed partial class Parser
{
    /// <summary>How deeply blocks, parentheses, prefix operators and types may nest.</summary>
    public const int MaxNestingDepth = 256;

    /// <summary>After this many errors the parser reports <see cref="SyntaxDiagnostics.TooManyErrors"/> and stops.</summary>
    public const int MaxErrors = 100;

    /// <summary>How deep an expression tree may be (long operator chains included), so that recursive consumers stay safe.</summary>
    public const int MaxExpressionDepth = 4096;

    private readonly SourceText source;
    private readonly Lexer lexer;
    private readonly DiagnosticBag diagnostics = new();
    private Token current;
    private Token? next;
    private Token previous;

    /// <summary>Errors are dropped while the parser has not moved past the token where the last one was reported (no cascades).</summary>
    private int suppressErrorsAt = -1;

    /// <summary>The rule of the probe being parsed, named in diagnostics as <c>@rule</c>.</summary>
    private string? ruleContext;

    private int nesting;

    private Parser(SourceText source)
    {
        this.source = source;
        lexer = new Lexer(source);
        previous = new Token(TokenKind.BadToken, new TextSpan(0, 0), "");
        current = LexSkippingBadTokens(0);
    }

    /// <summary>Parses a whole script. The tree is always complete (missing pieces are stood in for); the diagnostics are sorted by position.</summary>
    public static (ScriptSyntax Script, IReadOnlyList<Diagnostic> Diagnostics) Parse(SourceText source) =>
        Run(source, p => p.ParseScript(), p => new ScriptSyntax(new TextSpan(0, source.Length), source, p.members));

    /// <summary>Parses a single expression (for example a catalogue's <c>derived_from</c> text).</summary>
    public static (ExpressionSyntax Expression, IReadOnlyList<Diagnostic> Diagnostics) ParseExpression(SourceText source) =>
        Run<ExpressionSyntax>(source, p => p.ParseWhole(p.ParseExpression, "expression"), _ => new MissingExpressionSyntax(new TextSpan(0, 0)));

    /// <summary>Parses a single type; <c>unknown</c> is accepted (catalogue declarations use it).</summary>
    public static (TypeSyntax Type, IReadOnlyList<Diagnostic> Diagnostics) ParseType(SourceText source) =>
        Run<TypeSyntax>(source, p => p.ParseWhole(() => p.ParseType(allowUnknown: true), "type"), _ => new MissingTypeSyntax(new TextSpan(0, 0)));

    /// <summary>Parses a probe rule on its own (as <c>whamm info --rule</c> takes it), globs and type bounds included.</summary>
    public static (ProbeRuleSyntax Rule, IReadOnlyList<Diagnostic> Diagnostics) ParseRule(SourceText source) =>
        Run(source, p => p.ParseWhole(p.ParseProbeRule, "rule"), _ => new ProbeRuleSyntax(new TextSpan(0, 0), []));

    /// <summary>Runs one entry point; after too many errors the tree is whatever <paramref name="stopped"/> stands in.</summary>
    private static (T, IReadOnlyList<Diagnostic>) Run<T>(SourceText source, Func<Parser, T> parse, Func<Parser, T> stopped)
    {
        ArgumentNullException.ThrowIfNull(source);
        var parser = new Parser(source);
        T result;
        try
        {
            result = parse(parser);
        }
        catch (TooManyErrorsException)
        {
            result = stopped(parser);
        }
        return (result, parser.diagnostics.ToSortedList());
    }

    /// <summary>Parses one construct that must span the whole text.</summary>
    private T ParseWhole<T>(Func<T> parse, string what)
    {
        var result = parse();
        ExpectEndOfText(what);
        return result;
    }

    // ---- Tokens ---------------------------------------------------------------------------------

    private Token LexSkippingBadTokens(int position)
    {
        var token = lexer.Lex(position);
        while (token.Kind == TokenKind.BadToken)
        {
            ReportAll(token.Diagnostics);
            token = lexer.Lex(token.End);
        }
        return token;
    }

    /// <summary>The token after <see cref="current"/>.</summary>
    private Token Peek() => next ??= LexSkippingBadTokens(current.End);

    /// <summary>Consumes the current token (reporting its lexical errors) and returns it.</summary>
    private Token Advance()
    {
        var token = current;
        ReportAll(token.Diagnostics);
        if (token.Kind == TokenKind.EndOfFile)
            return token;
        previous = token;
        current = next ?? LexSkippingBadTokens(token.End);
        next = null;
        return token;
    }

    /// <summary>Drops the buffered tokens and lexes again from <paramref name="position"/> (mode switches, token splits).</summary>
    private void ResetTo(int position)
    {
        current = LexSkippingBadTokens(position);
        next = null;
    }

    /// <summary>Consumes the first character of the current token as a token of <paramref name="kind"/> (<c>&gt;&gt;</c> → <c>&gt;</c> <c>&gt;</c>).</summary>
    private Token SplitCurrent(TokenKind kind)
    {
        var first = new Token(kind, new TextSpan(current.Start, 1), current.Text[..1]);
        previous = first;
        ResetTo(current.Start + 1);
        return first;
    }

    private bool At(TokenKind kind) => current.Kind == kind;

    private bool IsAtEnd => current.Kind == TokenKind.EndOfFile;

    /// <summary>True when the current token starts a later line than the previous token ends on.</summary>
    private bool CurrentStartsNewLine =>
        source.GetLineIndex(current.Start) > source.GetLineIndex(previous.End);

    // ---- Diagnostics ----------------------------------------------------------------------------

    private void Report(Diagnostic diagnostic)
    {
        if (diagnostics.Add(ruleContext is null ? diagnostic : diagnostic.WithRule(ruleContext)) && diagnostics.ErrorCount >= MaxErrors)
        {
            diagnostics.Add(SyntaxDiagnostics.TooManyErrors.Create(source, diagnostic.Span, MaxErrors));
            throw new TooManyErrorsException();
        }
    }

    /// <summary>Unwinds the parse once <see cref="MaxErrors"/> errors were reported (caught by the entry points).</summary>
    private sealed class TooManyErrorsException : Exception;

    private void ReportAll(IReadOnlyList<Diagnostic> list)
    {
        foreach (var d in list)
            Report(d);
    }

    /// <summary>Reports a syntax error unless one was already reported at the current token.</summary>
    private bool Error(DiagnosticDescriptor descriptor, TextSpan span, params object?[] args) =>
        Error(descriptor.Create(source, span, args));

    private bool Error(Diagnostic diagnostic)
    {
        // Nothing right after an unterminated string is worth reporting: the string ate it.
        if (current.Start == suppressErrorsAt || (previous.IsUnterminated && diagnostic.Span?.Start >= previous.End))
            return false;
        suppressErrorsAt = current.Start;
        Report(diagnostic);
        return true;
    }

    /// <summary>
    /// Where a missing token is reported: at the current token when it is on the same line, otherwise
    /// just after the previous token (a forgotten <c>;</c> is reported at the end of its line).
    /// </summary>
    private TextSpan ExpectedSpan() =>
        IsAtEnd || CurrentStartsNewLine ? new TextSpan(previous.End, 0) : current.Span;

    /// <summary>How the current token is named in messages.</summary>
    private string DescribeCurrent() => Describe(current);

    private static string Describe(Token token)
    {
        if (token.Kind == TokenKind.EndOfFile)
            return "end of file";
        string text = token.Text.Length > 40 ? token.Text[..37] + "..." : token.Text;
        text = text.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);
        return $"`{text}`";
    }

    /// <summary>Consumes a token of <paramref name="kind"/>, or reports "expected <paramref name="what"/>" and consumes nothing.</summary>
    private bool Expect(TokenKind kind, string what)
    {
        if (current.Kind == kind)
        {
            Advance();
            return true;
        }
        Error(SyntaxDiagnostics.ExpectedToken, ExpectedSpan(), what, DescribeCurrent());
        return false;
    }

    private void ExpectEndOfText(string what)
    {
        if (!IsAtEnd)
            Error(SyntaxDiagnostics.UnexpectedTrailingText, current.Span, DescribeCurrent(), what);
        ReportAll(current.Diagnostics);
    }

    /// <summary>
    /// The span from <paramref name="start"/> to the end of the last consumed token, stretched to cover
    /// <paramref name="children"/> (error recovery can leave a zero-length child just before the start).
    /// </summary>
    private TextSpan SpanOf(int start, params ReadOnlySpan<SyntaxNode?> children)
    {
        int s = start, e = Math.Max(start, previous.End);
        foreach (var child in children)
        {
            if (child is null)
                continue;
            s = Math.Min(s, child.Span.Start);
            e = Math.Max(e, child.Span.End);
        }
        return TextSpan.FromBounds(s, e);
    }

    // ---- Nesting --------------------------------------------------------------------------------

    /// <summary>Enters one nesting level, or reports that the limit is reached (deterministically, and before the stack runs out).</summary>
    private bool EnterNesting()
    {
        if (nesting >= MaxNestingDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            Error(SyntaxDiagnostics.NestingTooDeep, current.Span, MaxNestingDepth);
            return false;
        }
        nesting++;
        return true;
    }

    private void ExitNesting() => nesting--;

    // ---- Recovery -------------------------------------------------------------------------------

    /// <summary>True when the current token begins a statement on a new line (a safe place to resume).</summary>
    private bool AtStatementStartOnNewLine =>
        CurrentStartsNewLine && (current.Kind is TokenKind.VarKeyword or TokenKind.ReportKeyword or TokenKind.UnsharedKeyword
            or TokenKind.IfKeyword or TokenKind.ReturnKeyword or TokenKind.FnKeyword or TokenKind.UseKeyword
            or TokenKind.WhileKeyword || lexer.LooksLikeProbeRule(current.Start));

    /// <summary>
    /// Skips to the end of the broken statement: past the next <c>;</c>, or up to a <c>}</c>, the end of
    /// the text, or a keyword or probe that starts a new line. Braced groups are skipped whole.
    /// </summary>
    private void SkipToStatementEnd(bool consumeSemicolon = true)
    {
        while (!IsAtEnd)
        {
            switch (current.Kind)
            {
                case TokenKind.Semicolon:
                    if (consumeSemicolon)
                        Advance();
                    return;
                case TokenKind.CloseBrace:
                    return;
                case TokenKind.OpenBrace:
                    SkipBracedGroup();
                    continue;
            }
            if (AtStatementStartOnNewLine)
                return;
            Advance();
        }
    }

    /// <summary>Skips a <c>{ … }</c> group (nested groups included), closing brace and all.</summary>
    private void SkipBracedGroup()
    {
        int depth = 0;
        while (!IsAtEnd)
        {
            var token = Advance();
            if (token.Kind == TokenKind.OpenBrace)
                depth++;
            else if (token.Kind == TokenKind.CloseBrace && --depth <= 0)
                return;
        }
    }
}
