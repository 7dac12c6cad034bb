using Whamm.Language.Catalogue;
using Whamm.Language.Syntax;
using Whamm.Language.Text;

namespace Whamm.Language.Semantics;

/// <summary>What every body of one script shares: the source, options, and the built-in and script scopes.</summary>
internal sealed class ScriptContext
{
    private readonly Dictionary<(LibrarySymbol, string), FunctionSymbol> libraryFunctions = [];

    public ScriptContext(SourceText source, CheckOptions options)
    {
        Source = source;
        Options = options;
        Builtins = new Scope(null);
        foreach (var v in CoreBuiltins.Variables)
            Builtins.TryDeclare(new VariableSymbol(v.Name, v.Type, VariableKind.Builtin, null, bound: v));
        foreach (var f in CoreBuiltins.Functions)
            Builtins.TryDeclare(FromBoundFunction(f, FunctionKind.Builtin));
        var core = options.UserLibs.GetValueOrDefault(LibrarySignatures.CoreLibraryName) ?? LibrarySignatures.Core;
        Builtins.TryDeclare(new LibrarySymbol(LibrarySignatures.CoreLibraryName, core, null));
        Script = new Scope(Builtins);
    }

    public SourceText Source { get; }

    public CheckOptions Options { get; }

    /// <summary>APP_MEMID, the built-in functions and <c>whamm_core</c>.</summary>
    public Scope Builtins { get; }

    /// <summary>Libraries named by <c>use</c>, user functions and globals.</summary>
    public Scope Script { get; }

    /// <summary>The symbol of each global declaration (declared before any body is checked).</summary>
    public Dictionary<VariableDeclarationSyntax, VariableSymbol> GlobalDeclarations { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Libraries named by <c>use</c> that were not supplied (calls to them are not checked further).</summary>
    public HashSet<string> MissingLibraries { get; } = new(StringComparer.Ordinal);

    /// <summary>The script-level symbols declared by the script, in declaration order (for the bound-variable conflict check).</summary>
    public List<Symbol> ScriptSymbols { get; } = [];

    public static FunctionSymbol FromBoundFunction(BoundFunction f, FunctionKind kind) =>
        new(f.Name, kind, [.. f.Parameters.Select(p => new ParameterInfo(p.Name, p.Type))], f.Result, null, f.IsStatic, definition: f);

    /// <summary>The callable symbol of a library export (one per library and name).</summary>
    public FunctionSymbol LibraryFunction(LibrarySymbol library, LibraryFunction function)
    {
        if (!libraryFunctions.TryGetValue((library, function.Name), out var symbol))
        {
            symbol = new FunctionSymbol(function.Name, FunctionKind.Library, function.Parameters, function.ReturnType, null,
                library: library, libraryFunction: function);
            libraryFunctions.Add((library, function.Name), symbol);
        }
        return symbol;
    }

    /// <summary>The methods of <c>str</c> values (reference §1.10), folded when the receiver is constant.</summary>
    public static IReadOnlyDictionary<string, FunctionSymbol> StringMethods { get; } = new Dictionary<string, FunctionSymbol>(StringComparer.Ordinal)
    {
        ["len"] = new("len", FunctionKind.StringMethod, [], WhammType.U32, null, isStatic: true),
        ["addr"] = new("addr", FunctionKind.StringMethod, [], WhammType.U32, null, isStatic: true),
        ["starts_with"] = new("starts_with", FunctionKind.StringMethod, [new("prefix", WhammType.Str)], WhammType.Bool, null, isStatic: true),
        ["ends_with"] = new("ends_with", FunctionKind.StringMethod, [new("suffix", WhammType.Str)], WhammType.Bool, null, isStatic: true),
        ["contains"] = new("contains", FunctionKind.StringMethod, [new("needle", WhammType.Str)], WhammType.Bool, null, isStatic: true),
    };
}
