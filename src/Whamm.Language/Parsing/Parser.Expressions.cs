using System.Globalization;
using Whamm.Language.Diagnostics;
using Whamm.Language.Syntax;
using Whamm.Language.Text;

namespace Whamm.Language.Parsing;

public sealed partial class Parser
{
    /// <summary>Inside a predicate a <c>/</c> that no operand follows closes the predicate instead of dividing.</summary>
    private bool predicateMode;

    /// <summary>Expressions the source wrapped in parentheses (there is no node for them).</summary>
    private readonly HashSet<ExpressionSyntax> parenthesized = new(ReferenceEqualityComparer.Instance);

    /// <summary>Tree depths of compound expressions, to bound <see cref="MaxExpressionDepth"/>.</summary>
    private readonly Dictionary<ExpressionSyntax, int> depths = new(ReferenceEqualityComparer.Instance);

    private bool expressionDepthReported;

    private static bool CanStartExpression(TokenKind kind) => kind is TokenKind.Identifier or TokenKind.IntegerLiteral
        or TokenKind.FloatLiteral or TokenKind.StringLiteral or TokenKind.TrueKeyword or TokenKind.FalseKeyword
        or TokenKind.Annotation or TokenKind.OpenParen or TokenKind.Bang or TokenKind.Tilde or TokenKind.Minus
        or TokenKind.MinusMinus or TokenKind.PlusPlus;

    /// <summary>The predicate of a probe: an expression whose closing <c>/</c> is not a division.</summary>
    private ExpressionSyntax ParsePredicate()
    {
        bool outer = predicateMode;
        predicateMode = true;
        try
        {
            return ParseExpression();
        }
        finally
        {
            predicateMode = outer;
        }
    }

    /// <summary><c>expression := ternary</c></summary>
    private ExpressionSyntax ParseExpression()
    {
        if (!EnterNesting())
            return BailOut();
        try
        {
            return ParseTernary();
        }
        finally
        {
            ExitNesting();
        }
    }

    /// <summary>Gives up on a too-deeply nested expression: skips to the end of the statement (no cascade of errors).</summary>
    private MissingExpressionSyntax BailOut()
    {
        int at = current.Start;
        SkipToStatementEnd(consumeSemicolon: false);
        suppressErrorsAt = current.Start;
        return new MissingExpressionSyntax(new TextSpan(at, 0));
    }

    /// <summary><c>condition ? whenTrue : whenFalse</c>, right-associative, looser than every binary operator.</summary>
    private ExpressionSyntax ParseTernary()
    {
        var condition = ParseBinary(SyntaxFacts.LowestBinaryPrecedence);
        if (!At(TokenKind.Question))
            return condition;
        Advance();
        bool outer = predicateMode;
        predicateMode = false;
        var whenTrue = ParseExpression();
        predicateMode = outer;
        Expect(TokenKind.Colon, "`:` of the conditional expression");
        var whenFalse = ParseExpression();
        return Track(new TernaryExpressionSyntax(condition.Span.Cover(whenFalse.Span), condition, whenTrue, whenFalse),
            condition, whenTrue, whenFalse);
    }

    /// <summary>Precedence climbing over the binary operators (<see cref="SyntaxFacts.GetPrecedence"/>), all left-associative.</summary>
    private ExpressionSyntax ParseBinary(int minPrecedence)
    {
        var left = ParseUnary();
        while (true)
        {
            var op = CurrentBinaryOperator(out bool split);
            if (op is not { } binary || SyntaxFacts.GetPrecedence(binary) < minPrecedence)
                return left;
            if (binary == BinaryOperator.Divide && predicateMode && !CanStartExpression(Peek().Kind))
                return left;
            var opSpan = split ? SplitCurrent(TokenKind.Minus).Span : Advance().Span;
            var right = ParseBinary(SyntaxFacts.GetPrecedence(binary) + 1);
            if (binary == BinaryOperator.LogicalOr)
            {
                WarnIfUnparenthesizedAnd(left, opSpan, isRightOperand: false);
                WarnIfUnparenthesizedAnd(right, opSpan, isRightOperand: true);
            }
            left = Track(new BinaryExpressionSyntax(left.Span.Cover(right.Span), left, binary, opSpan, right), left, right);
        }
    }

