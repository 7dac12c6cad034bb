using Whamm.Instrumentation.Folding;
using Whamm.Instrumentation.State;
using Whamm.Language.Semantics;
using Whamm.Language.Syntax;
using Whamm.Wasm.Editing;
using Whamm.Wasm.Instructions;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Types;

namespace Whamm.Instrumentation.CodeGen;

/// <summary>
/// Emits the folded body of one probe at one site through an <see cref="InstructionBuilder"/> (never raw
/// bytes): statements, expressions with the checker's types, reads and writes of script globals (Wasm
/// globals), probe locals, and the site's stack values (<c>argN</c>, <c>resN</c>, <c>localN</c>, aliases and
/// derived values, all held in Wasm locals; see <c>ProbeEmitter.Stack.cs</c>). Whatever the folder turned into
/// a constant is emitted as a constant; a constant <c>if</c> condition emits only the branch taken.
/// </summary>
internal sealed partial class ProbeEmitter
{
    private readonly SemanticModel model;
    private readonly Dictionary<ExpressionSyntax, Constant> constants;
    private readonly IReadOnlyDictionary<string, uint> stack;
    private readonly Func<ValType, uint> newLocal;

    /// <summary>
    /// An emitter for one probe at one site: <paramref name="stack"/> gives the Wasm local holding each stack value the
    /// probe names there (<c>arg0</c>, <c>addr</c>, <c>local2</c>, …); <paramref name="site"/> is where per-site
    /// variables are allocated (null where there is no site); <paramref name="alt"/>, for an <c>alt</c> probe,
    /// where the replaced instruction's operands are and its results go.
    /// </summary>
    public ProbeEmitter(SemanticModel model, Dictionary<ExpressionSyntax, Constant> constants, ScriptState state, ReportSite? site,
        IReadOnlyDictionary<string, uint> stack, Func<ValType, uint> newLocal, AltSite? alt = null)
    {
        this.model = model;
        this.constants = constants;
        this.state = state;
        this.site = site;
        this.stack = stack;
        this.newLocal = newLocal;
        this.alt = alt;
    }

    // ------------------------------------------------------------------ statements

    public void EmitBlock(InstructionBuilder b, BlockSyntax block)
    {
        foreach (var s in block.Statements) EmitStatement(b, s);
    }

    private void EmitStatement(InstructionBuilder b, StatementSyntax s)
    {
        switch (s)
        {
            case VariableDeclarationSyntax d:
                EmitDeclaration(b, d);
                break;
            case AssignmentStatementSyntax { Target: IndexExpressionSyntax entry, Value: BinaryExpressionSyntax { Operator: BinaryOperator.Add or BinaryOperator.Subtract } sum }
                when sum.Left.ToString() == entry.ToString() && Pure(entry.Index) && Pure(sum.Right):
                EmitEntryUpdate(b, entry, sum.Operator, sum.Right);
                break;
            case AssignmentStatementSyntax a:
                EmitExpression(b, a.Value);
                EmitStore(b, a.Target);
                break;
            case IncrementStatementSyntax { Target: IndexExpressionSyntax entry } inc when Pure(entry.Index):
                EmitEntryUpdate(b, entry, inc.IsDecrement ? BinaryOperator.Subtract : BinaryOperator.Add, null);
                break;
            case IncrementStatementSyntax inc:
            {
                var t = TypeOf(inc.Target);
                EmitExpression(b, inc.Target);
                EmitOne(b, t);
                EmitArithmetic(b, inc.IsDecrement ? BinaryOperator.Subtract : BinaryOperator.Add, t, inc.Target);
                EmitStore(b, inc.Target);
                break;
            }
            case IfStatementSyntax i:
                EmitIf(b, i.Condition, i.Then, i.Elifs, 0, i.Else);
                break;
            case ReturnStatementSyntax r:
                EmitReturn(b, r);
                break;
            case ExpressionStatementSyntax { Expression: CallExpressionSyntax call } when IsBoundCall(call):
                EmitBoundCall(b, call);
                break;
            case ExpressionStatementSyntax { Expression: CallExpressionSyntax { Annotation: CallAnnotation.Init } init } when site is not null:
                EmitSiteInit(init);
                break;
            case ExpressionStatementSyntax e:
                EmitExpression(b, e.Expression);
                foreach (var _ in TypeOf(e.Expression).WasmTypes) b.Drop(); // a call's unused result
                break;
            default:
                throw Unsupported("this statement", s);
        }
    }

