using System.Numerics;
using Whamm.Language.Syntax;

namespace Whamm.Language.Semantics;

/// <summary>
/// Which expressions take their type from context (reference §1.7, extended): integer and float
/// literals, and negations, bitwise-not, arithmetic, bitwise and shift operations and ternary branches
/// made only of them (<c>-1</c>, <c>1 &lt;&lt; 4</c>, <c>c ? 0 : 1</c>). Every other expression has a
/// type of its own and converts only with <c>as</c>. With no context, such an expression takes its
/// default type: an integer literal <c>i32</c> if it fits, else <c>i64</c>, else <c>u64</c>; a float
/// literal its own type; compounds the widest of their parts.
/// </summary>
internal sealed class LiteralTyping
{
    /// <summary>The default type of each adaptable node; null for nodes that are not adaptable.</summary>
    private readonly Dictionary<ExpressionSyntax, WhammType?> defaults = new(ReferenceEqualityComparer.Instance);

    public static bool IsArithmeticLike(BinaryOperator op) => op is BinaryOperator.Add or BinaryOperator.Subtract
        or BinaryOperator.Multiply or BinaryOperator.Divide or BinaryOperator.Remainder
        or BinaryOperator.BitwiseAnd or BinaryOperator.BitwiseOr or BinaryOperator.BitwiseXor
        or BinaryOperator.ShiftLeft or BinaryOperator.ShiftRight;

    /// <summary>The default type of an adaptable expression, or null when the expression has a type of its own.</summary>
    public WhammType? DefaultType(ExpressionSyntax expression)
    {
        if (defaults.TryGetValue(expression, out var known)) return known;
        // Iterative post-order walk: operator chains can be thousands of nodes deep.
        var stack = new Stack<(ExpressionSyntax Node, bool Expanded)>();
        stack.Push((expression, false));
        while (stack.Count > 0)
        {
            var (node, expanded) = stack.Pop();
            if (defaults.ContainsKey(node)) continue;
            var children = Children(node);
            if (children is null)
            {
                defaults[node] = Leaf(node);
                continue;
            }
            if (!expanded)
            {
                stack.Push((node, true));
                foreach (var child in children)
                {
                    if (!defaults.ContainsKey(child)) stack.Push((child, false));
                }
                continue;
            }
            WhammType? result = null;
            var all = true;
            foreach (var child in children)
            {
                var d = defaults[child];
                if (d is null) { all = false; break; }
                result = result is null ? d : Join(result, d);
            }
            defaults[node] = all ? result : null;
        }
        return defaults[expression];
    }

    /// <summary>True when the expression takes its type from context.</summary>
    public bool IsAdaptable(ExpressionSyntax expression) => DefaultType(expression) is not null;

    /// <summary>The children whose adaptability decides the node's, or null for a leaf.</summary>
    private static ExpressionSyntax[]? Children(ExpressionSyntax node) => node switch
    {
        UnaryExpressionSyntax { Operator: UnaryOperator.Negate or UnaryOperator.BitwiseNot } u => [u.Operand],
        BinaryExpressionSyntax b when IsArithmeticLike(b.Operator) => [b.Left, b.Right],
        TernaryExpressionSyntax t => [t.WhenTrue, t.WhenFalse],
        _ => null,
    };

    private static WhammType? Leaf(ExpressionSyntax node) => node switch
    {
        IntegerLiteralSyntax i => DefaultIntegerType(i.Value),
        FloatLiteralSyntax f => f.Type == FloatLiteralType.F32 ? WhammType.F32 : WhammType.F64,
        _ => null,
    };

    /// <summary><c>i32</c> if the value fits, else <c>i64</c>, else <c>u64</c> (reference §1.7).</summary>
    public static WhammType DefaultIntegerType(BigInteger value) =>
        value >= int.MinValue && value <= int.MaxValue ? WhammType.I32
        : value >= long.MinValue && value <= long.MaxValue ? WhammType.I64
        : WhammType.U64;

    /// <summary>The wider of two default types: any float wins over integers (f64 over f32), then u64 over i64 over i32.</summary>
    public static WhammType Join(WhammType a, WhammType b)
    {
        if (a.IsFloat || b.IsFloat)
            return a == WhammType.F64 || b == WhammType.F64 ? WhammType.F64 : (a.IsFloat ? a : b);
        return Rank(a) >= Rank(b) ? a : b;
    }

    private static int Rank(WhammType t) => t.Kind switch
    {
        WhammTypeKind.U64 => 3,
        WhammTypeKind.I64 => 2,
        WhammTypeKind.I32 => 1,
        _ => 0,
    };

    /// <summary>
    /// True when an integer literal can take <paramref name="type"/>: its value lies in the type's range,
    /// or is a negative value that wraps to the same bits (<c>-1</c> as <c>u32</c>), or a hex/binary magnitude
    /// that is the bit pattern of a negative value (<c>0xFF</c> as <c>i8</c>). The reference truncates bitwise.
    /// </summary>
    public static bool FitsInteger(BigInteger value, WhammType type)
    {
        var bits = type.BitWidth;
        var low = -(BigInteger.One << (bits - 1));
        var high = (BigInteger.One << bits) - 1;
        return value >= low && value <= high;
    }

    /// <summary>The natural range of an integer type, for messages.</summary>
    public static (BigInteger Min, BigInteger Max) Range(WhammType type)
    {
        var bits = type.BitWidth;
        return type.IsSigned
            ? (-(BigInteger.One << (bits - 1)), (BigInteger.One << (bits - 1)) - 1)
            : (BigInteger.Zero, (BigInteger.One << bits) - 1);
    }
}