    /// <summary>
    /// The binary operator at the current token. A <c>--</c> followed on the same line by an operand is
    /// a subtraction of a negation (<c>a--1</c> is <c>a - -1</c>, as in Whamm 1.0): <paramref name="split"/>.
    /// </summary>
    private BinaryOperator? CurrentBinaryOperator(out bool split)
    {
        split = false;
        switch (current.Kind)
        {
            case TokenKind.BarBar: return BinaryOperator.LogicalOr;
            case TokenKind.AmpersandAmpersand: return BinaryOperator.LogicalAnd;
            case TokenKind.Bar: return BinaryOperator.BitwiseOr;
            case TokenKind.Caret: return BinaryOperator.BitwiseXor;
            case TokenKind.Ampersand: return BinaryOperator.BitwiseAnd;
            case TokenKind.EqualsEquals: return BinaryOperator.Equal;
            case TokenKind.BangEquals: return BinaryOperator.NotEqual;
            case TokenKind.Less: return BinaryOperator.Less;
            case TokenKind.LessEquals: return BinaryOperator.LessOrEqual;
            case TokenKind.Greater: return BinaryOperator.Greater;
            case TokenKind.GreaterEquals: return BinaryOperator.GreaterOrEqual;
            case TokenKind.LessLess: return BinaryOperator.ShiftLeft;
            case TokenKind.GreaterGreater: return BinaryOperator.ShiftRight;
            case TokenKind.Plus: return BinaryOperator.Add;
            case TokenKind.Minus: return BinaryOperator.Subtract;
            case TokenKind.Star: return BinaryOperator.Multiply;
            case TokenKind.Slash: return BinaryOperator.Divide;
            case TokenKind.Percent: return BinaryOperator.Remainder;
            case TokenKind.MinusMinus when IsDoubleMinus():
                split = true;
                return BinaryOperator.Subtract;
            default: return null;
        }
    }

    private bool IsDoubleMinus()
    {
        var after = Peek();
        return CanStartExpression(after.Kind) && after.Kind is not (TokenKind.PlusPlus or TokenKind.MinusMinus)
            && source.GetLineIndex(after.Start) == source.GetLineIndex(current.Start);
    }

    /// <summary>
    /// DECISIONS §1: an <c>&amp;&amp;</c> operand of <c>||</c> without parentheses gets a warning naming the
    /// difference from Whamm 1.0, where both had one precedence and grouped left to right.
    /// </summary>
    private void WarnIfUnparenthesizedAnd(ExpressionSyntax operand, TextSpan orSpan, bool isRightOperand)
    {
        if (operand is not BinaryExpressionSyntax { Operator: BinaryOperator.LogicalAnd } and || parenthesized.Contains(and))
            return;
        string reading = isRightOperand
            ? "`&&` binds tighter than `||`, so this is `a || (b && c)`, but Whamm 1.0 gave them equal precedence and read it as `(a || b) && c`"
            : "`&&` binds tighter than `||`, so this is `(a && b) || c` (Whamm 1.0, which gave them equal precedence, read it the same way)";
        Report(SyntaxDiagnostics.MixedLogicalOperators.Create(source, and.Span, reading)
            .WithPrimaryLabel("this `&&` is grouped first")
            .WithLabel(orSpan, "then this `||`"));
    }

    /// <summary>Prefix <c>!</c>, <c>~</c>, <c>-</c>; a <c>-</c> touching a decimal literal makes a negative literal.</summary>
    private ExpressionSyntax ParseUnary()
    {
        switch (current.Kind)
        {
            case TokenKind.Bang:
            case TokenKind.Tilde:
            case TokenKind.Minus:
            {
                if (At(TokenKind.Minus) && TryParseNegativeLiteral() is { } literal)
                    return ParseCasts(ParsePostfix(literal, statementTarget: false));
                var op = Advance();
                var kind = op.Kind switch
                {
                    TokenKind.Bang => UnaryOperator.LogicalNot,
                    TokenKind.Tilde => UnaryOperator.BitwiseNot,
                    _ => UnaryOperator.Negate,
                };
                if (!EnterNesting())
                    return BailOut();
                try
                {
                    var operand = ParseUnary();
                    return Track(new UnaryExpressionSyntax(op.Span.Cover(operand.Span), kind, op.Span, operand), operand);
                }
                finally
                {
                    ExitNesting();
                }
            }
            case TokenKind.PlusPlus:
            case TokenKind.MinusMinus:
                Error(SyntaxDiagnostics.IncrementIsStatement, current.Span, current.Text);
                Advance();
                return ParseUnary();
            default:
            {
                bool statementTarget = current.Start == statementStart;
                return ParseCasts(ParsePostfix(ParsePrimary(), statementTarget));
            }
        }
    }