    private void EmitIf(InstructionBuilder b, ExpressionSyntax cond, BlockSyntax then, IReadOnlyList<ElifClauseSyntax> elifs, int next, BlockSyntax? @else)
    {
        void Rest(InstructionBuilder x)
        {
            if (next < elifs.Count) EmitIf(x, elifs[next].Condition, elifs[next].Body, elifs, next + 1, @else);
            else if (@else is not null) EmitBlock(x, @else);
        }
        if (constants.TryGetValue(cond, out var c))
        {
            if (c.Boolean) EmitBlock(b, then);
            else Rest(b);
            return;
        }
        EmitExpression(b, cond);
        var hasElse = next < elifs.Count || @else is not null;
        b.If(BlockType.Empty, x => EmitBlock(x, then), hasElse ? Rest : null);
    }

    private void EmitStore(InstructionBuilder b, ExpressionSyntax target)
    {
        if (target is NameExpressionSyntax n && model.SymbolOf(n) is VariableSymbol { VariableKind: VariableKind.Bound } v
            && stack.TryGetValue(v.Name, out var a))
        {
            b.LocalSet(a);
            return;
        }
        if (target is IndexExpressionSyntax entry)
        {
            EmitMapWrite(b, entry);
            return;
        }
        (LocationOf(target) ?? throw Unsupported("assigning to this target", target)).EmitStore(b, newLocal);
    }

    // ------------------------------------------------------------------ expressions

    private WhammType TypeOf(ExpressionSyntax e) => model.TypeOf(e) ?? WhammType.Error;

    public void EmitExpression(InstructionBuilder b, ExpressionSyntax e)
    {
        if (constants.TryGetValue(e, out var c))
        {
            EmitConstant(b, c, e);
            return;
        }
        switch (e)
        {
            case NameExpressionSyntax n:
                EmitLoad(b, n);
                return;
            case UnaryExpressionSyntax u:
                EmitUnary(b, u);
                return;
            case BinaryExpressionSyntax bin:
                EmitBinary(b, bin);
                return;
            case TernaryExpressionSyntax t:
                if (constants.TryGetValue(t.Condition, out var cc))
                {
                    EmitExpression(b, cc.Boolean ? t.WhenTrue : t.WhenFalse);
                    return;
                }
                EmitExpression(b, t.Condition);
                b.If(ValueBlock(TypeOf(e), e), x => EmitExpression(x, t.WhenTrue), x => EmitExpression(x, t.WhenFalse));
                return;
            case CastExpressionSyntax cast:
                EmitExpression(b, cast.Operand);
                EmitCast(b, TypeOf(cast.Operand), TypeOf(e), e);
                return;
            case TupleExpressionSyntax tuple:
                foreach (var element in tuple.Elements) EmitExpression(b, element);
                return;
            case CallExpressionSyntax call when TryEmitCall(b, call) || TryEmitBuiltinCall(b, call):
                return;
            case IndexExpressionSyntax index:
                EmitMapRead(b, index);
                return;
            case FieldAccessExpressionSyntax field when LocationOf(field) is { } location:
                location.EmitLoad(b);
                return;
        }
        throw Unsupported("this expression", e);
    }

    private BlockType ValueBlock(WhammType t, SyntaxNode at) =>
        new(BlockTypeKind.Value, Constant.WasmType(t) ?? throw Unsupported($"values of type {t}", at));

    internal static void EmitZero(InstructionBuilder b, ValType t)
    {
        if (t == ValType.I64) b.I64Const(0);
        else if (t == ValType.F32) b.F32Const(0);
        else if (t == ValType.F64) b.F64Const(0);
        else b.I32Const(0);
    }

    private static void EmitOne(InstructionBuilder b, WhammType t)
    {
        switch (t.Kind)
        {
            case WhammTypeKind.U64 or WhammTypeKind.I64: b.I64Const(1); break;
            case WhammTypeKind.F32: b.F32Const(1); break;
            case WhammTypeKind.F64: b.F64Const(1); break;
            default: b.I32Const(1); break;
        }
    }

    private void EmitConstant(InstructionBuilder b, Constant c, SyntaxNode at)
    {
        switch (Constant.WasmType(c.Type))
        {
            case { } t when t == ValType.I32: b.I32Const((int)c.WasmValue); break;
            case { } t when t == ValType.I64: b.I64Const(c.WasmValue); break;
            case { } t when t == ValType.F32: b.F32Const((float)c.Float); break;
            case { } t when t == ValType.F64: b.F64Const(c.Float); break;
            default:
                if (c.Type.Kind != WhammTypeKind.Str) throw Unsupported($"run-time values of type {c.Type} (here {c})", at);
                var (address, length) = state.RequireCore($"the string {c}").Data.String(c.Text!);
                b.I32Const((int)address).I32Const(length);
                break;
        }
    }

