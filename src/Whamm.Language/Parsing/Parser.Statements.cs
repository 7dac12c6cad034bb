using Whamm.Language.Syntax;
using Whamm.Language.Text;

namespace Whamm.Language.Parsing;

public sealed partial class Parser
{
    /// <summary>Start of the simple statement being parsed: only there may <c>@init</c> and a trailing <c>++</c>/<c>--</c> appear.</summary>
    private int statementStart = -1;

    /// <summary>Blocks ended early because a probe started inside them: their <c>}</c> will turn up at the top level.</summary>
    private int orphanedCloseBraces;

    /// <summary>
    /// <c>{ statement* }</c>. A probe rule where a statement should be means the <c>}</c> was forgotten:
    /// the block ends there, so the next probe still parses. <c>fn</c> and <c>use</c> are reported and skipped.
    /// </summary>
    private BlockSyntax ParseBlock()
    {
        var open = Advance();
        var statements = new List<StatementSyntax>();
        if (!EnterNesting())
        {
            ResetTo(open.Start);
            SkipBracedGroup();
            return new BlockSyntax(SpanOf(open.Start, [.. statements]), statements);
        }
        try
        {
            while (!IsAtEnd && !At(TokenKind.CloseBrace))
            {
                if (LooksLikeProbe())
                {
                    Error(SyntaxDiagnostics.UnclosedBlock.Create(source, open.Span)
                        .WithLabel(new TextSpan(current.Start, 0), "a probe starts here; add `}` before it"));
                    orphanedCloseBraces++;
                    return new BlockSyntax(SpanOf(open.Start, [.. statements]), statements);
                }
                int start = current.Start;
                if (At(TokenKind.FnKeyword) || At(TokenKind.UseKeyword))
                {
                    Error(SyntaxDiagnostics.MisplacedMember, current.Span, At(TokenKind.FnKeyword) ? "a `fn` definition" : "`use`");
                    if (At(TokenKind.FnKeyword))
                        ParseFunction();
                    else
                        ParseUse();
                }
                else if (ParseStatement() is { } statement)
                {
                    statements.Add(statement);
                }
                if (current.Start == start && !IsAtEnd)
                    Advance();
            }
        }
        finally
        {
            ExitNesting();
        }
        if (At(TokenKind.CloseBrace))
        {
            var close = Advance();
            return new BlockSyntax(TextSpan.FromBounds(open.Start, close.End), statements);
        }
        Error(SyntaxDiagnostics.UnclosedBlock, open.Span);
        return new BlockSyntax(SpanOf(open.Start, [.. statements]), statements);
    }

    /// <summary>A block where one is required, or an error and an empty block.</summary>
    private BlockSyntax ParseBlockOrError(string what)
    {
        if (At(TokenKind.OpenBrace))
            return ParseBlock();
        Error(SyntaxDiagnostics.ExpectedToken, ExpectedSpan(), $"`{{` starting {what}", DescribeCurrent());
        return new BlockSyntax(new TextSpan(previous.End, 0), []);
    }

    /// <summary>One statement, or null when only errors were found.</summary>
    private StatementSyntax? ParseStatement()
    {
        switch (current.Kind)
        {
            case TokenKind.VarKeyword:
            case TokenKind.ReportKeyword:
            case TokenKind.UnsharedKeyword:
                return ParseDeclaration();
            case TokenKind.IfKeyword:
                return ParseIf();
            case TokenKind.ReturnKeyword:
                return ParseReturn();
            case TokenKind.ElifKeyword:
            case TokenKind.ElseKeyword:
                Error(SyntaxDiagnostics.ElseWithoutIf, current.Span, current.Text);
                Advance();
                if (At(TokenKind.IfKeyword))
                    Advance();
                SkipConditionAndBlock();
                return null;
            case TokenKind.WhileKeyword:
                Error(SyntaxDiagnostics.WhileNotSupported, current.Span);
                Advance();
                SkipConditionAndBlock();
                return null;
            case TokenKind.OpenBrace:
                Error(SyntaxDiagnostics.NestedBlock, current.Span);
                ParseBlock();
                return null;
            case TokenKind.Semicolon:
                Error(SyntaxDiagnostics.StraySemicolon, current.Span, "");
                Advance();
                return null;
            case TokenKind.PlusPlus:
            case TokenKind.MinusMinus:
                return ParsePrefixIncrement();
            default:
                return ParseSimpleStatement();
        }
    }

