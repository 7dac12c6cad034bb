using Whamm.Language.Syntax;
using Whamm.Language.Text;

namespace Whamm.Language.Parsing;

public sealed partial class Parser
{
    /// <summary>The members parsed so far (kept when the parse is abandoned).</summary>
    private readonly List<MemberSyntax> members = [];

    /// <summary>
    /// <c>script := (use | fn | probe | statement)*</c> with at least one probe; <c>use</c> only before the
    /// first probe. A member is a probe when its text looks like a rule (a pattern, then <c>:</c>).
    /// </summary>
    private ScriptSyntax ParseScript()
    {
        ProbeSyntax? firstProbe = null;
        while (!IsAtEnd)
        {
            int start = current.Start;
            var member = ParseMember(firstProbe);
            if (member is not null)
            {
                members.Add(member);
                if (member is ProbeSyntax probe)
                    firstProbe ??= probe;
            }
            if (current.Start == start && !IsAtEnd)
                Advance();
        }
        ReportAll(current.Diagnostics);
        if (firstProbe is null)
            Report(SyntaxDiagnostics.NoProbe.Create(source, null));
        return new ScriptSyntax(new TextSpan(0, source.Length), source, members);
    }

    private MemberSyntax? ParseMember(ProbeSyntax? firstProbe)
    {
        switch (current.Kind)
        {
            case TokenKind.UseKeyword:
            {
                var use = ParseUse();
                if (firstProbe is not null)
                {
                    Error(SyntaxDiagnostics.UseAfterProbe.Create(source, use.Span, use.Library.Text)
                        .WithLabel(firstProbe.Rule.Span, "the first probe is here"));
                }
                return use;
            }
            case TokenKind.FnKeyword:
                return ParseFunction();
            case TokenKind.OpenBrace:
                Error(SyntaxDiagnostics.NestedBlock, current.Span);
                ParseBlock();
                return null;
            case TokenKind.CloseBrace when orphanedCloseBraces > 0:
                // The `}` of a block that was ended early because a probe started inside it.
                orphanedCloseBraces--;
                Advance();
                return null;
        }
        if (LooksLikeProbe())
            return ParseProbe();
        if (CanStartStatement(current.Kind))
        {
            var statement = ParseStatement();
            return statement is null ? null : new GlobalStatementSyntax(statement.Span, statement);
        }
        Error(SyntaxDiagnostics.ExpectedMember, current.Span, DescribeCurrent());
        do
            Advance();
        while (!IsAtEnd && !CanStartMember());
        return null;
    }

    private bool CanStartMember() =>
        current.Kind is TokenKind.UseKeyword or TokenKind.FnKeyword or TokenKind.OpenBrace
        || CanStartStatement(current.Kind) || LooksLikeProbe();

    /// <summary>
    /// True when the current token starts a probe rule. Statement keywords never do (<c>var : i32</c> is
    /// a broken declaration, not the rule <c>var:i32</c>).
    /// </summary>
    private bool LooksLikeProbe() =>
        current.Kind is not (TokenKind.VarKeyword or TokenKind.ReportKeyword or TokenKind.UnsharedKeyword
            or TokenKind.IfKeyword or TokenKind.ElifKeyword or TokenKind.ElseKeyword or TokenKind.ReturnKeyword
            or TokenKind.WhileKeyword or TokenKind.UseKeyword or TokenKind.FnKeyword)
        && lexer.LooksLikeProbeRule(current.Start);

    private static bool CanStartStatement(TokenKind kind) => kind switch
    {
        TokenKind.VarKeyword or TokenKind.ReportKeyword or TokenKind.UnsharedKeyword or TokenKind.IfKeyword
            or TokenKind.ElifKeyword or TokenKind.ElseKeyword or TokenKind.ReturnKeyword or TokenKind.WhileKeyword
            or TokenKind.Semicolon => true,
        _ => CanStartExpression(kind),
    };

    /// <summary><c>use name;</c></summary>
    private UseDirectiveSyntax ParseUse()
    {
        var keyword = Advance();
        var name = ParseIdentifier("a library name");
        ExpectSemicolon();
        return new UseDirectiveSyntax(SpanOf(keyword.Start, name), name);
    }