    private void EmitLoad(InstructionBuilder b, NameExpressionSyntax n)
    {
        if (model.SymbolOf(n) is not VariableSymbol v) throw Unsupported("this name", n);
        if (v.VariableKind == VariableKind.Bound && stack.TryGetValue(v.Name, out var a))
        {
            b.LocalGet(a);
            return;
        }
        (LocationOf(n) ?? throw Unsupported($"reading `{v.Name}`", n)).EmitLoad(b);
    }

    private void EmitUnary(InstructionBuilder b, UnaryExpressionSyntax u)
    {
        var t = TypeOf(u);
        switch (u.Operator)
        {
            case UnaryOperator.LogicalNot:
                EmitExpression(b, u.Operand);
                b.I32Eqz();
                return;
            case UnaryOperator.BitwiseNot:
                EmitExpression(b, u.Operand);
                if (Wide(t)) b.I64Const(-1).Emit(Op.I64Xor); else b.I32Const(-1).I32Xor();
                Narrow(b, t);
                return;
            case UnaryOperator.Negate when t.Kind == WhammTypeKind.F32:
                EmitExpression(b, u.Operand);
                b.Emit(Op.F32Neg);
                return;
            case UnaryOperator.Negate when t.Kind == WhammTypeKind.F64:
                EmitExpression(b, u.Operand);
                b.Emit(Op.F64Neg);
                return;
            case UnaryOperator.Negate:
                if (Wide(t)) b.I64Const(0); else b.I32Const(0);
                EmitExpression(b, u.Operand);
                b.Emit(Wide(t) ? Op.I64Sub : Op.I32Sub);
                Narrow(b, t);
                return;
        }
    }

    private void EmitBinary(InstructionBuilder b, BinaryExpressionSyntax e)
    {
        switch (e.Operator)
        {
            case BinaryOperator.LogicalAnd:
                if (constants.TryGetValue(e.Left, out var la) && la.Boolean) { EmitExpression(b, e.Right); return; }
                EmitExpression(b, e.Left);
                b.If(new BlockType(BlockTypeKind.Value, ValType.I32), x => EmitExpression(x, e.Right), x => x.I32Const(0));
                return;
            case BinaryOperator.LogicalOr:
                if (constants.TryGetValue(e.Left, out var lo) && !lo.Boolean) { EmitExpression(b, e.Right); return; }
                EmitExpression(b, e.Left);
                b.If(new BlockType(BlockTypeKind.Value, ValType.I32), x => x.I32Const(1), x => EmitExpression(x, e.Right));
                return;
        }
        var operand = TypeOf(e.Left);
        if (operand.Kind == WhammTypeKind.Str)
        {
            EmitStringEquality(b, e);
            return;
        }
        EmitExpression(b, e.Left);
        EmitExpression(b, e.Right);
        EmitArithmetic(b, e.Operator, operand, e);
    }

    private static bool Wide(WhammType t) => t.Kind is WhammTypeKind.U64 or WhammTypeKind.I64;

    /// <summary>Brings an i32 result back into the range of a narrow type (<c>u8</c>, <c>i16</c>, …).</summary>
    private static void Narrow(InstructionBuilder b, WhammType t)
    {
        switch (t.Kind)
        {
            case WhammTypeKind.U8: b.I32Const(0xFF).I32And(); break;
            case WhammTypeKind.U16: b.I32Const(0xFFFF).I32And(); break;
            case WhammTypeKind.I8: b.Emit(Op.I32Extend8S); break;
            case WhammTypeKind.I16: b.Emit(Op.I32Extend16S); break;
        }
    }

