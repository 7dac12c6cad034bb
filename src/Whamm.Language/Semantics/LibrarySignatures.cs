using Whamm.Wasm.Binary;
using Whamm.Wasm.Model;
using Whamm.Wasm.Reading;
using Whamm.Wasm.Types;

namespace Whamm.Language.Semantics;

/// <summary>
/// One exported function of a library as a script sees it (reference §1.9): its Wasm type, and the
/// Whamm signature when every parameter and result maps to a Whamm type (<c>i32</c>, <c>i64</c>,
/// <c>f32</c>, <c>f64</c>, <c>funcref</c>) and there is at most one result; otherwise
/// <see cref="UnsupportedReason"/> says why scripts cannot call it.
/// </summary>
public sealed class LibraryFunction
{
    /// <summary>A function with the given export name and Wasm type (<paramref name="doc"/> for documentation).</summary>
    public LibraryFunction(string name, FuncType wasmType, string? doc = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(wasmType);
        Name = name;
        WasmType = wasmType;
        Doc = doc;
        var parameters = new List<ParameterInfo>();
        for (var i = 0; i < wasmType.Params.Length; i++)
        {
            if (WhammType.FromWasm(wasmType.Params[i]) is { } t)
            {
                parameters.Add(new ParameterInfo($"p{i}", t));
            }
            else
            {
                UnsupportedReason ??= $"parameter {i} has the Wasm type {wasmType.Params[i]}, which has no Whamm type";
            }
        }
        Parameters = parameters;
        if (wasmType.Results.Length > 1)
        {
            UnsupportedReason ??= $"it returns {wasmType.Results.Length} values, and functions with multiple results are not supported";
            ReturnType = WhammType.Error;
        }
        else if (wasmType.Results.Length == 1)
        {
            var result = WhammType.FromWasm(wasmType.Results[0]);
            UnsupportedReason ??= result is null ? $"its result has the Wasm type {wasmType.Results[0]}, which has no Whamm type" : null;
            ReturnType = result ?? WhammType.Error;
        }
        else
        {
            ReturnType = WhammType.Unit;
        }
    }

    /// <summary>The export name.</summary>
    public string Name { get; }

    /// <summary>The function's Wasm type.</summary>
    public FuncType WasmType { get; }

    /// <summary>The parameters as Whamm types (complete only when <see cref="IsSupported"/>).</summary>
    public IReadOnlyList<ParameterInfo> Parameters { get; }

    /// <summary>The result type (<see cref="WhammType.Unit"/> for none).</summary>
    public WhammType ReturnType { get; }

    /// <summary>Why scripts cannot call the function, or null when they can.</summary>
    public string? UnsupportedReason { get; }

    /// <summary>True when scripts can call the function.</summary>
    public bool IsSupported => UnsupportedReason is null;

    /// <summary>Documentation (for the built-in core library), or null.</summary>
    public string? Doc { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Name}({string.Join(", ", Parameters.Select(p => p.Type))}) -> {ReturnType}";
}

/// <summary>
/// What a script can use of a library: its exported functions with their signatures (from the Wasm
/// function types, reference §1.9) and whether it exports a memory (for <c>memid(lib)</c>).
/// </summary>
/// <example><code>
/// var lib = LibrarySignatures.FromWasm(File.ReadAllBytes("lib.wasm"));
/// var (checkedScript, diagnostics) = Checker.Check(source, new CheckOptions { UserLibs = new Dictionary&lt;string, LibrarySignatures&gt; { ["lib"] = lib } });
/// </code></example>
public sealed class LibrarySignatures
{
    /// <summary>The name of the core library, available to every script without <c>use</c>.</summary>
    public const string CoreLibraryName = "whamm_core";

    private readonly Dictionary<string, LibraryFunction> byName;

    /// <summary>Signatures from a list of functions and the name of the exported memory (null when there is none).</summary>
    public LibrarySignatures(IEnumerable<LibraryFunction> functions, string? memoryExport)
    {
        ArgumentNullException.ThrowIfNull(functions);
        Functions = [.. functions];
        byName = new Dictionary<string, LibraryFunction>(StringComparer.Ordinal);
        foreach (var f in Functions) byName.TryAdd(f.Name, f);
        MemoryExport = memoryExport;
    }