    /// <summary><c>++x;</c>: reported (Whamm has only <c>x++;</c>) and read as <c>x++;</c>.</summary>
    private IncrementStatementSyntax ParsePrefixIncrement()
    {
        var op = Advance();
        Error(SyntaxDiagnostics.IncrementIsStatement, op.Span, op.Text);
        var target = ParseUnary();
        if (!IsAssignable(target))
            Error(SyntaxDiagnostics.InvalidIncrementTarget, target.Span, op.Text);
        ExpectSemicolon();
        return new IncrementStatementSyntax(SpanOf(op.Start, target), target, op.Kind == TokenKind.MinusMinus, op.Span);
    }

    /// <summary>Parses (to report its errors) and drops an optional <c>(condition)</c> and block.</summary>
    private void SkipConditionAndBlock()
    {
        if (At(TokenKind.OpenParen))
            ParseParenthesizedCondition();
        if (At(TokenKind.OpenBrace))
            ParseBlock();
    }

    /// <summary><c>[report] [unshared] var name: T [= value];</c></summary>
    private VariableDeclarationSyntax ParseDeclaration()
    {
        int start = current.Start;
        var modifiers = new List<ModifierSyntax>();
        while (At(TokenKind.ReportKeyword) || At(TokenKind.UnsharedKeyword))
        {
            var kind = At(TokenKind.ReportKeyword) ? ModifierKind.Report : ModifierKind.Unshared;
            var first = modifiers.FirstOrDefault(m => m.Kind == kind);
            if (first is not null)
            {
                Error(SyntaxDiagnostics.DuplicateModifier.Create(source, current.Span, current.Text)
                    .WithLabel(first.Span, "first given here"));
            }
            else
            {
                modifiers.Add(new ModifierSyntax(current.Span, kind));
            }
            Advance();
        }
        Expect(TokenKind.VarKeyword, "`var`");
        var name = ParseIdentifier("a variable name");
        if (SyntaxFacts.IsReservedArgumentName(name.Text))
            Error(SyntaxDiagnostics.ReservedArgumentName, name.Span, name.Text);
        TypeSyntax type;
        if (At(TokenKind.Colon))
        {
            Advance();
            type = ParseType();
        }
        else
        {
            Error(SyntaxDiagnostics.MissingDeclarationType, ExpectedSpan(), name.IsMissing ? "x" : name.Text);
            type = new MissingTypeSyntax(new TextSpan(previous.End, 0));
        }
        ExpressionSyntax? initializer = null;
        if (At(TokenKind.Equals))
        {
            Advance();
            initializer = ParseExpression();
        }
        ExpectSemicolon();
        return new VariableDeclarationSyntax(SpanOf(start, name, type, initializer), modifiers, name, type, initializer);
    }

    /// <summary><c>if (c) { … } [elif (c) { … }]* [else { … }]</c>; <c>else if</c> is reported and read as <c>elif</c>.</summary>
    private IfStatementSyntax ParseIf()
    {
        var keyword = Advance();
        var condition = ParseParenthesizedCondition();
        var then = ParseBlockOrError("the `if` branch");
        var elifs = new List<ElifClauseSyntax>();
        BlockSyntax? otherwise = null;
        while (true)
        {
            if (At(TokenKind.ElifKeyword))
            {
                var elif = Advance();
                var c = ParseParenthesizedCondition();
                var body = ParseBlockOrError("the `elif` branch");
                elifs.Add(new ElifClauseSyntax(SpanOf(elif.Start, c, body), c, body));
            }
            else if (At(TokenKind.ElseKeyword))
            {
                var @else = Advance();
                if (At(TokenKind.IfKeyword))
                {
                    var @if = Advance();
                    Error(SyntaxDiagnostics.ElseIf, TextSpan.FromBounds(@else.Start, @if.End));
                    var c = ParseParenthesizedCondition();
                    var body = ParseBlockOrError("the `elif` branch");
                    elifs.Add(new ElifClauseSyntax(SpanOf(@else.Start, c, body), c, body));
                    continue;
                }
                otherwise = ParseBlockOrError("the `else` branch");
                break;
            }
            else
            {
                break;
            }
        }
        var statement = new IfStatementSyntax(SpanOf(keyword.Start, [condition, then, .. elifs, otherwise]), condition, then, elifs, otherwise);
        if (At(TokenKind.Semicolon))
        {
            Error(SyntaxDiagnostics.StraySemicolon, current.Span, " after `}`: an `if` statement does not end in `;`");
            Advance();
        }
        return statement;
    }