    /// <summary>One binary operator on two operands of type <paramref name="t"/> already on the stack.</summary>
    private void EmitArithmetic(InstructionBuilder b, BinaryOperator op, WhammType t, SyntaxNode at)
    {
        var s = Constant.IsSigned(t);
        Op code;
        if (t.Kind is WhammTypeKind.F32 or WhammTypeKind.F64)
        {
            var f64 = t.Kind == WhammTypeKind.F64;
            code = op switch
            {
                BinaryOperator.Add => f64 ? Op.F64Add : Op.F32Add,
                BinaryOperator.Subtract => f64 ? Op.F64Sub : Op.F32Sub,
                BinaryOperator.Multiply => f64 ? Op.F64Mul : Op.F32Mul,
                BinaryOperator.Divide => f64 ? Op.F64Div : Op.F32Div,
                BinaryOperator.Equal => f64 ? Op.F64Eq : Op.F32Eq,
                BinaryOperator.NotEqual => f64 ? Op.F64Ne : Op.F32Ne,
                BinaryOperator.Less => f64 ? Op.F64Lt : Op.F32Lt,
                BinaryOperator.LessOrEqual => f64 ? Op.F64Le : Op.F32Le,
                BinaryOperator.Greater => f64 ? Op.F64Gt : Op.F32Gt,
                BinaryOperator.GreaterOrEqual => f64 ? Op.F64Ge : Op.F32Ge,
                _ => throw Unsupported($"`{op}` on floats", at),
            };
            b.Emit(code);
            return;
        }
        var w = Wide(t);
        code = op switch
        {
            BinaryOperator.Add => w ? Op.I64Add : Op.I32Add,
            BinaryOperator.Subtract => w ? Op.I64Sub : Op.I32Sub,
            BinaryOperator.Multiply => w ? Op.I64Mul : Op.I32Mul,
            BinaryOperator.Divide => w ? s ? Op.I64DivS : Op.I64DivU : s ? Op.I32DivS : Op.I32DivU,
            BinaryOperator.Remainder => w ? s ? Op.I64RemS : Op.I64RemU : s ? Op.I32RemS : Op.I32RemU,
            BinaryOperator.BitwiseAnd => w ? Op.I64And : Op.I32And,
            BinaryOperator.BitwiseOr => w ? Op.I64Or : Op.I32Or,
            BinaryOperator.BitwiseXor => w ? Op.I64Xor : Op.I32Xor,
            BinaryOperator.ShiftLeft => w ? Op.I64Shl : Op.I32Shl,
            BinaryOperator.ShiftRight => w ? s ? Op.I64ShrS : Op.I64ShrU : s ? Op.I32ShrS : Op.I32ShrU,
            BinaryOperator.Equal => w ? Op.I64Eq : Op.I32Eq,
            BinaryOperator.NotEqual => w ? Op.I64Ne : Op.I32Ne,
            BinaryOperator.Less => w ? s ? Op.I64LtS : Op.I64LtU : s ? Op.I32LtS : Op.I32LtU,
            BinaryOperator.LessOrEqual => w ? s ? Op.I64LeS : Op.I64LeU : s ? Op.I32LeS : Op.I32LeU,
            BinaryOperator.Greater => w ? s ? Op.I64GtS : Op.I64GtU : s ? Op.I32GtS : Op.I32GtU,
            BinaryOperator.GreaterOrEqual => w ? s ? Op.I64GeS : Op.I64GeU : s ? Op.I32GeS : Op.I32GeU,
            _ => throw Unsupported($"`{op}`", at),
        };
        b.Emit(code);
        if (op is BinaryOperator.Add or BinaryOperator.Subtract or BinaryOperator.Multiply or BinaryOperator.Divide
            or BinaryOperator.Remainder or BinaryOperator.ShiftLeft or BinaryOperator.BitwiseXor or BinaryOperator.BitwiseOr)
            Narrow(b, t);
    }

    private void EmitCast(InstructionBuilder b, WhammType from, WhammType to, SyntaxNode at)
    {
        if (from.Equals(to)) return;
        var fromInt = Constant.IsIntegerType(from) || from.Kind == WhammTypeKind.Bool;
        if (to.Kind == WhammTypeKind.Bool)
        {
            if (!fromInt) throw Unsupported($"casting {from} to bool", at);
            if (Wide(from)) b.I64Const(0).Emit(Op.I64Ne); else b.I32Const(0).I32Ne();
            return;
        }
        if (Constant.IsIntegerType(to))
        {
            if (fromInt)
            {
                if (Wide(from) && !Wide(to)) b.I32WrapI64();
                else if (!Wide(from) && Wide(to)) b.Emit(Constant.IsSigned(from) ? Op.I64ExtendI32S : Op.I64ExtendI32U);
                Narrow(b, to);
                return;
            }
            var s = Constant.IsSigned(to);
            var f64 = from.Kind == WhammTypeKind.F64;
            b.Emit(Wide(to)
                ? f64 ? s ? Op.I64TruncF64S : Op.I64TruncF64U : s ? Op.I64TruncF32S : Op.I64TruncF32U
                : f64 ? s ? Op.I32TruncF64S : Op.I32TruncF64U : s ? Op.I32TruncF32S : Op.I32TruncF32U);
            Narrow(b, to);
            return;
        }
        var toF64 = to.Kind == WhammTypeKind.F64;
        if (from.Kind is WhammTypeKind.F32 or WhammTypeKind.F64)
        {
            b.Emit(toF64 ? Op.F64PromoteF32 : Op.F32DemoteF64);
            return;
        }
        var fs = Constant.IsSigned(from);
        b.Emit(Wide(from)
            ? toF64 ? fs ? Op.F64ConvertI64S : Op.F64ConvertI64U : fs ? Op.F32ConvertI64S : Op.F32ConvertI64U
            : toF64 ? fs ? Op.F64ConvertI32S : Op.F64ConvertI32U : fs ? Op.F32ConvertI32S : Op.F32ConvertI32U);
    }

    private static InstrumentationException Unsupported(string what, SyntaxNode at) =>
        new($"{what} is not supported by the rewriter yet", at.Span);
}
