using Whamm.Language.Catalogue;
using Whamm.Language.Syntax;
using Whamm.Language.Text;

namespace Whamm.Language.Semantics;

internal sealed partial class BodyChecker
{
    /// <summary>Checks a probe's predicate: it must be a <c>bool</c>.</summary>
    public void CheckPredicate(ExpressionSyntax predicate)
    {
        var t = Check(predicate, WhammType.Bool);
        if (!t.IsError && t != WhammType.Bool) Report(CheckDiagnostics.PredicateNotBool, predicate.Span, t);
    }

    /// <summary>
    /// Checks statements in order; returns true when they always end in a <c>return</c>. Statements after
    /// one that always returns get the unreachable-code warning (and are still checked).
    /// </summary>
    public bool CheckStatements(IReadOnlyList<StatementSyntax> statements)
    {
        var returns = false;
        for (var i = 0; i < statements.Count; i++)
        {
            if (returns)
            {
                Report(CheckDiagnostics.UnreachableCode, statements[i].Span.Cover(statements[^1].Span));
                for (var j = i; j < statements.Count; j++) CheckStatement(statements[j]);
                return true;
            }
            returns = CheckStatement(statements[i]);
        }
        return returns;
    }

    /// <summary>Checks one statement; returns true when it always returns.</summary>
    public bool CheckStatement(StatementSyntax statement)
    {
        if (kind == BodyKind.Global && statement is IfStatementSyntax or ReturnStatementSyntax)
        {
            var what = statement is IfStatementSyntax ? "an `if` statement" : "a `return` statement";
            Report(CheckDiagnostics.StatementNotAllowedAtGlobalScope, statement.Span, what);
            return false;
        }
        switch (statement)
        {
            case VariableDeclarationSyntax decl:
                CheckDeclaration(decl);
                return false;
            case AssignmentStatementSyntax assignment:
            {
                var target = CheckTarget(assignment.Target);
                var value = Check(assignment.Value, target.IsError ? null : target);
                RequireAssignable(assignment.Value, value, target, "");
                return false;
            }
            case IncrementStatementSyntax increment:
            {
                var target = CheckTarget(increment.Target);
                if (!target.IsError && !target.IsNumeric)
                    Report(CheckDiagnostics.IncrementNeedsNumber, increment.Span, increment.IsDecrement ? "--" : "++", target);
                return false;
            }
            case ExpressionStatementSyntax expression:
                Check(expression.Expression, null);
                return false;
            case ReturnStatementSyntax ret:
                CheckReturn(ret);
                return true;
            case IfStatementSyntax ifs:
            {
                CheckCondition(ifs.Condition);
                var all = CheckStatements(ifs.Then.Statements);
                foreach (var elif in ifs.Elifs)
                {
                    CheckCondition(elif.Condition);
                    all &= CheckStatements(elif.Body.Statements);
                }
                if (ifs.Else is null) return false;
                all &= CheckStatements(ifs.Else.Statements);
                return all;
            }
            default:
                return false;
        }
    }

    private void CheckCondition(ExpressionSyntax condition)
    {
        var t = Check(condition, WhammType.Bool);
        if (!t.IsError && t != WhammType.Bool) Report(CheckDiagnostics.ConditionNotBool, condition.Span, t);
    }

    private void CheckDeclaration(VariableDeclarationSyntax decl)
    {
        ValidateType(decl.Type);
        var type = WhammType.FromSyntax(decl.Type);
        var special = decl.IsReport || decl.IsUnshared;
        DeclaresReport |= decl.IsReport;
        VariableSymbol symbol;
        switch (kind)
        {
            case BodyKind.Global:
                symbol = script.GlobalDeclarations[decl];
                if (decl.IsUnshared && !decl.IsReport)
                    Report(CheckDiagnostics.UnsharedGlobal, ModifierSpan(decl, ModifierKind.Unshared));
                break;
            case BodyKind.Function:
                if (special)
                {
                    var modifier = decl.IsReport ? ModifierKind.Report : ModifierKind.Unshared;
                    Report(CheckDiagnostics.SpecialDeclarationInFunction, ModifierSpan(decl, modifier), SyntaxFacts.GetText(modifier));
                }
                symbol = new VariableSymbol(decl.Name.Text, type, VariableKind.Local, decl.Name.Span, decl.IsReport, decl);
                break;
            default:
                symbol = new VariableSymbol(decl.Name.Text, type, special ? VariableKind.Unshared : VariableKind.Local, decl.Name.Span, decl.IsReport, decl);
                if (!special && type.IsMap) Report(CheckDiagnostics.ProbeLocalMap, decl.Name.Span, decl.Name.Text);
                break;
        }

        if (decl.Initializer is { } init)
        {
            // An unshared/report initializer runs once per match site at initialization time.
            var r = kind == BodyKind.Probe && special ? Restriction.InitTime : Restriction.None;
            var value = WithRestriction(r, () => Check(init, type));
            RequireAssignable(init, value, type, "");
        }
        if (kind != BodyKind.Global) DeclareLocal(symbol, decl.Name);
        symbols[decl] = symbol;
        declared.Add(symbol);
    }

    private static TextSpan ModifierSpan(VariableDeclarationSyntax decl, ModifierKind modifier) =>
        decl.Modifiers.FirstOrDefault(m => m.Kind == modifier)?.Span ?? decl.Span;