    /// <summary><c>-</c> directly followed by a decimal integer or float literal: one negative literal (<c>-10</c>, <c>-3.5e2</c>, <c>-inf</c>).</summary>
    private ExpressionSyntax? TryParseNegativeLiteral()
    {
        var after = Peek();
        if (after.Start != current.End)
            return null;
        if (after.Kind == TokenKind.IntegerLiteral && after.IntegerBase == IntegerBase.Decimal)
        {
            var minus = Advance();
            var number = Advance();
            var span = TextSpan.FromBounds(minus.Start, number.End);
            string text = "-" + number.Text;
            if (number.IntegerValue > 9223372036854775808UL)
                Error(SyntaxDiagnostics.IntegerOutOfRange, span, text, "the smallest integer literal is -9223372036854775808 (i64::MIN)");
            return new IntegerLiteralSyntax(span, text, number.IntegerValue, true, IntegerBase.Decimal);
        }
        if (after.Kind == TokenKind.FloatLiteral)
        {
            var minus = Advance();
            var number = Advance();
            return MakeFloat(TextSpan.FromBounds(minus.Start, number.End), "-" + number.Text, -number.FloatValue, -number.SingleValue);
        }
        return null;
    }

    private static FloatLiteralSyntax MakeFloat(TextSpan span, string text, double value, float single) =>
        new(span, text, value, single, float.IsFinite(single) ? FloatLiteralType.F32 : FloatLiteralType.F64);

    /// <summary><c>operand as T</c> (repeatable), binding tighter than the prefix operators.</summary>
    private ExpressionSyntax ParseCasts(ExpressionSyntax operand)
    {
        while (At(TokenKind.AsKeyword))
        {
            Advance();
            var type = ParseType();
            if (type is not (PrimitiveTypeSyntax or MissingTypeSyntax))
                Error(SyntaxDiagnostics.CastTargetNotPrimitive, type.Span, SyntaxPrinter.Print(type));
            operand = Track(new CastExpressionSyntax(operand.Span.Cover(type.Span), operand, type), operand);
        }
        return operand;
    }

    /// <summary>
    /// Postfix forms: <c>f(…)</c>, <c>m[k]</c>, <c>t.0</c>, <c>x.method(…)</c>. A <c>++</c>/<c>--</c> after
    /// them is left to the statement when the expression starts it (<paramref name="statementTarget"/>),
    /// and reported otherwise.
    /// </summary>
    private ExpressionSyntax ParsePostfix(ExpressionSyntax e, bool statementTarget)
    {
        while (true)
        {
            switch (current.Kind)
            {
                case TokenKind.OpenBracket:
                {
                    Advance();
                    var index = ParseNested(ParseExpression);
                    Expect(TokenKind.CloseBracket, "`]`");
                    e = Track(new IndexExpressionSyntax(SpanOf(e.Span.Start, e, index), e, index), e, index);
                    break;
                }
                case TokenKind.Dot when e is IntegerLiteralSyntax or FloatLiteralSyntax && current.Start == e.Span.End:
                {
                    // `1.2.3`: one number with too many dots, not a tuple index on a literal.
                    var dot = Advance();
                    int end = dot.End;
                    if (current.Start == end && current.Kind is TokenKind.IntegerLiteral or TokenKind.FloatLiteral or TokenKind.Identifier)
                        end = Advance().End;
                    var span = TextSpan.FromBounds(e.Span.Start, end);
                    Error(SyntaxDiagnostics.InvalidNumber, span, source.ToString(span), "a number has at most one `.`");
                    e = new MissingExpressionSyntax(span);
                    break;
                }
                case TokenKind.Dot:
                    Advance();
                    e = ParseMemberAccess(e);
                    break;
                case TokenKind.PlusPlus:
                case TokenKind.MinusMinus:
                    if (statementTarget || (At(TokenKind.MinusMinus) && IsDoubleMinus()))
                        return e;
                    Error(SyntaxDiagnostics.IncrementIsStatement, current.Span, current.Text);
                    Advance();
                    break;
                default:
                    return e;
            }
        }
    }

