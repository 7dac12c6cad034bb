using System.Text;

namespace Whamm.Language.Syntax;

/// <summary>
/// Prints a syntax tree back as canonical source: four-space indentation, one statement per line,
/// and every compound sub-expression in parentheses, so the grouping the parser chose is visible
/// (<c>a || (b &amp;&amp; c)</c>; only a left operand with its parent's operator goes without, as in
/// <c>a || b || c</c>). Parsing the output gives the same tree again. Comments are not kept.
/// Left-leaning operator chains of any length are printed without deep recursion.
/// </summary>
public static class SyntaxPrinter
{
    private const string Indent = "    ";
    private const string Missing = "<missing>";

    /// <summary>The canonical source of <paramref name="node"/>.</summary>
    public static string Print(SyntaxNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var sb = new StringBuilder();
        Write(sb, node, 0);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, SyntaxNode node, int depth)
    {
        switch (node)
        {
            case ScriptSyntax script:
                foreach (var member in script.Members)
                    Write(sb, member, depth);
                break;
            case UseDirectiveSyntax use:
                sb.Append("use ").Append(Name(use.Library)).Append(";\n");
                break;
            case ProbeSyntax probe:
                WriteRule(sb, probe.Rule);
                if (probe.Predicate is not null)
                {
                    sb.Append(" / ");
                    WriteExpression(sb, probe.Predicate, false);
                    sb.Append(" /");
                }
                sb.Append(' ');
                WriteBlock(sb, probe.Body, depth);
                sb.Append('\n');
                break;
            case FunctionSyntax fn:
                sb.Append("fn ").Append(Name(fn.Name)).Append('(');
                WriteParameters(sb, fn.Parameters);
                sb.Append(')');
                if (fn.ReturnType is not null)
                {
                    sb.Append(" -> ");
                    WriteType(sb, fn.ReturnType);
                }
                sb.Append(' ');
                WriteBlock(sb, fn.Body, depth);
                sb.Append('\n');
                break;
            case GlobalStatementSyntax global:
                WriteStatement(sb, global.Statement, depth);
                break;
            case StatementSyntax statement:
                WriteStatement(sb, statement, depth);
                break;
            case BlockSyntax block:
                WriteBlock(sb, block, depth);
                break;
            case ElifClauseSyntax elif:
                sb.Append("elif (");
                WriteExpression(sb, elif.Condition, false);
                sb.Append(") ");
                WriteBlock(sb, elif.Body, depth);
                break;
            case ProbeRuleSyntax rule:
                WriteRule(sb, rule);
                break;
            case RulePartSyntax part:
                WritePart(sb, part);
                break;
            case ExpressionSyntax expression:
                WriteExpression(sb, expression, false);
                break;
            case TypeSyntax type:
                WriteType(sb, type);
                break;
            case ParameterSyntax parameter:
                sb.Append(Name(parameter.Name)).Append(": ");
                WriteType(sb, parameter.Type);
                break;
            case ModifierSyntax modifier:
                sb.Append(SyntaxFacts.GetText(modifier.Kind));
                break;
            case IdentifierSyntax identifier:
                sb.Append(Name(identifier));
                break;
            default:
                throw new ArgumentException($"no printer for {node.GetType().Name}", nameof(node));
        }
    }

    private static void WriteRule(StringBuilder sb, ProbeRuleSyntax rule)
    {
        for (int i = 0; i < rule.Parts.Count; i++)
        {
            if (i > 0)
                sb.Append(':');
            WritePart(sb, rule.Parts[i]);
        }
    }

    private static void WritePart(StringBuilder sb, RulePartSyntax part)
    {
        sb.Append(part.Pattern.Text);
        if (part.TypeBounds.Count > 0)
        {
            sb.Append('(');
            WriteParameters(sb, part.TypeBounds);
            sb.Append(')');
        }
    }

    private static void WriteParameters(StringBuilder sb, IReadOnlyList<ParameterSyntax> parameters)
    {
        for (int i = 0; i < parameters.Count; i++)
        {
            if (i > 0)
                sb.Append(", ");
            sb.Append(Name(parameters[i].Name)).Append(": ");
            WriteType(sb, parameters[i].Type);
        }
    }

