using Whamm.Language.Semantics;
using Whamm.Language.Syntax;
using Whamm.Language.Text;

namespace Whamm.Instrumentation.Folding;

/// <summary>
/// Compile-time evaluation of the operators on constants, once for every numeric type: integers computed in their
/// Wasm width (i32 or i64, signedness from the Whamm type) and narrowed to the type, floats in their precision.
/// Exactly what the generated code computes (a division by zero is left to run time, where it traps).
/// </summary>
internal static class Arithmetic
{
    public static Constant? Unary(UnaryOperator op, Constant x, WhammType result) => op switch
    {
        UnaryOperator.LogicalNot => Constant.Of(!x.Boolean),
        UnaryOperator.BitwiseNot when x.IsInteger => Constant.Integer(result, ~x.WasmValue),
        UnaryOperator.Negate when x.IsInteger => Constant.Integer(result, unchecked(-x.WasmValue)),
        UnaryOperator.Negate when x.IsFloat => Constant.OfFloat(result, -x.Float),
        _ => null,
    };

    public static Constant? Binary(BinaryOperator op, Constant l, Constant r, WhammType result, TextSpan span)
    {
        if (l.Type.Kind == WhammTypeKind.Str && r.Type.Kind == WhammTypeKind.Str)
        {
            return op switch
            {
                BinaryOperator.Equal => Constant.Of(l.Text == r.Text),
                BinaryOperator.NotEqual => Constant.Of(l.Text != r.Text),
                _ => null,
            };
        }
        if (l.Type.Kind == WhammTypeKind.Bool)
        {
            return op switch
            {
                BinaryOperator.Equal => Constant.Of(l.Boolean == r.Boolean),
                BinaryOperator.NotEqual => Constant.Of(l.Boolean != r.Boolean),
                _ => null,
            };
        }
        if (l.IsFloat) return FloatBinary(op, l.Float, r.Float, result, l.Type.Kind == WhammTypeKind.F32);
        if (!l.IsInteger) return null;
        var signed = Constant.IsSigned(l.Type);
        var wide = Constant.Width(l.Type) == 64;
        long a = l.WasmValue, b = r.WasmValue;
        int Cmp() => wide
            ? signed ? a.CompareTo(b) : ((ulong)a).CompareTo((ulong)b)
            : signed ? ((int)a).CompareTo((int)b) : ((uint)a).CompareTo((uint)b);
        switch (op)
        {
            case BinaryOperator.Equal: return Constant.Of(Cmp() == 0);
            case BinaryOperator.NotEqual: return Constant.Of(Cmp() != 0);
            case BinaryOperator.Less: return Constant.Of(Cmp() < 0);
            case BinaryOperator.LessOrEqual: return Constant.Of(Cmp() <= 0);
            case BinaryOperator.Greater: return Constant.Of(Cmp() > 0);
            case BinaryOperator.GreaterOrEqual: return Constant.Of(Cmp() >= 0);
        }
        long v;
        unchecked
        {
            var shift = (int)(b & (wide ? 63 : 31));
            switch (op)
            {
                case BinaryOperator.Add: v = a + b; break;
                case BinaryOperator.Subtract: v = a - b; break;
                case BinaryOperator.Multiply: v = a * b; break;
                case BinaryOperator.BitwiseAnd: v = a & b; break;
                case BinaryOperator.BitwiseOr: v = a | b; break;
                case BinaryOperator.BitwiseXor: v = a ^ b; break;
                case BinaryOperator.ShiftLeft: v = wide ? a << shift : (int)a << shift; break;
                case BinaryOperator.ShiftRight:
                    v = wide ? signed ? a >> shift : (long)((ulong)a >> shift)
                        : signed ? (int)a >> shift : (uint)a >> shift;
                    break;
                case BinaryOperator.Divide or BinaryOperator.Remainder:
                    if ((wide ? b : (int)b) == 0) return null; // traps at run time
                    if (signed && b == -1 && (wide ? a == long.MinValue : (int)a == int.MinValue))
                    {
                        if (op == BinaryOperator.Divide) return null; // overflow traps
                        v = 0;
                        break;
                    }
                    v = op == BinaryOperator.Divide
                        ? wide ? signed ? a / b : (long)((ulong)a / (ulong)b) : signed ? (int)a / (int)b : (uint)a / (uint)b
                        : wide ? signed ? a % b : (long)((ulong)a % (ulong)b) : signed ? (int)a % (int)b : (uint)a % (uint)b;
                    break;
                default: return null;
            }
        }
        _ = span;
        return Constant.Integer(result, v);
    }

    private static Constant? FloatBinary(BinaryOperator op, double a, double b, WhammType result, bool single)
    {
        double R(double x) => single ? (float)x : x;
        return op switch
        {
            BinaryOperator.Equal => Constant.Of(a == b),
            BinaryOperator.NotEqual => Constant.Of(a != b),
            BinaryOperator.Less => Constant.Of(a < b),
            BinaryOperator.LessOrEqual => Constant.Of(a <= b),
            BinaryOperator.Greater => Constant.Of(a > b),
            BinaryOperator.GreaterOrEqual => Constant.Of(a >= b),
            BinaryOperator.Add => Constant.OfFloat(result, R(a + b)),
            BinaryOperator.Subtract => Constant.OfFloat(result, R(a - b)),
            BinaryOperator.Multiply => Constant.OfFloat(result, R(a * b)),
            BinaryOperator.Divide => Constant.OfFloat(result, R(a / b)),
            _ => null,
        };
    }

    /// <summary><c>x as T</c>; a float-to-int cast that would trap is an error (DECISIONS 11).</summary>
    public static Constant? Cast(Constant x, WhammType to, TextSpan span)
    {
        if (to.Kind == WhammTypeKind.Bool)
            return x.Type.Kind == WhammTypeKind.Bool ? x : x.IsInteger ? Constant.Of(x.Bits != 0) : null;
        if (Constant.IsIntegerType(to))
        {
            if (x.Type.Kind == WhammTypeKind.Bool) return Constant.Integer(to, x.Boolean ? 1 : 0);
            if (x.IsInteger) return Constant.Integer(to, x.WasmValue);
            if (x.IsFloat)
            {
                var t = Math.Truncate(x.Float);
                var wide = Constant.Width(to) == 64;
                var signed = Constant.IsSigned(to);
                var (lo, hi) = wide ? signed ? (-9223372036854775808.0, 9223372036854775808.0) : (0.0, 18446744073709551616.0)
                    : signed ? (-2147483648.0, 2147483648.0) : (0.0, 4294967296.0);
                if (double.IsNaN(t) || t < lo || t >= hi)
                    throw new InstrumentationException($"the cast of {x} to {to} would trap at run time", span);
                return Constant.Integer(to, signed ? (long)t : (long)(ulong)t);
            }
            return null;
        }
        if (to.Kind is WhammTypeKind.F32 or WhammTypeKind.F64)
        {
            if (x.IsFloat) return Constant.OfFloat(to, x.Float);
            if (x.IsInteger)
            {
                var wide = Constant.Width(x.Type) == 64;
                double d = Constant.IsSigned(x.Type) ? x.WasmValue : wide ? (ulong)x.WasmValue : (uint)x.WasmValue;
                if (to.Kind == WhammTypeKind.F32)
                {
                    // Round once, directly to f32, as f32.convert does.
                    float f = Constant.IsSigned(x.Type) ? x.WasmValue : wide ? (ulong)x.WasmValue : (uint)x.WasmValue;
                    return Constant.OfFloat(to, f);
                }
                return Constant.OfFloat(to, d);
            }
        }
        return null;
    }
}
