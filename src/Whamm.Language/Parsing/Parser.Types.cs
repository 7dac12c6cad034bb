using Whamm.Language.Syntax;
using Whamm.Language.Text;

namespace Whamm.Language.Parsing;

public sealed partial class Parser
{
    /// <summary>
    /// <c>type := primitive | ( [type (, type)*] ) | map&lt;type, type&gt;</c>. Primitive names are not
    /// keywords (<c>i32</c> is an identifier elsewhere). A misspelt name (<c>int</c>) is reported and
    /// consumed. <c>unknown</c> is accepted only in catalogue declarations.
    /// </summary>
    private TypeSyntax ParseType(bool allowUnknown = false)
    {
        if (!EnterNesting())
        {
            int at = current.Start;
            SkipToStatementEnd(consumeSemicolon: false);
            suppressErrorsAt = current.Start;
            return new MissingTypeSyntax(new TextSpan(at, 0));
        }
        try
        {
            switch (current.Kind)
            {
                case TokenKind.Identifier:
                {
                    var token = Advance();
                    if (!SyntaxFacts.TryGetPrimitiveType(token.Text, out var kind))
                    {
                        Error(SyntaxDiagnostics.ExpectedType, token.Span, Describe(token));
                        return new MissingTypeSyntax(token.Span);
                    }
                    if (kind == PrimitiveTypeKind.Unknown && !allowUnknown)
                        Error(SyntaxDiagnostics.UnknownTypeInScript, token.Span);
                    return new PrimitiveTypeSyntax(token.Span, kind);
                }
                case TokenKind.MapKeyword:
                {
                    var keyword = Advance();
                    bool open = Expect(TokenKind.Less, "`<` after `map`");
                    var key = ParseType(allowUnknown);
                    Expect(TokenKind.Comma, "`,` between the key and value types");
                    var value = ParseType(allowUnknown);
                    if (open)
                        ExpectCloseAngle();
                    return new MapTypeSyntax(SpanOf(keyword.Start, key, value), key, value);
                }
                case TokenKind.OpenParen:
                {
                    var open = Advance();
                    var elements = new List<TypeSyntax>();
                    if (!At(TokenKind.CloseParen))
                    {
                        while (true)
                        {
                            elements.Add(ParseType(allowUnknown));
                            if (!At(TokenKind.Comma))
                                break;
                            Advance();
                        }
                    }
                    Expect(TokenKind.CloseParen, "`)` closing the tuple type");
                    return new TupleTypeSyntax(SpanOf(open.Start, [.. elements]), elements);
                }
                default:
                    Error(SyntaxDiagnostics.ExpectedType, ExpectedSpan(), DescribeCurrent());
                    return new MissingTypeSyntax(new TextSpan(previous.End, 0));
            }
        }
        finally
        {
            ExitNesting();
        }
    }

    /// <summary>The <c>&gt;</c> closing <c>map&lt;…&gt;</c>; splits <c>&gt;&gt;</c> and <c>&gt;=</c> (<c>map&lt;u32, map&lt;u32, u32&gt;&gt;</c>).</summary>
    private void ExpectCloseAngle()
    {
        if (At(TokenKind.GreaterGreater) || At(TokenKind.GreaterEquals))
            SplitCurrent(TokenKind.Greater);
        else
            Expect(TokenKind.Greater, "`>` closing the map type");
    }
}
