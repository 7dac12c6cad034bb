using Whamm.Language.Catalogue;
using Whamm.Language.Diagnostics;
using Whamm.Language.Syntax;
using Whamm.Language.Text;

namespace Whamm.Language.Semantics;

/// <summary>Which kind of body is being checked.</summary>
internal enum BodyKind
{
    /// <summary>The script's global statements.</summary>
    Global,
    /// <summary>A <c>fn</c> body.</summary>
    Function,
    /// <summary>A probe's predicate and body, for one group of matches.</summary>
    Probe,
}

/// <summary>When an expression will be evaluated, which limits what it may use.</summary>
internal enum Restriction
{
    /// <summary>At run time: anything goes.</summary>
    None,
    /// <summary>Once per match site at initialization (<c>unshared</c>/<c>report</c> initializers, <c>@init</c> calls): no probe-local state.</summary>
    InitTime,
    /// <summary>At compile time (<c>@static</c> arguments): constants only.</summary>
    CompileTime,
}

/// <summary>
/// Checks one body (the global statements, a function, or a probe for one group of matches) and builds
/// its <see cref="SemanticModel"/>. Expressions are checked with an optional type hint that literal-like
/// expressions adopt (<see cref="LiteralTyping"/>); operator chains are walked iteratively, and a stack
/// guard turns anything deeper than the stack allows into a diagnostic.
/// </summary>
internal sealed partial class BodyChecker
{
    private readonly ScriptContext script;
    private readonly BodyKind kind;
    private readonly Scope scope;
    private readonly ProbeEnvironment? env;
    private readonly FunctionSymbol? function;
    private readonly SourceText source;
    private readonly Dictionary<SyntaxNode, WhammType> types = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<SyntaxNode, Symbol> symbols = new(ReferenceEqualityComparer.Instance);
    private readonly List<VariableSymbol> declared = [];
    private readonly LiteralTyping literals = new();
    private readonly Dictionary<string, Symbol?> boundSymbols = new(StringComparer.Ordinal);
    private readonly HashSet<string> boundUseSet = new(StringComparer.Ordinal);
    private Restriction restriction;

    public BodyChecker(ScriptContext script, BodyKind kind, ProbeEnvironment? env = null, FunctionSymbol? function = null)
    {
        this.script = script;
        this.kind = kind;
        this.env = env;
        this.function = function;
        source = script.Source;
        scope = kind == BodyKind.Global ? script.Script : new Scope(script.Script);
    }

    /// <summary>The diagnostics of this body, in the order found.</summary>
    public List<Diagnostic> Diagnostics { get; } = [];

    /// <summary>Bound variables named in the body, in order of first use.</summary>
    public List<string> BoundUses { get; } = [];

    /// <summary>True when the body declares a <c>report</c> variable.</summary>
    public bool DeclaresReport { get; private set; }

    /// <summary>The model of everything checked so far.</summary>
    public SemanticModel BuildModel() => new(types, symbols, [.. declared]);

    // ---- diagnostics -------------------------------------------------------------------------

    private Diagnostic Report(DiagnosticDescriptor descriptor, TextSpan span, params object?[] args)
    {
        var d = descriptor.Create(source, span, args);
        Diagnostics.Add(d);
        return d;
    }

    private void ReportWithLabel(DiagnosticDescriptor descriptor, TextSpan span, TextSpan? labelSpan, string label, params object?[] args)
    {
        var d = descriptor.Create(source, span, args);
        if (labelSpan is { } l) d = d.WithLabel(l, label);
        Diagnostics.Add(d);
    }

    private WhammType Record(SyntaxNode node, WhammType type)
    {
        types[node] = type;
        return type;
    }

    /// <summary>An expression as text for a message, cut short when long.</summary>
    private static string Short(ExpressionSyntax e)
    {
        const int Max = 40;
        var text = e.ToString();
        return text.Length <= Max ? text : text[..(Max - 1)] + "…";
    }

    // ---- names -------------------------------------------------------------------------------

    /// <summary>
    /// Resolves a name: the body's own variables, then (in a probe) the event's bound variables and
    /// functions, then the script's globals, functions and libraries, then the built-ins.
    /// </summary>
    /// <summary>Looks a name up and records its symbol; null (already reported) when it is missing or unknown.</summary>
    private Symbol? ResolveName(NameExpressionSyntax name)
    {
        if (name.Name.IsMissing) return null;
        var symbol = Lookup(name.Name.Text);
        if (symbol is null) ReportNotFound(name.Name.Text, name.Span);
        else symbols[name] = symbol;
        return symbol;
    }

    private Symbol? Lookup(string name)
    {
        if (scope.LookupHere(name) is { } own) return own;
        if (ResolveBound(name) is { } bound) return bound;
        return scope.Parent?.Lookup(name);
    }

