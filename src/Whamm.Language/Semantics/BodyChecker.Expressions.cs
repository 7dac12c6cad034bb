using System.Runtime.CompilerServices;
using Whamm.Language.Syntax;

namespace Whamm.Language.Semantics;

internal sealed partial class BodyChecker
{
    /// <summary>
    /// Checks an expression and records its type. <paramref name="hint"/> is the type the context wants:
    /// literal-like expressions adopt it (<see cref="LiteralTyping"/>); the caller checks compatibility.
    /// </summary>
    private WhammType Check(ExpressionSyntax e, WhammType? hint)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            Report(CheckDiagnostics.TooDeep, e.Span);
            return Record(e, WhammType.Error);
        }
        var type = e switch
        {
            IntegerLiteralSyntax i => CheckInteger(i, hint),
            FloatLiteralSyntax f => CheckFloat(f, hint),
            BooleanLiteralSyntax => WhammType.Bool,
            StringLiteralSyntax => WhammType.Str,
            NameExpressionSyntax n => CheckName(n, hint),
            UnaryExpressionSyntax u => CheckUnary(u, hint),
            BinaryExpressionSyntax b => CheckBinary(b, hint),
            TernaryExpressionSyntax t => CheckTernary(t, hint),
            CastExpressionSyntax c => CheckCast(c),
            TupleExpressionSyntax t => CheckTuple(t, hint),
            IndexExpressionSyntax i => CheckIndex(i),
            FieldAccessExpressionSyntax f => TupleElement(f, Check(f.Target, null)),
            CallExpressionSyntax c => CheckCall(c),
            _ => WhammType.Error,
        };
        return Record(e, type);
    }

    private WhammType CheckInteger(IntegerLiteralSyntax literal, WhammType? hint)
    {
        if (hint is { IsFloat: true }) return hint;
        if (hint is { IsInteger: true })
        {
            if (LiteralTyping.FitsInteger(literal.Value, hint)) return hint;
            var (min, max) = LiteralTyping.Range(hint);
            Report(CheckDiagnostics.IntegerLiteralOutOfRange, literal.Span, literal.Text, hint, min, max);
            return WhammType.Error;
        }
        return LiteralTyping.DefaultIntegerType(literal.Value);
    }

    private WhammType CheckFloat(FloatLiteralSyntax literal, WhammType? hint)
    {
        if (hint == WhammType.F64) return WhammType.F64;
        if (hint == WhammType.F32)
        {
            if (double.IsFinite(literal.Value) && !float.IsFinite(literal.SingleValue))
            {
                Report(CheckDiagnostics.FloatLiteralOutOfRange, literal.Span, literal.Text);
                return WhammType.Error;
            }
            return WhammType.F32;
        }
        return literal.Type == FloatLiteralType.F32 ? WhammType.F32 : WhammType.F64;
    }

    private WhammType CheckName(NameExpressionSyntax name, WhammType? hint)
    {
        var text = name.Name.Text;
        switch (ResolveName(name))
        {
            case null:
                return WhammType.Error;
            case VariableSymbol v:
                CheckRestriction(v, name.Span);
                return v.VariableKind == VariableKind.Bound ? UseBound(v, name.Span) : v.Type;
            case FunctionSymbol:
                Report(CheckDiagnostics.FunctionAsValue, name.Span, text);
                return WhammType.Error;
            default:
                if (hint?.Kind == WhammTypeKind.Library) return WhammType.Library;
                Report(CheckDiagnostics.LibraryAsValue, name.Span, text);
                return WhammType.Error;
        }
    }

    private static string OperationName(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => "addition (`+`)",
        BinaryOperator.Subtract => "subtraction (`-`)",
        BinaryOperator.Multiply => "multiplication (`*`)",
        BinaryOperator.Divide => "division (`/`)",
        BinaryOperator.Remainder => "remainder (`%`)",
        BinaryOperator.BitwiseAnd => "bitwise AND (`&`)",
        BinaryOperator.BitwiseOr => "bitwise OR (`|`)",
        BinaryOperator.BitwiseXor => "bitwise XOR (`^`)",
        BinaryOperator.ShiftLeft => "left shift (`<<`)",
        BinaryOperator.ShiftRight => "right shift (`>>`)",
        BinaryOperator.LogicalAnd => "logical AND (`&&`)",
        BinaryOperator.LogicalOr => "logical OR (`||`)",
        _ => $"comparison (`{SyntaxFacts.GetText(op)}`)",
    };

    private WhammType CheckUnary(UnaryExpressionSyntax unary, WhammType? hint)
    {
        switch (unary.Operator)
        {
            case UnaryOperator.LogicalNot:
            {
                var t = Check(unary.Operand, WhammType.Bool);
                if (t.IsError || t == WhammType.Bool) return WhammType.Bool;
                Report(CheckDiagnostics.OperatorNotAllowed, unary.Span, "logical NOT (`!`)", t);
                return WhammType.Error;
            }
            case UnaryOperator.BitwiseNot:
            {
                var t = Check(unary.Operand, hint is { IsInteger: true } ? hint : null);
                if (t.IsError) return t;
                if (t.IsInteger) return t;
                Report(CheckDiagnostics.OperatorNotAllowed, unary.Span, "bitwise NOT (`~`)", t);
                return WhammType.Error;
            }
            default:
            {
                var t = Check(unary.Operand, hint is { IsNumeric: true } ? hint : null);
                if (t.IsError) return t;
                if (t.IsNumeric) return t;
                Report(CheckDiagnostics.OperatorNotAllowed, unary.Span, "negation (`-`)", t);
                return WhammType.Error;
            }
        }
    }

    private static bool IsLogical(BinaryOperator op) => op is BinaryOperator.LogicalAnd or BinaryOperator.LogicalOr;

    private static bool IsComparison(BinaryOperator op) => op is BinaryOperator.Equal or BinaryOperator.NotEqual
        or BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual;

    /// <summary>The hint for two literal-like operands: the context's number type for arithmetic, else the wider default.</summary>
    private static WhammType BothAdaptableHint(BinaryOperator op, WhammType? hint, WhammType left, WhammType right)
    {
        var join = LiteralTyping.Join(left, right);
        return LiteralTyping.IsArithmeticLike(op) && hint is { IsNumeric: true } && !(hint.IsInteger && join.IsFloat) ? hint : join;
    }

    /// <summary>
    /// Checks a chain of binary operations iteratively (an <c>||</c> chain may be thousands of terms long).
    /// The left spine is walked top-down to pass hints (a literal-like left operand takes the type of a
    /// typed right operand, which is checked first), then bottom-up to combine operand types.
    /// </summary>
    private WhammType CheckBinary(BinaryExpressionSyntax top, WhammType? hint)
    {
        var spine = new List<BinaryExpressionSyntax>();
        ExpressionSyntax e = top;
        while (e is BinaryExpressionSyntax b)
        {
            spine.Add(b);
            e = b.Left;
        }
        var n = spine.Count;
        var rightTypes = new WhammType?[n];
        var rightHints = new WhammType?[n];
        var rightFromLeft = new bool[n];
        var nodeHint = hint;
        for (var k = 0; k < n; k++)
        {
            var node = spine[k];
            WhammType? childHint = null;
            if (IsLogical(node.Operator))
            {
                childHint = WhammType.Bool;
                rightHints[k] = WhammType.Bool;
            }
            else
            {
                var dl = literals.DefaultType(node.Left);
                var dr = literals.DefaultType(node.Right);
                if (dl is not null && dr is not null)
                {
                    childHint = BothAdaptableHint(node.Operator, nodeHint, dl, dr);
                    rightHints[k] = childHint;
                }
                else if (dl is not null)
                {
                    var tr = Check(node.Right, null);
                    rightTypes[k] = tr;
                    childHint = tr.IsNumeric ? tr : null;
                }
                else if (dr is not null)
                {
                    rightFromLeft[k] = true;
                }
            }
            nodeHint = childHint;
        }

        var t = Check(e, nodeHint);
        for (var k = n - 1; k >= 0; k--)
        {
            var node = spine[k];
            var left = t;
            var right = rightTypes[k] ?? Check(node.Right, rightFromLeft[k] ? (left.IsNumeric ? left : null) : rightHints[k]);
            t = Record(node, Combine(node, left, right));
        }
        return t;
    }

    private WhammType Combine(BinaryExpressionSyntax node, WhammType left, WhammType right)
    {
        var op = node.Operator;
        var text = SyntaxFacts.GetText(op);
        if (IsLogical(op))
        {
            if (left.IsError || right.IsError) return WhammType.Bool;
            if (left == WhammType.Bool && right == WhammType.Bool) return WhammType.Bool;
            if (left == right)
                Report(CheckDiagnostics.OperatorNotAllowed, node.Span, OperationName(op), left);
            else
                Report(CheckDiagnostics.OperandTypesDiffer, node.Span, text, left, right, $"; `{text}` needs two `bool` operands");
            return WhammType.Bool;
        }
        var comparison = IsComparison(op);
        if (left.IsError || right.IsError) return comparison ? WhammType.Bool : (left.IsError ? right : left);
        if (left != right)
        {
            var hint = left.IsNumeric && right.IsNumeric ? $"; convert one side with `as`, e.g. `(…) as {left}`" : "";
            Report(CheckDiagnostics.OperandTypesDiffer, node.Span, text, left, right, hint);
            return WhammType.Error;
        }
        switch (op)
        {
            case BinaryOperator.Equal or BinaryOperator.NotEqual:
                if (!IsComparable(left)) Report(CheckDiagnostics.NotComparable, node.Span, left, text);
                return WhammType.Bool;
            case BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual:
                if (!left.IsNumeric) Report(CheckDiagnostics.OperatorNotAllowed, node.Span, OperationName(op), left);
                return WhammType.Bool;
            case BinaryOperator.Add or BinaryOperator.Subtract or BinaryOperator.Multiply or BinaryOperator.Divide or BinaryOperator.Remainder:
                if (left.IsNumeric) return left;
                Report(CheckDiagnostics.OperatorNotAllowed, node.Span, OperationName(op), left);
                return WhammType.Error;
            default:
                if (left.IsInteger) return left;
                Report(CheckDiagnostics.OperatorNotAllowed, node.Span, OperationName(op), left);
                return WhammType.Error;
        }
    }

    /// <summary>Numbers, <c>bool</c>, <c>str</c> and tuples of them compare with <c>==</c>/<c>!=</c>.</summary>
    private static bool IsComparable(WhammType t) =>
        t.IsNumeric || t == WhammType.Bool || t == WhammType.Str || (t.IsTuple && t.Elements.All(IsComparable));

    private WhammType CheckTernary(TernaryExpressionSyntax ternary, WhammType? hint)
    {
        CheckCondition(ternary.Condition);
        var dt = literals.DefaultType(ternary.WhenTrue);
        var df = literals.DefaultType(ternary.WhenFalse);
        WhammType whenTrue, whenFalse;
        if (dt is not null && df is not null)
        {
            var join = LiteralTyping.Join(dt, df);
            var h = hint is { IsNumeric: true } && !(hint.IsInteger && join.IsFloat) ? hint : join;
            whenTrue = Check(ternary.WhenTrue, h);
            whenFalse = Check(ternary.WhenFalse, h);
        }
        else if (dt is not null)
        {
            whenFalse = Check(ternary.WhenFalse, hint);
            whenTrue = Check(ternary.WhenTrue, whenFalse.IsNumeric ? whenFalse : hint);
        }
        else if (df is not null)
        {
            whenTrue = Check(ternary.WhenTrue, hint);
            whenFalse = Check(ternary.WhenFalse, whenTrue.IsNumeric ? whenTrue : hint);
        }
        else
        {
            whenTrue = Check(ternary.WhenTrue, hint);
            whenFalse = Check(ternary.WhenFalse, hint);
        }
        if (whenTrue.IsError) return whenFalse;
        if (whenFalse.IsError) return whenTrue;
        if (whenTrue.IsAssignableTo(whenFalse)) return whenTrue;
        Report(CheckDiagnostics.TernaryBranchesDiffer, ternary.WhenTrue.Span.Cover(ternary.WhenFalse.Span), whenTrue, whenFalse);
        return WhammType.Error;
    }

    private WhammType CheckCast(CastExpressionSyntax cast)
    {
        var target = WhammType.FromSyntax(cast.Type);
        // A literal converts exactly when it can (`0.1 as f64` is the f64 0.1), else it is cast from its default type.
        WhammType? hint = null;
        if (literals.DefaultType(cast.Operand) is { } d)
        {
            if (target.IsFloat && !(d == WhammType.F64 && target == WhammType.F32))
                hint = target;
            else if (target.IsInteger && cast.Operand is IntegerLiteralSyntax literal && LiteralTyping.FitsInteger(literal.Value, target))
                hint = target;
        }
        var operand = Check(cast.Operand, hint);
        if (operand.IsError || target.IsError) return target;
        var convertible = operand == target
            || ((operand.IsNumeric || operand == WhammType.Bool) && (target.IsNumeric || target == WhammType.Bool));
        if (!convertible) Report(CheckDiagnostics.InvalidCast, cast.Span, operand, target);
        return target;
    }

    private WhammType CheckTuple(TupleExpressionSyntax tuple, WhammType? hint)
    {
        var hints = hint is { IsTuple: true } && hint.Elements.Count == tuple.Elements.Count ? hint.Elements : null;
        var elements = new WhammType[tuple.Elements.Count];
        for (var i = 0; i < elements.Length; i++)
        {
            elements[i] = Check(tuple.Elements[i], hints?[i]);
            if (elements[i].IsMap) Report(CheckDiagnostics.TupleContainsMap, tuple.Elements[i].Span);
        }
        return WhammType.Tuple(elements);
    }

    private WhammType CheckIndex(IndexExpressionSyntax index)
    {
        var map = Check(index.Target, null);
        if (map.IsError)
        {
            Check(index.Index, null);
            return WhammType.Error;
        }
        if (!map.IsMap)
        {
            Report(CheckDiagnostics.NotAMap, index.Target.Span, Short(index.Target), map);
            Check(index.Index, null);
            return WhammType.Error;
        }
        var key = Check(index.Index, map.MapKey);
        RequireAssignable(index.Index, key, map.MapKey, " for the key of a `" + map + "`");
        return map.MapValue;
    }

    private WhammType TupleElement(FieldAccessExpressionSyntax field, WhammType tuple)
    {
        if (tuple.IsError) return WhammType.Error;
        if (!tuple.IsTuple)
        {
            Report(CheckDiagnostics.NotATuple, field.IndexSpan, field.Index, tuple);
            return WhammType.Error;
        }
        if (field.Index >= tuple.Elements.Count)
        {
            Report(CheckDiagnostics.TupleIndexOutOfRange, field.IndexSpan, tuple, field.Index,
                tuple.Elements.Count == 1 ? "1 element" : $"{tuple.Elements.Count} elements");
            return WhammType.Error;
        }
        return tuple.Elements[field.Index];
    }

    /// <summary>Reports a value of the wrong type where <paramref name="target"/> is wanted.</summary>
    private void RequireAssignable(ExpressionSyntax expression, WhammType actual, WhammType target, string context)
    {
        if (actual.IsAssignableTo(target)) return;
        var castable = (actual.IsNumeric || actual == WhammType.Bool) && (target.IsNumeric || target == WhammType.Bool);
        if (castable)
        {
            var what = expression is IntegerLiteralSyntax or FloatLiteralSyntax ? $"literal `{expression}`" : "expression";
            Report(CheckDiagnostics.ImplicitCast, expression.Span, what, actual, target);
        }
        else
        {
            Report(CheckDiagnostics.TypeMismatch, expression.Span, target, actual, context);
        }
    }
}
