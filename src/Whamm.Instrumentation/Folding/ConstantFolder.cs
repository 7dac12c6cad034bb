using Whamm.Language.Semantics;
using Whamm.Language.Syntax;

namespace Whamm.Instrumentation.Folding;

/// <summary>
/// Folds the predicate and body of a probe at one site (reference §3.2): static bound variables become their
/// site values, constant subexpressions are evaluated with the run-time semantics (wrapping integer arithmetic
/// in the Wasm width, then narrowed to the Whamm type), and <c>&amp;&amp;</c>/<c>||</c>/<c>!</c>/ternaries
/// simplify. The result is a map from the original nodes to their constant values, so a folded node keeps
/// its node and span (DECISIONS, STYLE 6); code generation emits a constant wherever the map has one.
/// </summary>
internal sealed class ConstantFolder
{
    private readonly SemanticModel model;
    private readonly Func<VariableSymbol, Constant?> staticValue;
    private readonly ModuleFacts? facts;
    private readonly StaticCalls? calls;

    /// <summary>
    /// A folder for one body: <paramref name="staticValue"/> gives the site's static bound variables; <paramref name="facts"/>
    /// the application's memories for the static built-ins (<see cref="BuiltinFolding"/>); <paramref name="calls"/> evaluates
    /// <c>@static</c> library calls and <c>memid</c> of libraries.
    /// </summary>
    public ConstantFolder(SemanticModel model, Func<VariableSymbol, Constant?> staticValue, ModuleFacts? facts = null, StaticCalls? calls = null)
    {
        this.model = model;
        this.staticValue = staticValue;
        this.facts = facts;
        this.calls = calls;
    }

    /// <summary>Folded nodes of everything folded so far.</summary>
    public Dictionary<ExpressionSyntax, Constant> Constants { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Whether folding consulted the library calls (<c>@static</c>, <c>memid</c>), whose answers need not repeat.</summary>
    public bool CalledLibrary { get; private set; }

    /// <summary>Folds every expression of <paramref name="body"/>.</summary>
    public void FoldBlock(BlockSyntax? body)
    {
        if (body is null) return;
        foreach (var node in body.DescendantExpressions()) Fold(node);
    }

    /// <summary>The constant value of <paramref name="e"/>, or null when it stays a run-time expression.</summary>
    public Constant? Fold(ExpressionSyntax e)
    {
        if (Constants.TryGetValue(e, out var known)) return known;
        var c = Compute(e);
        if (c is not null) Constants[e] = c;
        return c;
    }

    private WhammType TypeOf(ExpressionSyntax e) => model.TypeOf(e) ?? WhammType.Error;

    private Constant? Compute(ExpressionSyntax e)
    {
        switch (e)
        {
            case IntegerLiteralSyntax i:
            {
                var t = TypeOf(e);
                if (t.Kind is WhammTypeKind.F32 or WhammTypeKind.F64) return Constant.OfFloat(t, (double)i.Value);
                return Constant.Integer(t, (long)(ulong)(i.Value & ulong.MaxValue));
            }
            case FloatLiteralSyntax f:
            {
                var t = TypeOf(e);
                return Constant.OfFloat(t, t.Kind == WhammTypeKind.F32 ? f.SingleValue : f.Value);
            }
            case BooleanLiteralSyntax b: return Constant.Of(b.Value);
            case StringLiteralSyntax s: return Constant.OfString(s.Value);
            case NameExpressionSyntax n when model.SymbolOf(n) is VariableSymbol { VariableKind: VariableKind.Builtin } builtin:
                return BuiltinFolding.Variable(builtin, facts, n.Span);
            case NameExpressionSyntax n:
                return model.SymbolOf(n) is VariableSymbol { IsStatic: true } v ? staticValue(v) : null;
            case CallExpressionSyntax call:
            {
                var receiver = call.Receiver is null ? null : Fold(call.Receiver);
                var args = call.Arguments.Select(Fold).ToArray();
                if (model.SymbolOf(call) is FunctionSymbol f && BuiltinFolding.Call(call, f, receiver, args, facts) is { } builtin) return builtin;
                if (calls is null) return null;
                CalledLibrary = true;
                return calls.Fold(call, model, Fold);
            }
            case UnaryExpressionSyntax u:
            {
                var x = Fold(u.Operand);
                return x is null ? null : Arithmetic.Unary(u.Operator, x, TypeOf(e));
            }
            case BinaryExpressionSyntax b:
            {
                var l = Fold(b.Left);
                var r = Fold(b.Right);
                switch (b.Operator)
                {
                    case BinaryOperator.LogicalAnd:
                        if (l is { Boolean: false } || r is { Boolean: false } && l is not null) return Constant.Of(false);
                        return l is not null && r is not null ? Constant.Of(l.Boolean && r.Boolean) : null;
                    case BinaryOperator.LogicalOr:
                        if (l is { Boolean: true }) return Constant.Of(true);
                        return l is not null && r is not null ? Constant.Of(l.Boolean || r.Boolean) : null;
                }
                return l is null || r is null ? null : Arithmetic.Binary(b.Operator, l, r, TypeOf(e), e.Span);
            }
            case TernaryExpressionSyntax t:
            {
                var c = Fold(t.Condition);
                var a = Fold(t.WhenTrue);
                var f = Fold(t.WhenFalse);
                return c is null ? null : c.Boolean ? a : f;
            }
            case CastExpressionSyntax c:
            {
                var x = Fold(c.Operand);
                return x is null ? null : Arithmetic.Cast(x, TypeOf(e), e.Span);
            }
            default:
                foreach (var child in e.ChildNodes().OfType<ExpressionSyntax>()) Fold(child);
                return null;
        }
    }
}

/// <summary>Walks syntax trees.</summary>
internal static class SyntaxWalk
{
    /// <summary>The outermost expressions below <paramref name="node"/> (the folder recurses into them itself).</summary>
    public static IEnumerable<ExpressionSyntax> DescendantExpressions(this SyntaxNode node)
    {
        foreach (var child in node.ChildNodes())
        {
            if (child is ExpressionSyntax e) yield return e;
            else foreach (var d in child.DescendantExpressions()) yield return d;
        }
    }
}