    /// <summary><c>rule [/ predicate /] { body }</c>; diagnostics inside the predicate and body name the rule.</summary>
    private ProbeSyntax ParseProbe()
    {
        var rule = ParseProbeRule();
        string? outer = ruleContext;
        ruleContext = rule.Text;
        try
        {
            ExpressionSyntax? predicate = null;
            if (At(TokenKind.Slash))
            {
                Advance();
                predicate = ParsePredicate();
                Expect(TokenKind.Slash, "`/` closing the predicate");
            }
            BlockSyntax body;
            if (At(TokenKind.OpenBrace))
            {
                body = ParseBlock();
            }
            else
            {
                Error(SyntaxDiagnostics.ProbeWithoutBody, ExpectedSpan(),
                    predicate is null ? " (or a predicate `/ … /`)" : "", DescribeCurrent());
                // Junk in the rule (`i32-add`, a `;`): skip the rest of its line, up to a `{` that may still follow.
                while (!IsAtEnd && !CurrentStartsNewLine && !At(TokenKind.OpenBrace))
                    Advance();
                body = At(TokenKind.OpenBrace) ? ParseBlock() : new BlockSyntax(new TextSpan(previous.End, 0), []);
            }
            return new ProbeSyntax(SpanOf(rule.Span.Start, rule, predicate, body), rule, predicate, body);
        }
        finally
        {
            ruleContext = outer;
        }
    }

    /// <summary><c>fn name(a: T, …) [-&gt; R] { body }</c></summary>
    private FunctionSyntax ParseFunction()
    {
        var keyword = Advance();
        var name = ParseIdentifier("a function name");
        var parameters = new List<ParameterSyntax>();
        if (Expect(TokenKind.OpenParen, "`(` starting the parameter list"))
        {
            if (!At(TokenKind.CloseParen))
            {
                while (true)
                {
                    parameters.Add(ParseParameter());
                    if (!At(TokenKind.Comma))
                        break;
                    Advance();
                }
            }
            Expect(TokenKind.CloseParen, "`)` closing the parameter list");
        }
        TypeSyntax? returnType = null;
        if (At(TokenKind.Arrow))
        {
            Advance();
            returnType = ParseType();
        }
        var body = ParseBlockOrError("the function body");
        return new FunctionSyntax(SpanOf(keyword.Start, [name, .. parameters, returnType, body]), name, parameters, returnType, body);
    }

    /// <summary><c>name: type</c> (function parameters and type bounds).</summary>
    private ParameterSyntax ParseParameter()
    {
        var name = ParseIdentifier("a parameter name");
        TypeSyntax type;
        if (At(TokenKind.Colon))
        {
            Advance();
            type = ParseType();
        }
        else
        {
            Error(SyntaxDiagnostics.ExpectedToken, ExpectedSpan(), "`:` and a type", DescribeCurrent());
            type = new MissingTypeSyntax(new TextSpan(previous.End, 0));
        }
        return new ParameterSyntax(name.Span.Cover(type.Span), name, type);
    }

    /// <summary>
    /// A name. A keyword or <c>inf</c>/<c>NaN</c> where a name belongs is reported and taken as the
    /// name anyway, so that the rest of the construct still parses.
    /// </summary>
    private IdentifierSyntax ParseIdentifier(string what)
    {
        if (At(TokenKind.Identifier))
        {
            var token = Advance();
            return new IdentifierSyntax(token.Span, token.Text);
        }
        Error(SyntaxDiagnostics.ExpectedToken, ExpectedSpan(), what, DescribeCurrent());
        if (IsWordToken(current) && !CurrentStartsNewLine)
        {
            var token = Advance();
            return new IdentifierSyntax(token.Span, token.Text);
        }
        return new IdentifierSyntax(new TextSpan(previous.End, 0), "");
    }

    private static bool IsWordToken(Token token) =>
        token.Text.Length > 0 && Lexer.IsIdentifierStart(token.Text[0])
        && token.Kind is not (TokenKind.IfKeyword or TokenKind.ReturnKeyword or TokenKind.VarKeyword or TokenKind.FnKeyword
            or TokenKind.UseKeyword or TokenKind.ReportKeyword or TokenKind.UnsharedKeyword or TokenKind.ElseKeyword or TokenKind.ElifKeyword);
}