    /// <summary>The event's bound variable or function called <paramref name="name"/> (one symbol per name for this body).</summary>
    private Symbol? ResolveBound(string name)
    {
        if (env is null) return null;
        if (boundSymbols.TryGetValue(name, out var cached)) return cached;
        Symbol? symbol = null;
        if (env.FindVariable(name) is { } v)
        {
            env.TypeBounds.TryGetValue(name, out var bound);
            symbol = new VariableSymbol(name, env.TypeOf(name, v), VariableKind.Bound, null, bound: v, typeBound: bound.Syntax?.Type);
        }
        else if (env.FindFunction(name) is { } f)
        {
            symbol = ScriptContext.FromBoundFunction(f, FunctionKind.Bound);
        }
        boundSymbols[name] = symbol;
        return symbol;
    }

    /// <summary>Notes the use of a bound variable and checks it is usable here; returns the type to use.</summary>
    private WhammType UseBound(VariableSymbol variable, TextSpan span)
    {
        if (boundUseSet.Add(variable.Name)) BoundUses.Add(variable.Name);
        var v = variable.Bound!;
        if (v.EngineOnly) Report(CheckDiagnostics.EngineOnlyVariable, span, variable.Name);
        if (env!.Mode != ModeKind.After && env.ResultDependency(variable.Name) is { } result)
        {
            var why = result == variable.Name
                ? $"the results of `{env.Match.Event?.Name}` exist only after it runs, and `{env.RuleName}` runs {ModeText(env.Match.Mode)}"
                : $"it is computed from `{result}`, a result of `{env.Match.Event?.Name}` that exists only after it runs, and `{env.RuleName}` runs {ModeText(env.Match.Mode)}";
            Report(CheckDiagnostics.ResultOutsideAfter, span, variable.Name, why);
            return WhammType.Error;
        }
        if (variable.Type.Kind == WhammTypeKind.Unknown)
        {
            Report(CheckDiagnostics.NeedsTypeBound, span, variable.Name, env.RuleName, ExampleBound(variable.Name));
            return WhammType.Error;
        }
        return variable.Type;
    }

    private static string ModeText(ProbeMode? mode) => mode is null ? "at the event" : $"in mode `{mode.Name}`";

    /// <summary>The rule of the representative match with a type bound for <paramref name="name"/> on the part that binds it.</summary>
    private string ExampleBound(string name)
    {
        var m = env!.Match;
        var bound = $"({name}: i32)";
        var onProvider = m.Event?.FindVariable(name) is null && m.Package?.FindVariable(name) is null;
        var parts = new List<string> { m.Provider.Name + (onProvider ? bound : "") };
        if (m.Package is not null) parts.Add(m.Package.Name);
        if (m.Event is not null) parts.Add(m.Event.Name + (onProvider ? "" : bound));
        if (m.Mode is not null) parts.Add(m.Mode.Name);
        return string.Join(":", parts);
    }

    /// <summary>The hint after "`x` not found in symbol table".</summary>
    private string NotFoundHint(string name)
    {
        if (script.Options.UserLibs.ContainsKey(name))
            return $" (add `use {name};` before the first probe to use the library `{name}`)";
        if (env is not null)
        {
            if (env.Match.Event is null)
                return $" (`{env.RuleName}` has no match site, so it binds no variables)";
            if (LooksBound(name))
                return $" (`{env.RuleName}` binds no `{name}`)";
            return BoundNameIndex.WhereBound(name) is { } where ? $" (`{name}` is bound only by {where})" : "";
        }
        if (BoundNameIndex.WhereBound(name) is not null || LooksBound(name))
            return $" (bound variables such as `{name}` exist only in probe predicates and bodies)";
        return "";
    }

    /// <summary>Reports a name that resolves to nothing.</summary>
    private void ReportNotFound(string name, Text.TextSpan span)
    {
        if (script.Options.UserLibs.ContainsKey(name))
            Report(CheckDiagnostics.LibraryNotImported, span, name);
        else
            Report(CheckDiagnostics.NameNotFound, span, name, NotFoundHint(name));
    }

    private static bool LooksBound(string name)
    {
        foreach (var prefix in (string[])["arg", "res", "local", "imm"])
        {
            if (name.Length > prefix.Length && name.StartsWith(prefix, StringComparison.Ordinal)
                && name.AsSpan(prefix.Length).IndexOfAnyExceptInRange('0', '9') < 0)
                return true;
        }
        return false;
    }

    /// <summary>What a symbol is, for "already defined" messages.</summary>
    private string Describe(Symbol symbol) => symbol switch
    {
        VariableSymbol { VariableKind: VariableKind.Bound } => $"a bound variable of `{env?.RuleName}`",
        VariableSymbol { VariableKind: VariableKind.Builtin } => "a Whamm built-in variable",
        FunctionSymbol { FunctionKind: FunctionKind.Bound } => $"a function of `{env?.RuleName}`",
        FunctionSymbol { FunctionKind: FunctionKind.Builtin } => "a Whamm built-in function",
        LibrarySymbol { IsCore: true } => "the core library",
        LibrarySymbol => "a library",
        FunctionSymbol => "a function",
        _ => "a variable",
    };