    /// <summary>After <c>target.</c>: a method call <c>name(…)</c> or a tuple index, where <c>t.1.0</c> lexes its <c>1.0</c> as one float token.</summary>
    private ExpressionSyntax ParseMemberAccess(ExpressionSyntax target)
    {
        if (At(TokenKind.Identifier))
        {
            var name = Advance();
            if (At(TokenKind.OpenParen))
            {
                var arguments = ParseArguments();
                return Track(new CallExpressionSyntax(SpanOf(target.Span.Start, [target, .. arguments]), target,
                    new IdentifierSyntax(name.Span, name.Text), arguments, CallAnnotation.None, new TextSpan(target.Span.Start, 0)),
                    [target, .. arguments]);
            }
            Error(SyntaxDiagnostics.InvalidMemberAccess, name.Span, Describe(name));
            return target;
        }
        if (At(TokenKind.IntegerLiteral) && IsPlainIndex(current.Text))
        {
            var index = Advance();
            return MakeField(target, index.Text, index.Span);
        }
        if (At(TokenKind.FloatLiteral) && current.Text.Split('.') is [var a, var b] && IsPlainIndex(a) && IsPlainIndex(b))
        {
            var token = Advance();
            var first = MakeField(target, a, new TextSpan(token.Start, a.Length));
            return MakeField(first, b, new TextSpan(token.Start + a.Length + 1, b.Length));
        }
        Error(SyntaxDiagnostics.InvalidMemberAccess, ExpectedSpan(), DescribeCurrent());
        return target;
    }

    private static bool IsPlainIndex(string text) =>
        text.Length is > 0 and <= 9 && !text.AsSpan().ContainsAnyExceptInRange('0', '9');