    private void CheckReturn(ReturnStatementSyntax ret)
    {
        if (kind == BodyKind.Function)
        {
            var fn = function!;
            if (ret.Value is null)
            {
                if (!fn.ReturnType.IsUnit && !fn.ReturnType.IsError)
                    Report(CheckDiagnostics.MissingReturnValue, ret.Span, fn.Name, fn.ReturnType);
                return;
            }
            if (fn.ReturnType.IsUnit)
            {
                var t = Check(ret.Value, null);
                Report(CheckDiagnostics.ReturnValueInUnitFunction, ret.Value.Span, fn.Name, t.IsError ? "T" : t);
                return;
            }
            var value = Check(ret.Value, fn.ReturnType);
            RequireAssignable(ret.Value, value, fn.ReturnType, $" (the result type of `{fn.Name}`)");
            return;
        }

        // In a probe, `return value;` leaves the value on the stack in place of the replaced instruction's result.
        if (ret.Value is null) return;
        var mode = env!.Mode;
        if (mode == ModeKind.Alt)
        {
            var result = env.AltResultType();
            if (result is { IsUnit: true })
            {
                Check(ret.Value, null);
                Report(CheckDiagnostics.ReturnValueWithoutResult, ret.Value.Span, env.Match.Event?.Name);
            }
            else if (result is not null)
            {
                var value = Check(ret.Value, result);
                RequireAssignable(ret.Value, value, result, $" (the result of `{env.Match.Event?.Name}`)");
            }
            else
            {
                Check(ret.Value, null);
            }
            return;
        }
        Check(ret.Value, null);
        if (mode != ModeKind.BlockAlt)
            Report(CheckDiagnostics.ReturnValueOutsideAlt, ret.Value.Span, env.RuleName);
    }

    /// <summary>Checks the target of an assignment or <c>++</c>; returns the type a value must have.</summary>
    private WhammType CheckTarget(ExpressionSyntax target)
    {
        switch (target)
        {
            case NameExpressionSyntax name:
                return Record(target, CheckNameTarget(name));
            case FieldAccessExpressionSyntax field:
            {
                var root = (ExpressionSyntax)field;
                while (root is FieldAccessExpressionSyntax f) root = f.Target;
                if (root is not NameExpressionSyntax)
                {
                    Check(target, null);
                    Report(CheckDiagnostics.NotAssignable, target.Span, Short(target),
                        "only an element of a tuple variable can be assigned; assign the whole value instead (e.g. `m[k] = (…)`)");
                    return WhammType.Error;
                }
                var tuple = CheckTarget(field.Target);
                return Record(target, TupleElement(field, tuple));
            }
            case IndexExpressionSyntax:
                return Check(target, null);
            default:
                Check(target, null);
                Report(CheckDiagnostics.NotAssignable, target.Span, Short(target), "only variables, map entries `m[k]` and tuple elements `t.0` can be assigned");
                return WhammType.Error;
        }
    }

    private WhammType CheckNameTarget(NameExpressionSyntax name)
    {
        var text = name.Name.Text;
        switch (ResolveName(name))
        {
            case null:
                return WhammType.Error;
            case VariableSymbol { VariableKind: VariableKind.Bound } v:
            {
                var type = UseBound(v, name.Span);
                if (NotAssignableReason(v) is { } reason)
                {
                    Report(CheckDiagnostics.NotAssignable, name.Span, text, reason);
                    return WhammType.Error;
                }
                return type;
            }
            case VariableSymbol { VariableKind: VariableKind.Builtin } v:
                Report(CheckDiagnostics.NotAssignable, name.Span, text, "it is a Whamm built-in constant");
                return v.Type;
            case VariableSymbol v:
                return v.Type;
            case FunctionSymbol:
                Report(CheckDiagnostics.NotAssignable, name.Span, text, "it is a function");
                return WhammType.Error;
            default:
                Report(CheckDiagnostics.NotAssignable, name.Span, text, "it is a library");
                return WhammType.Error;
        }
    }

    /// <summary>
    /// Why a bound variable cannot be assigned, or null: only an instruction's operands (<c>argN</c>) and
    /// results (<c>resN</c>), or aliases of them (<c>addr</c>), can be (reference §1.6, rewriting).
    /// </summary>
    private static string? NotAssignableReason(VariableSymbol v)
    {
        var b = v.Bound!;
        if (b.IsStatic) return $"`{v.Name}` is a static bound variable: its value is fixed at each match site";
        if (ProbeEnvironment.IsArgument(v.Name, b) || ProbeEnvironment.IsResult(v.Name, b)) return null;
        if (b.DerivedFrom is { } derived)
        {
            if (DerivedVariables.AliasOf(derived) is { } alias && IsOperandName(alias)) return null;
            return $"`{v.Name}` is computed by the compiler (from `{derived}`)";
        }
        return "only an instruction's operands (`argN`) and results (`resN`) can be assigned";
    }

    private static bool IsOperandName(string name) =>
        (name.StartsWith("arg", StringComparison.Ordinal) || name.StartsWith("res", StringComparison.Ordinal))
        && name.Length > 3 && name.AsSpan(3).IndexOfAnyExceptInRange('0', '9') < 0;
}