    private static void WriteBlock(StringBuilder sb, BlockSyntax block, int depth)
    {
        sb.Append("{\n");
        foreach (var statement in block.Statements)
            WriteStatement(sb, statement, depth + 1);
        AppendIndent(sb, depth).Append('}');
    }

    private static void WriteStatement(StringBuilder sb, StatementSyntax statement, int depth)
    {
        AppendIndent(sb, depth);
        switch (statement)
        {
            case VariableDeclarationSyntax decl:
                foreach (var modifier in decl.Modifiers)
                    sb.Append(SyntaxFacts.GetText(modifier.Kind)).Append(' ');
                sb.Append("var ").Append(Name(decl.Name)).Append(": ");
                WriteType(sb, decl.Type);
                if (decl.Initializer is not null)
                {
                    sb.Append(" = ");
                    WriteExpression(sb, decl.Initializer, false);
                }
                sb.Append(";\n");
                break;
            case AssignmentStatementSyntax assignment:
                WriteExpression(sb, assignment.Target, false);
                sb.Append(" = ");
                WriteExpression(sb, assignment.Value, false);
                sb.Append(";\n");
                break;
            case IncrementStatementSyntax increment:
                WriteExpression(sb, increment.Target, false);
                sb.Append(increment.IsDecrement ? "--" : "++").Append(";\n");
                break;
            case ExpressionStatementSyntax expression:
                WriteExpression(sb, expression.Expression, false);
                sb.Append(";\n");
                break;
            case ReturnStatementSyntax ret:
                sb.Append("return");
                if (ret.Value is not null)
                {
                    sb.Append(' ');
                    WriteExpression(sb, ret.Value, false);
                }
                sb.Append(";\n");
                break;
            case IfStatementSyntax ifs:
                sb.Append("if (");
                WriteExpression(sb, ifs.Condition, false);
                sb.Append(") ");
                WriteBlock(sb, ifs.Then, depth);
                foreach (var elif in ifs.Elifs)
                {
                    sb.Append(" elif (");
                    WriteExpression(sb, elif.Condition, false);
                    sb.Append(") ");
                    WriteBlock(sb, elif.Body, depth);
                }
                if (ifs.Else is not null)
                {
                    sb.Append(" else ");
                    WriteBlock(sb, ifs.Else, depth);
                }
                sb.Append('\n');
                break;
            default:
                throw new ArgumentException($"no printer for {statement.GetType().Name}", nameof(statement));
        }
    }

    private static void WriteType(StringBuilder sb, TypeSyntax type)
    {
        switch (type)
        {
            case PrimitiveTypeSyntax primitive:
                sb.Append(SyntaxFacts.GetText(primitive.Kind));
                break;
            case TupleTypeSyntax tuple:
                sb.Append('(');
                for (int i = 0; i < tuple.Elements.Count; i++)
                {
                    if (i > 0)
                        sb.Append(", ");
                    WriteType(sb, tuple.Elements[i]);
                }
                sb.Append(')');
                break;
            case MapTypeSyntax map:
                sb.Append("map<");
                WriteType(sb, map.Key);
                sb.Append(", ");
                WriteType(sb, map.Value);
                sb.Append('>');
                break;
            default:
                sb.Append(Missing);
                break;
        }
    }

    /// <summary>True for expressions printed in parentheses when they are an operand.</summary>
    private static bool IsCompound(ExpressionSyntax e) =>
        e is BinaryExpressionSyntax or TernaryExpressionSyntax or UnaryExpressionSyntax or CastExpressionSyntax;

    private static bool IsLiteral(ExpressionSyntax e) =>
        e is IntegerLiteralSyntax or FloatLiteralSyntax or BooleanLiteralSyntax or StringLiteralSyntax;