    private ExpressionSyntax MakeField(ExpressionSyntax target, string digits, TextSpan span) =>
        Track(new FieldAccessExpressionSyntax(TextSpan.FromBounds(target.Span.Start, span.End), target,
            int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture), span), target);

    /// <summary><c>( [expression (, expression)*] )</c></summary>
    private IReadOnlyList<ExpressionSyntax> ParseArguments()
    {
        Advance();
        var arguments = new List<ExpressionSyntax>();
        if (!At(TokenKind.CloseParen))
        {
            while (true)
            {
                arguments.Add(ParseNested(ParseExpression));
                if (!At(TokenKind.Comma))
                    break;
                Advance();
            }
        }
        Expect(TokenKind.CloseParen, "`)` closing the arguments");
        return arguments;
    }

    /// <summary>Parses inside brackets, where a <c>/</c> always divides.</summary>
    private T ParseNested<T>(Func<T> parse)
    {
        bool outer = predicateMode;
        predicateMode = false;
        try
        {
            return parse();
        }
        finally
        {
            predicateMode = outer;
        }
    }

    /// <summary>Literals, names, calls, annotated library calls, parenthesized expressions and tuples.</summary>
    private ExpressionSyntax ParsePrimary()
    {
        var token = current;
        switch (token.Kind)
        {
            case TokenKind.IntegerLiteral:
                Advance();
                return new IntegerLiteralSyntax(token.Span, token.Text, token.IntegerValue, false, token.IntegerBase);
            case TokenKind.FloatLiteral:
                Advance();
                return MakeFloat(token.Span, token.Text, token.FloatValue, token.SingleValue);
            case TokenKind.StringLiteral:
                Advance();
                return new StringLiteralSyntax(token.Span, token.Text, token.StringValue ?? "");
            case TokenKind.TrueKeyword:
            case TokenKind.FalseKeyword:
                Advance();
                return new BooleanLiteralSyntax(token.Span, token.Kind == TokenKind.TrueKeyword);
            case TokenKind.Identifier:
            {
                Advance();
                var name = new IdentifierSyntax(token.Span, token.Text);
                if (At(TokenKind.OpenParen))
                {
                    var arguments = ParseArguments();
                    return Track(new CallExpressionSyntax(SpanOf(token.Start, [.. arguments]), null, name, arguments,
                        CallAnnotation.None, new TextSpan(token.Start, 0)), [.. arguments]);
                }
                return new NameExpressionSyntax(token.Span, name);
            }
            case TokenKind.Annotation:
                return ParseAnnotatedCall();
            case TokenKind.OpenParen:
                return ParseParenthesized();
            case TokenKind.MapKeyword:
                Error(SyntaxDiagnostics.ExpectedExpression, token.Span, "`map` (a type)");
                Advance();
                return new MissingExpressionSyntax(token.Span);
            default:
                Error(SyntaxDiagnostics.ExpectedExpression, ExpectedSpan(), DescribeCurrent());
                return new MissingExpressionSyntax(new TextSpan(previous.End, 0));
        }
    }

    /// <summary><c>(e)</c> (no node of its own), <c>()</c> or <c>(e1, e2, …)</c>.</summary>
    private ExpressionSyntax ParseParenthesized()
    {
        var open = Advance();
        if (At(TokenKind.CloseParen))
        {
            var close = Advance();
            return new TupleExpressionSyntax(TextSpan.FromBounds(open.Start, close.End), []);
        }
        var first = ParseNested(ParseExpression);
        if (!At(TokenKind.Comma))
        {
            Expect(TokenKind.CloseParen, "`)`");
            parenthesized.Add(first);
            return first;
        }
        var elements = new List<ExpressionSyntax> { first };
        while (At(TokenKind.Comma))
        {
            Advance();
            elements.Add(ParseNested(ParseExpression));
        }
        Expect(TokenKind.CloseParen, "`)` closing the tuple");
        return Track(new TupleExpressionSyntax(SpanOf(open.Start, [.. elements]), elements), [.. elements]);
    }

    /// <summary><c>@static lib.f(…)</c> or <c>@init lib.f(…)</c> (the latter only as a statement of its own).</summary>
    private ExpressionSyntax ParseAnnotatedCall()
    {
        var annotation = Advance();
        var kind = annotation.Text switch
        {
            "@static" => CallAnnotation.Static,
            "@init" => CallAnnotation.Init,
            _ => CallAnnotation.None,
        };
        if (kind == CallAnnotation.None)
            Error(SyntaxDiagnostics.InvalidAnnotation, annotation.Span, annotation.Text);
        else if (kind == CallAnnotation.Init && annotation.Start != statementStart)
            Error(SyntaxDiagnostics.InitMustBeStatement, annotation.Span);

        if (At(TokenKind.Identifier) && Peek().Kind == TokenKind.Dot)
        {
            var library = Advance();
            Advance();
            if (At(TokenKind.Identifier))
            {
                var name = Advance();
                if (At(TokenKind.OpenParen))
                {
                    var arguments = ParseArguments();
                    var receiver = new NameExpressionSyntax(library.Span, new IdentifierSyntax(library.Span, library.Text));
                    return Track(new CallExpressionSyntax(SpanOf(annotation.Start, [.. arguments]), receiver,
                        new IdentifierSyntax(name.Span, name.Text), arguments, kind, annotation.Span), [.. arguments]);
                }
            }
            Error(SyntaxDiagnostics.AnnotationNeedsLibraryCall, annotation.Span, annotation.Text);
            return new MissingExpressionSyntax(SpanOf(annotation.Start));
        }
        Error(SyntaxDiagnostics.AnnotationNeedsLibraryCall, annotation.Span, annotation.Text);
        return ParsePostfix(ParsePrimary(), statementTarget: false);
    }

    /// <summary>
    /// Records the tree depth of a new compound node; past <see cref="MaxExpressionDepth"/> reports it
    /// once and stands in a missing expression, so no tree is deeper than the limit.
    /// </summary>
    private ExpressionSyntax Track(ExpressionSyntax node, params ReadOnlySpan<ExpressionSyntax> children)
    {
        int depth = 1;
        foreach (var child in children)
            depth = Math.Max(depth, (depths.TryGetValue(child, out int d) ? d : 1) + 1);
        if (depth > MaxExpressionDepth)
        {
            if (!expressionDepthReported)
                Report(SyntaxDiagnostics.NestingTooDeep.Create(source, node.Span, MaxExpressionDepth));
            expressionDepthReported = true;
            return new MissingExpressionSyntax(node.Span);
        }
        if (depth > 1)
            depths[node] = depth;
        return node;
    }
}
