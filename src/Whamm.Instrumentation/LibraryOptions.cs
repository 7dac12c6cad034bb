namespace Whamm.Instrumentation;

/// <summary>
/// A user library a script may <c>use</c> (reference §1.9): the name scripts call it by, the module's bytes
/// (for the imports' types, <c>memid</c>, merging and <c>@static</c> calls) and the module name of the Wasm
/// imports (<c>--user-libs NAME(MODULE)=lib.wasm</c>; the library's name when null).
/// </summary>
/// <param name="Name">The name in <c>use NAME;</c>.</param>
/// <param name="Binary">The library module (binary Wasm).</param>
/// <param name="ImportModule">The import module name, or null for <paramref name="Name"/>.</param>
public sealed record InstrumentLibrary(string Name, byte[] Binary, string? ImportModule = null)
{
    /// <summary>The module name the instrumented application imports the library's functions from.</summary>
    public string Module => ImportModule ?? Name;
}

/// <summary>How libraries reach the instrumented module (<c>--link-strategy</c>).</summary>
public enum LinkStrategy
{
    /// <summary>The core library is linked in (DECISIONS 13); user libraries are imported (the host preloads them).</summary>
    Default,

    /// <summary>User libraries are linked in too (<see cref="Wasm.Editing.ModuleEditor.Link"/>): the output is self-contained.</summary>
    Merged,

    /// <summary>
    /// The core library is imported from module <c>whamm_core</c> as Whamm 1.0 does (the host preloads our
    /// <c>whamm_core.wasm</c>, <see cref="Core.CoreLibrary.Bytes"/>), and so are user libraries.
    /// </summary>
    Imported,
}

/// <summary>
/// Evaluates <c>@static LIB.FN(args)</c> while instrumenting (reference §1.9): calls the library's export with the
/// folded arguments (<see cref="int"/>, <see cref="long"/>, <see cref="float"/> or <see cref="double"/> by the
/// export's Wasm parameter types) and returns its result the same way (null when it returns nothing). One
/// instance of each library serves a whole instrumentation run, so state persists from call to call.
/// </summary>
/// <exception cref="InvalidOperationException">The call failed (a trap, an unknown function); the message says why.</exception>
public delegate object? StaticCallEvaluator(string library, string function, object[] arguments);