    /// <summary>The exported functions in export order.</summary>
    public IReadOnlyList<LibraryFunction> Functions { get; }

    /// <summary>The name of the first exported memory, or null when the library exports none.</summary>
    public string? MemoryExport { get; }

    /// <summary>The exported function named <paramref name="name"/>, or null.</summary>
    public LibraryFunction? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return byName.GetValueOrDefault(name);
    }

    /// <summary>Reads the exports of a binary module.</summary>
    /// <exception cref="WasmException">The bytes are not a well-formed module.</exception>
    public static LibrarySignatures FromWasm(byte[] wasm)
    {
        ArgumentNullException.ThrowIfNull(wasm);
        return FromModule(ModuleReader.Read(wasm));
    }

    /// <summary>The exports of a module already read.</summary>
    /// <exception cref="WasmException">An export names a function or type that does not exist.</exception>
    public static LibrarySignatures FromModule(Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        var functions = new List<LibraryFunction>();
        string? memory = null;
        foreach (var export in module.Exports)
        {
            switch (export.Kind)
            {
                case ExternalKind.Func:
                    if (export.Index >= module.FunctionCount || module.FunctionTypeIndex(export.Index) >= module.Types.Count
                        || module.Types[(int)module.FunctionTypeIndex(export.Index)].Composite is not FuncType type)
                    {
                        throw new WasmException(WasmErrorKind.Invalid, $"export `{export.Name}` names function {export.Index}, which has no function type", 0, "export");
                    }
                    functions.Add(new LibraryFunction(export.Name, type));
                    break;
                case ExternalKind.Memory:
                    memory ??= export.Name;
                    break;
            }
        }
        return new LibrarySignatures(functions, memory);
    }

    /// <summary>
    /// The script-facing exports of <c>whamm_core</c> (reference §3.7): memory management and printing
    /// (the core library is provided built in, DECISIONS 13).
    /// </summary>
    public static LibrarySignatures Core { get; } = new(
    [
        CoreFunction("mem_alloc", [ValType.I32], [ValType.I32], "Allocates len bytes in the core library's memory; returns the address (0 for len 0)."),
        CoreFunction("mem_free", [ValType.I32], [], "Frees memory returned by mem_alloc."),
        CoreFunction("putc", [ValType.I32], [], "Prints one ASCII character."),
        CoreFunction("puts", [ValType.I32, ValType.I32], [], "Prints len bytes of UTF-8 at an address of the core library's memory."),
        CoreFunction("putu8", [ValType.I32], [], "Prints a u8."),
        CoreFunction("puti8", [ValType.I32], [], "Prints an i8."),
        CoreFunction("putu16", [ValType.I32], [], "Prints a u16."),
        CoreFunction("puti16", [ValType.I32], [], "Prints an i16."),
        CoreFunction("putu32", [ValType.I32], [], "Prints a u32."),
        CoreFunction("puti32", [ValType.I32], [], "Prints an i32."),
        CoreFunction("putu64", [ValType.I64], [], "Prints a u64."),
        CoreFunction("puti64", [ValType.I64], [], "Prints an i64."),
        CoreFunction("putf32", [ValType.F32], [], "Prints an f32 as the report does ({:+e})."),
        CoreFunction("putf64", [ValType.F64], [], "Prints an f64 as the report does ({:+e})."),
        CoreFunction("putbool", [ValType.I32], [], "Prints true or false."),
        CoreFunction("print_map", [ValType.I32], [], "Prints the map with this id as the report does (k->v;k->v)."),
        CoreFunction("print_map_as_csv", [ValType.I32], [], "Prints the map with this id as CSV."),
    ], "memory");

    private static LibraryFunction CoreFunction(string name, ValType[] parameters, ValType[] results, string doc) =>
        new(name, new FuncType(parameters, results), doc);
}