    // ---- restrictions ------------------------------------------------------------------------

    private void CheckRestriction(VariableSymbol v, TextSpan span)
    {
        if (restriction == Restriction.None) return;
        var runTimeState = v.VariableKind is VariableKind.Local or VariableKind.Parameter or VariableKind.Unshared
            || (v.VariableKind == VariableKind.Bound && !v.IsStatic);
        if (restriction == Restriction.InitTime && runTimeState)
        {
            var what = v.VariableKind == VariableKind.Bound ? "a run-time value of the event" : "probe-local state";
            Report(CheckDiagnostics.ProbeStateInInitializer, span, $" (`{v.Name}` is {what})");
        }
        else if (restriction == Restriction.CompileTime && (runTimeState || v.VariableKind == VariableKind.Global))
        {
            Report(CheckDiagnostics.NotStatic, span, $"`{v.Name}`", v.VariableKind == VariableKind.Global ? " (a global changes at run time)" : "");
        }
    }

    private void CheckRestriction(FunctionSymbol f, CallExpressionSyntax call)
    {
        if (restriction == Restriction.None) return;
        var allowed = f.FunctionKind switch
        {
            FunctionKind.StringMethod => true,
            FunctionKind.Builtin => f.IsStatic,
            FunctionKind.Library => restriction == Restriction.InitTime || call.Annotation == CallAnnotation.Static,
            _ => false,
        };
        if (allowed) return;
        if (restriction == Restriction.InitTime)
            Report(CheckDiagnostics.DynamicFunctionInInitializer, call.Span, $" (`{f.DisplayName}` runs at run time)");
        else
            Report(CheckDiagnostics.NotStatic, call.Span, $"the call `{f.DisplayName}(…)`", f.FunctionKind == FunctionKind.Library
                ? $" (write `@static {f.DisplayName}(…)` to run it at compile time too)"
                : "");
    }

    private T WithRestriction<T>(Restriction r, Func<T> action)
    {
        var saved = restriction;
        if (r > restriction) restriction = r;
        try
        {
            return action();
        }
        finally
        {
            restriction = saved;
        }
    }

    // ---- declarations ------------------------------------------------------------------------

    /// <summary>Declares a body-local variable or parameter, reporting clashes (Whamm forbids shadowing).</summary>
    private void DeclareLocal(VariableSymbol symbol, IdentifierSyntax name)
    {
        if (name.IsMissing) return;
        var existing = scope.LookupHere(symbol.Name) ?? ResolveBound(symbol.Name) ?? scope.Parent?.Lookup(symbol.Name);
        if (existing is not null)
        {
            if (existing.IsCompilerDefined)
                Report(CheckDiagnostics.ShadowsCompilerDefinition, name.Span, symbol.Name, Describe(existing));
            else
                ReportWithLabel(CheckDiagnostics.DuplicateDefinition, name.Span, existing.DeclarationSpan, $"other definition for `{symbol.Name}`", symbol.Name);
        }
        if (scope.LookupHere(symbol.Name) is null) scope.TryDeclare(symbol);
    }

    /// <summary>Declares the parameters of the function being checked.</summary>
    public void DeclareParameters(FunctionSyntax syntax)
    {
        for (var i = 0; i < syntax.Parameters.Count; i++)
        {
            var p = syntax.Parameters[i];
            ValidateType(p.Type);
            var symbol = new VariableSymbol(p.Name.Text, function!.Parameters[i].Type, VariableKind.Parameter, p.Name.Span);
            DeclareLocal(symbol, p.Name);
            symbols[p] = symbol;
            declared.Add(symbol);
        }
    }

    /// <summary>Reports map-keyed maps and maps inside tuples in a written type.</summary>
    private void ValidateType(TypeSyntax type)
    {
        switch (type)
        {
            case MapTypeSyntax map:
                if (map.Key is MapTypeSyntax) Report(CheckDiagnostics.MapKeyIsMap, map.Key.Span);
                ValidateType(map.Key);
                ValidateType(map.Value);
                break;
            case TupleTypeSyntax tuple:
                foreach (var e in tuple.Elements)
                {
                    if (e is MapTypeSyntax) Report(CheckDiagnostics.TupleContainsMap, e.Span);
                    ValidateType(e);
                }
                break;
        }
    }

    /// <summary>
    /// Reports script globals and functions whose names the event also binds (the reference's
    /// "compiler-function overload" error: a probe would not know which one is meant).
    /// </summary>
    public void CheckScriptNamesAgainstEvent()
    {
        foreach (var s in script.ScriptSymbols)
        {
            if (s.DeclarationSpan is { } span && ResolveBound(s.Name) is { } bound)
                Report(CheckDiagnostics.ShadowsCompilerDefinition, span, s.Name, Describe(bound));
        }
    }
}
