using Whamm.Language.Semantics;
using Whamm.Language.Syntax;
using Whamm.Wasm.Binary;
using Whamm.Wasm.Editing;
using Whamm.Wasm.Model;
using Whamm.Wasm.Reading;
using Whamm.Wasm.Types;

namespace Whamm.Instrumentation.State;

/// <summary>
/// The user libraries as the instrumented module reaches them (reference §1.9). Imported (the default): every library
/// function the script calls at run time becomes <c>(import "MODULE" "fn")</c>, and <c>memid(LIB)</c> imports the
/// library's exported memory; all of them are added before anything is defined, because imports renumber. Merged
/// (<see cref="LinkStrategy.Merged"/>): the library's own imports are added first, and after the core library the
/// library itself is linked in (<see cref="ModuleEditor.Link"/>), its start function or <c>_initialize</c> run at
/// start-up. <c>@init</c> calls of probes are gathered here, one per site, into a start-up function.
/// <code>
/// ;; use cache;  wasm:opcode:i32.load:before { cache.access(effective_addr as i32); }
/// (import "cache" "access" (func $cache.access (param i32) (result i32)))   ;; imported
/// (func $cache:access (param i32) (result i32) ...)                       ;; merged: the library's code, renamed
/// </code>
/// </summary>
internal sealed class LibraryBinding
{
    private readonly Dictionary<(string Library, string Function), uint> functions = [];
    private readonly Dictionary<string, uint> memories = new(StringComparer.Ordinal);
    private readonly List<(string Name, Module Module)> toMerge = [];
    private readonly List<uint> startCalls = [];
    private readonly List<ValType> initLocals = [];

    private LibraryBinding()
    {
    }

    /// <summary>A binding for a script that uses no library.</summary>
    public static LibraryBinding None { get; } = new();

    /// <summary>
    /// Adds the imports of every library the script uses at run time (before anything is defined); merged
    /// libraries are linked later by <see cref="Merge"/>.
    /// </summary>
    public static LibraryBinding Bind(ModuleEditor editor, CheckedScript script, InstrumentOptions options)
    {
        var uses = RunTimeUses(script);
        if (uses.Count == 0) return None;
        var binding = new LibraryBinding();
        foreach (var (name, use) in uses)
        {
            var input = options.Libraries.FirstOrDefault(l => l.Name == name)
                ?? throw new InstrumentationException($"the script uses the library `{name}`, but its module was not given (--user-libs {name}=lib.wasm)");
            var module = Read(input);
            if (options.LinkStrategy == LinkStrategy.Merged)
            {
                AddImportsOf(editor, module);
                binding.toMerge.Add((name, module));
                continue;
            }
            foreach (var fn in use.Functions)
                binding.functions[(name, fn)] = editor.AddFunctionImport(input.Module, fn, ExportedType(module, name, fn));
            if (use.Memory)
            {
                var memory = MemoryExport(module, name);
                binding.memories[name] = editor.AddMemoryImport(input.Module, memory, module.MemoryType(Export(module, name, memory, ExternalKind.Memory)));
            }
        }
        return binding;
    }

    /// <summary>Links the merged libraries in (after the core library, whose linking adds an import too).</summary>
    public void Merge(ModuleEditor editor)
    {
        foreach (var (name, module) in toMerge)
        {
            LinkedLibrary linked;
            try
            {
                linked = editor.Link(module, new LinkOptions { NamePrefix = name + ":" });
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                throw new InstrumentationException($"the library `{name}` cannot be merged: {e.Message}");
            }
            foreach (var export in module.Exports)
            {
                if (export.Kind == ExternalKind.Func) functions[(name, export.Name)] = linked.Functions[(int)export.Index];
                else if (export.Kind == ExternalKind.Memory) memories.TryAdd(name, linked.Memories[(int)export.Index]);
            }
            if (module.Start is { } start) startCalls.Add(linked.Functions[(int)start]);
            if (functions.TryGetValue((name, "_initialize"), out var initialize)) startCalls.Add(initialize);
        }
    }

    /// <summary>The function index of <c>LIB.FN</c>, which the pre-scan found.</summary>
    public uint Function(string library, string function) =>
        functions.TryGetValue((library, function), out var index)
            ? index
            : throw new InstrumentationException($"internal error: `{library}.{function}` was not imported", isInternal: true);

    /// <summary>The memory index of <c>memid(LIB)</c> for a user library, or null when it has none here.</summary>
    public uint? Memory(string library) => memories.TryGetValue(library, out var index) ? index : null;