    private static void WriteExpression(StringBuilder sb, ExpressionSyntax e, bool operand)
    {
        if (e is BinaryExpressionSyntax binary)
        {
            WriteBinaryChain(sb, binary, operand);
            return;
        }
        bool parens = operand && IsCompound(e);
        if (parens)
            sb.Append('(');
        switch (e)
        {
            case NameExpressionSyntax name:
                sb.Append(Name(name.Name));
                break;
            case IntegerLiteralSyntax integer:
                sb.Append(integer.Text);
                break;
            case FloatLiteralSyntax single:
                sb.Append(single.Text);
                break;
            case BooleanLiteralSyntax boolean:
                sb.Append(boolean.Value ? "true" : "false");
                break;
            case StringLiteralSyntax str:
                sb.Append(str.Text);
                break;
            case UnaryExpressionSyntax unary:
                sb.Append(SyntaxFacts.GetText(unary.Operator));
                // `-(5)` keeps a negated literal from reading back as the literal `-5`.
                bool wrap = IsCompound(unary.Operand) || (unary.Operator == UnaryOperator.Negate && IsLiteral(unary.Operand));
                if (wrap)
                    sb.Append('(');
                WriteExpression(sb, unary.Operand, false);
                if (wrap)
                    sb.Append(')');
                break;
            case TernaryExpressionSyntax ternary:
                WriteExpression(sb, ternary.Condition, true);
                sb.Append(" ? ");
                WriteExpression(sb, ternary.WhenTrue, true);
                sb.Append(" : ");
                WriteExpression(sb, ternary.WhenFalse, true);
                break;
            case CastExpressionSyntax cast:
                WriteExpression(sb, cast.Operand, true);
                sb.Append(" as ");
                WriteType(sb, cast.Type);
                break;
            case TupleExpressionSyntax tuple:
                sb.Append('(');
                WriteList(sb, tuple.Elements);
                sb.Append(')');
                break;
            case IndexExpressionSyntax index:
                WriteTarget(sb, index.Target);
                sb.Append('[');
                WriteExpression(sb, index.Index, false);
                sb.Append(']');
                break;
            case FieldAccessExpressionSyntax field:
                WriteTarget(sb, field.Target);
                sb.Append('.').Append(field.Index);
                break;
            case CallExpressionSyntax call:
                if (call.Annotation != CallAnnotation.None)
                    sb.Append(SyntaxFacts.GetText(call.Annotation)).Append(' ');
                if (call.Receiver is not null)
                {
                    WriteTarget(sb, call.Receiver);
                    sb.Append('.');
                }
                sb.Append(Name(call.Name)).Append('(');
                WriteList(sb, call.Arguments);
                sb.Append(')');
                break;
            default:
                sb.Append(Missing);
                break;
        }
        if (parens)
            sb.Append(')');
    }

    /// <summary>The target of <c>[…]</c>, <c>.N</c> or <c>.m()</c>: compound expressions and literals go in parentheses.</summary>
    private static void WriteTarget(StringBuilder sb, ExpressionSyntax target)
    {
        bool wrap = IsCompound(target) || IsLiteral(target);
        if (wrap)
            sb.Append('(');
        WriteExpression(sb, target, false);
        if (wrap)
            sb.Append(')');
    }

    /// <summary>
    /// Prints a left-leaning chain iteratively. A left operand with the same operator as its parent
    /// needs no parentheses (<c>a || b || c</c>, <c>x - 1 - 2</c>); any other nested operation gets them.
    /// </summary>
    private static void WriteBinaryChain(StringBuilder sb, BinaryExpressionSyntax outer, bool operand)
    {
        var spine = new List<BinaryExpressionSyntax>();
        ExpressionSyntax e = outer;
        while (e is BinaryExpressionSyntax b)
        {
            spine.Add(b);
            e = b.Left;
        }
        bool Wrapped(int i) => i == 0 ? operand : spine[i].Operator != spine[i - 1].Operator;
        for (int i = 0; i < spine.Count; i++)
        {
            if (Wrapped(i))
                sb.Append('(');
        }
        WriteExpression(sb, e, true);
        for (int i = spine.Count - 1; i >= 0; i--)
        {
            sb.Append(' ').Append(SyntaxFacts.GetText(spine[i].Operator)).Append(' ');
            WriteExpression(sb, spine[i].Right, true);
            if (Wrapped(i))
                sb.Append(')');
        }
    }

    private static void WriteList(StringBuilder sb, IReadOnlyList<ExpressionSyntax> items)
    {
        for (int i = 0; i < items.Count; i++)
        {
            if (i > 0)
                sb.Append(", ");
            WriteExpression(sb, items[i], false);
        }
    }

    private static string Name(IdentifierSyntax id) => id.IsMissing ? Missing : id.Text;

    private static StringBuilder AppendIndent(StringBuilder sb, int depth)
    {
        for (int i = 0; i < depth; i++)
            sb.Append(Indent);
        return sb;
    }
}
