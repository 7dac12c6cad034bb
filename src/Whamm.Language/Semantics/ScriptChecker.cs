using Whamm.Language.Catalogue;
using Whamm.Language.Diagnostics;
using Whamm.Language.Syntax;
using Whamm.Language.Text;

namespace Whamm.Language.Semantics;

/// <summary>
/// Checks a whole script: declares the libraries, functions and globals (so order of declaration does
/// not matter, as in Whamm 1.0), checks the global statements and the function bodies, then each probe
/// (<see cref="ProbeChecker"/>).
/// </summary>
internal sealed class ScriptChecker
{
    private readonly ScriptSyntax syntax;
    private readonly ScriptContext context;
    private readonly DiagnosticBag diagnostics = new();
    private readonly List<LibrarySymbol> libraries = [];
    private readonly List<VariableSymbol> globals = [];
    private readonly List<FunctionSymbol> functions = [];

    public ScriptChecker(ScriptSyntax syntax, CheckOptions options)
    {
        this.syntax = syntax;
        context = new ScriptContext(syntax.Source, options);
    }

    private SourceText Source => syntax.Source;

    public CheckedScript Run(IReadOnlyList<Diagnostic> parseDiagnostics)
    {
        diagnostics.AddRange(parseDiagnostics);
        var empty = new SemanticModel(new(ReferenceEqualityComparer.Instance), new(ReferenceEqualityComparer.Instance), []);
        if (diagnostics.HasErrors)
            return new CheckedScript(syntax, diagnostics.ToSortedList(), [], [], [], [], empty, false);

        DeclareLibraries();
        DeclareFunctions();
        DeclareGlobals();

        var global = new BodyChecker(context, BodyKind.Global);
        foreach (var statement in syntax.GlobalStatements) global.CheckStatement(statement);
        diagnostics.AddRange(global.Diagnostics);
        var hasReports = global.DeclaresReport;

        var checkedFunctions = new List<CheckedFunction>();
        foreach (var f in functions)
        {
            var body = new BodyChecker(context, BodyKind.Function, function: f);
            body.DeclareParameters(f.Syntax!);
            var returns = body.CheckStatements(f.Syntax!.Body.Statements);
            diagnostics.AddRange(body.Diagnostics);
            if (!returns && !f.ReturnType.IsUnit && !f.ReturnType.IsError)
                diagnostics.Add(CheckDiagnostics.NotAllPathsReturn.Create(Source, f.Syntax.Name.Span, f.Name, f.ReturnType));
            checkedFunctions.Add(new CheckedFunction(f, body.BuildModel()));
        }

        var probes = new List<CheckedProbe>();
        var index = 0;
        foreach (var probe in syntax.Probes)
        {
            var checker = new ProbeChecker(context, probe, index++, diagnostics);
            probes.Add(checker.Run());
            hasReports |= checker.DeclaresReport || checker.IsReportProbe;
        }

        return new CheckedScript(syntax, diagnostics.ToSortedList(), [.. globals], [.. checkedFunctions], [.. libraries], [.. probes], global.BuildModel(), hasReports);
    }

    /// <summary>Declares a script-level symbol, reporting clashes with the script's other names and the built-ins.</summary>
    private bool Declare(Symbol symbol, TextSpan span)
    {
        if (symbol.Name.Length == 0) return false;
        if (context.Script.LookupHere(symbol.Name) is { } existing)
        {
            diagnostics.Add(CheckDiagnostics.DuplicateDefinition.Create(Source, span, symbol.Name)
                .WithLabel(existing.DeclarationSpan ?? span, $"other definition for `{symbol.Name}`"));
            return false;
        }
        if (context.Builtins.LookupHere(symbol.Name) is { } builtin && !(symbol is LibrarySymbol { IsCore: true }))
        {
            var what = builtin switch
            {
                VariableSymbol => "a Whamm built-in variable",
                LibrarySymbol => "the core library",
                _ => "a Whamm built-in function",
            };
            diagnostics.Add(CheckDiagnostics.ShadowsCompilerDefinition.Create(Source, span, symbol.Name, what));
        }
        context.Script.TryDeclare(symbol);
        context.ScriptSymbols.Add(symbol);
        return true;
    }

    private void DeclareLibraries()
    {
        foreach (var use in syntax.Uses)
        {
            var name = use.Library.Text;
            if (use.Library.IsMissing) continue;
            LibrarySignatures signatures;
            if (context.Options.UserLibs.TryGetValue(name, out var given))
            {
                signatures = given;
            }
            else if (name == LibrarySignatures.CoreLibraryName)
            {
                signatures = LibrarySignatures.Core;
            }
            else
            {
                diagnostics.Add(CheckDiagnostics.LibraryNotConfigured.Create(Source, use.Library.Span, name));
                context.MissingLibraries.Add(name);
                signatures = new LibrarySignatures([], null);
            }
            var library = new LibrarySymbol(name, signatures, use.Library.Span);
            if (Declare(library, use.Library.Span)) libraries.Add(library);
        }
    }

    private void DeclareFunctions()
    {
        foreach (var fn in syntax.Functions)
        {
            var parameters = fn.Parameters.Select(p => new ParameterInfo(p.Name.Text, WhammType.FromSyntax(p.Type))).ToList();
            var result = fn.ReturnType is null ? WhammType.Unit : WhammType.FromSyntax(fn.ReturnType);
            var symbol = new FunctionSymbol(fn.Name.Text, FunctionKind.User, parameters, result, fn.Name.Span, syntax: fn);
            Declare(symbol, fn.Name.Span);
            functions.Add(symbol);
        }
    }

    private void DeclareGlobals()
    {
        foreach (var statement in syntax.GlobalStatements)
        {
            if (statement is not VariableDeclarationSyntax decl) continue;
            var symbol = new VariableSymbol(decl.Name.Text, WhammType.FromSyntax(decl.Type), VariableKind.Global, decl.Name.Span, decl.IsReport, decl);
            context.GlobalDeclarations[decl] = symbol;
            if (Declare(symbol, decl.Name.Span)) globals.Add(symbol);
        }
    }
}