    /// <summary>Start-up code of the <c>@init</c> calls of probes, one per site, in injection order.</summary>
    public InstructionBuilder SiteInit { get; } = new();

    /// <summary>A local of the function <see cref="SiteInit"/> becomes.</summary>
    public uint InitLocal(ValType type)
    {
        initLocals.Add(type);
        return (uint)(initLocals.Count - 1);
    }

    /// <summary>
    /// The function that starts merged libraries and runs the <c>@init</c> calls (<c>whamm_init_sites</c>), called
    /// at start-up right after the core library is set up; null when there is nothing to run.
    /// </summary>
    public uint? AddInitFunction(ModuleEditor editor)
    {
        if (startCalls.Count == 0 && SiteInit.Length == 0) return null;
        var body = new InstructionBuilder();
        foreach (var f in startCalls) body.Call(f);
        body.Append(SiteInit);
        var function = editor.AddFunction(editor.AddType([], []), body, initLocals);
        editor.SetFunctionName(function, "whamm_init_sites");
        return function;
    }

    private sealed record Use(SortedSet<string> Functions)
    {
        public bool Memory { get; set; }
    }

    /// <summary>
    /// The user-library functions called at run time (not <c>@static</c>) and the libraries named by <c>memid</c>,
    /// from the syntax of every body (a library cannot be shadowed, so its name identifies it).
    /// </summary>
    private static SortedDictionary<string, Use> RunTimeUses(CheckedScript script)
    {
        var names = script.Libraries.Where(l => !l.IsCore).Select(l => l.Name).ToHashSet(StringComparer.Ordinal);
        var uses = new SortedDictionary<string, Use>(StringComparer.Ordinal);
        Use UseOf(string name) => uses.TryGetValue(name, out var u) ? u : uses[name] = new Use(new SortedSet<string>(StringComparer.Ordinal));
        if (names.Count == 0) return uses;
        var roots = script.Syntax.GlobalStatements.Cast<SyntaxNode>()
            .Concat(script.Syntax.Probes)
            .Concat(script.Functions.Select(f => (SyntaxNode)f.Symbol.Syntax!));
        foreach (var node in roots.SelectMany(r => r.DescendantNodesAndSelf()))
        {
            if (node is not CallExpressionSyntax call) continue;
            if (call.Receiver is NameExpressionSyntax r && names.Contains(r.Name.Text) && call.Annotation != CallAnnotation.Static)
                UseOf(r.Name.Text).Functions.Add(call.Name.Text);
            else if (call is { Receiver: null, Name.Text: "memid", Arguments: [NameExpressionSyntax lib] } && names.Contains(lib.Name.Text))
                UseOf(lib.Name.Text).Memory = true;
        }
        return uses;
    }

    private static Module Read(InstrumentLibrary input)
    {
        try
        {
            return ModuleReader.Read(input.Binary);
        }
        catch (WasmException e)
        {
            throw new InstrumentationException($"the library `{input.Name}` is not a valid module: {e.Message}");
        }
    }

    /// <summary>Adds the library's imports the application lacks, so that linking it later adds none (definitions exist by then).</summary>
    private static void AddImportsOf(ModuleEditor editor, Module library)
    {
        foreach (var import in library.Imports)
        {
            if (import.Kind != ExternalKind.Func || library.Types[(int)import.FuncType].Composite is not FuncType type) continue;
            var existing = editor.Module.Imports.Any(i => i.Kind == ExternalKind.Func && i.Module == import.Module && i.Name == import.Name
                && editor.Module.Types[(int)i.FuncType].Composite is FuncType t && t.Equals(type));
            if (!existing) editor.AddFunctionImport(import.Module, import.Name, type);
        }
    }

    private static uint Export(Module module, string library, string name, ExternalKind kind) =>
        module.Exports.FirstOrDefault(e => e.Kind == kind && e.Name == name)?.Index
        ?? throw new InstrumentationException($"the library `{library}` exports no {kind.ToString().ToLowerInvariant()} `{name}`");

    private static FuncType ExportedType(Module module, string library, string function) =>
        module.FunctionType(Export(module, library, function, ExternalKind.Func));

    private static string MemoryExport(Module module, string library) =>
        module.Exports.FirstOrDefault(e => e.Kind == ExternalKind.Memory)?.Name
        ?? throw new InstrumentationException($"`memid({library})`: the library exports no memory");
}