    /// <summary><c>( expression )</c>; without the <c>(</c> the expression is still read (and no <c>)</c> demanded).</summary>
    private ExpressionSyntax ParseParenthesizedCondition()
    {
        bool open = Expect(TokenKind.OpenParen, "`(` before the condition");
        var condition = ParseExpression();
        if (open)
            Expect(TokenKind.CloseParen, "`)` after the condition");
        return condition;
    }

    /// <summary><c>return [value];</c></summary>
    private ReturnStatementSyntax ParseReturn()
    {
        var keyword = Advance();
        ExpressionSyntax? value = null;
        if (!At(TokenKind.Semicolon) && !At(TokenKind.CloseBrace) && !IsAtEnd)
            value = ParseExpression();
        ExpectSemicolon();
        return new ReturnStatementSyntax(SpanOf(keyword.Start, value), value);
    }

    /// <summary>
    /// An assignment <c>target = value;</c>, an increment <c>target++;</c>/<c>target--;</c>, or a call
    /// statement <c>f(x);</c> / <c>@init lib.f(x);</c>: parse an expression, then decide by what follows.
    /// </summary>
    private StatementSyntax? ParseSimpleStatement()
    {
        int start = current.Start;
        int outer = statementStart;
        statementStart = start;
        ExpressionSyntax expression;
        try
        {
            expression = ParseExpression();
        }
        finally
        {
            statementStart = outer;
        }

        if (At(TokenKind.Equals))
        {
            if (!IsAssignable(expression))
                Error(SyntaxDiagnostics.InvalidAssignmentTarget, expression.Span);
            Advance();
            var value = ParseExpression();
            ExpectSemicolon();
            return new AssignmentStatementSyntax(SpanOf(start, expression, value), expression, value);
        }
        if (At(TokenKind.PlusPlus) || At(TokenKind.MinusMinus))
        {
            var op = current;
            if (!IsAssignable(expression))
                Error(SyntaxDiagnostics.InvalidIncrementTarget, expression.Span, op.Text);
            Advance();
            ExpectSemicolon();
            return new IncrementStatementSyntax(SpanOf(start, expression), expression, op.Kind == TokenKind.MinusMinus, op.Span);
        }
        if (expression is not (CallExpressionSyntax or MissingExpressionSyntax))
            Error(SyntaxDiagnostics.ExpressionIsNotStatement, expression.Span);
        ExpectSemicolon();
        if (expression is MissingExpressionSyntax)
            return null;
        return new ExpressionStatementSyntax(SpanOf(start, expression), expression);
    }

    /// <summary>Names, map entries and tuple elements can be assigned and incremented.</summary>
    private static bool IsAssignable(ExpressionSyntax e) =>
        e is NameExpressionSyntax or IndexExpressionSyntax or FieldAccessExpressionSyntax or MissingExpressionSyntax;

    /// <summary>
    /// The <c>;</c> ending a simple statement. When it is missing and more text follows on the same line,
    /// that text is skipped up to the next <c>;</c>; a missing <c>;</c> at the end of a line is just reported.
    /// </summary>
    private void ExpectSemicolon()
    {
        if (At(TokenKind.Semicolon))
        {
            Advance();
            return;
        }
        Error(SyntaxDiagnostics.ExpectedToken, ExpectedSpan(), "`;`", DescribeCurrent());
        if (!IsAtEnd && !At(TokenKind.CloseBrace) && !CurrentStartsNewLine)
            SkipToStatementEnd();
    }
}
