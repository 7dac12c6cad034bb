using Wasmtime;
using Whamm.Wasm.Binary;
using Whamm.Wasm.Reading;

namespace Whamm.Runtime.Hosting;

/// <summary>
/// Runs the <c>@static LIB.FN(args)</c> calls of a script while it is instrumented (reference §1.9): each library is
/// instantiated once, on its first call, in one store with WASI (a reactor's <c>_initialize</c> runs first), and
/// serves every later call, so state a library keeps persists from call to call within a run. What libraries
/// print goes to <c>output</c> (by default the process's standard error, which keeps the instrumenter's standard
/// output clean). <see cref="Call"/> fits <c>Whamm.Instrumentation.StaticCallEvaluator</c>.
/// </summary>
/// <example><code>
/// using var host = new StaticCallHost(new Dictionary&lt;string, byte[]&gt; { ["cache"] = File.ReadAllBytes("cache.wasm") });
/// var options = new InstrumentOptions { Libraries = libraries, StaticCalls = host.Call };
/// </code></example>
public sealed class StaticCallHost : IDisposable
{
    private readonly IReadOnlyDictionary<string, byte[]> libraries;
    private readonly Dictionary<string, Instance> instances = new(StringComparer.Ordinal);
    private readonly List<Wasmtime.Module> modules = [];
    private readonly Stream? output;
    private (Store Store, Linker Linker)? runtime;

    /// <summary>
    /// A host for <paramref name="libraries"/> (name → binary module). Nothing is instantiated, and Wasmtime is not started,
    /// until called: a script without <c>@static</c> calls never starts it while instrumenting (its engine, store and WASI
    /// linker were 5 MB of esbuild's sparse rewrite at its peak).
    /// </summary>
    public StaticCallHost(IReadOnlyDictionary<string, byte[]> libraries, Stream? output = null)
    {
        ArgumentNullException.ThrowIfNull(libraries);
        this.libraries = libraries;
        this.output = output;
    }

    private (Store Store, Linker Linker) Runtime => runtime ??= Start();

    private (Store, Linker) Start()
    {
        var store = new Store(WasmtimeEngines.Shared);
        var linker = new Linker(WasmtimeEngines.Shared);
        linker.DefineWasi();
        var wasi = new WasiConfiguration();
        if (output is null) wasi.WithInheritedStandardOutput().WithInheritedStandardError();
        else wasi.WithStandardOutputCallback(data => output.Write(data)).WithStandardErrorCallback(data => output.Write(data));
        store.SetWasiConfiguration(wasi);
        return (store, linker);
    }

    /// <summary>Calls <paramref name="library"/>'s export <paramref name="function"/> with <see cref="int"/>, <see cref="long"/>,
    /// <see cref="float"/> or <see cref="double"/> arguments; returns its result (null when it returns nothing).</summary>
    /// <exception cref="InvalidOperationException">The library is unknown, cannot start, lacks the function, or the call traps or exits.</exception>
    public object? Call(string library, string function, object[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var export = Instance(library).GetFunction(function)
            ?? throw new InvalidOperationException($"the library `{library}` exports no function `{function}`");
        var boxes = Array.ConvertAll(arguments, a => a switch
        {
            int v => (ValueBox)v,
            long v => v,
            float v => v,
            double v => v,
            _ => throw new InvalidOperationException($"cannot pass {a} ({a?.GetType().Name}) to `{library}.{function}`"),
        });
        return Run(library, function, () => export.Invoke(boxes));
    }

    private Instance Instance(string library)
    {
        if (instances.TryGetValue(library, out var known)) return known;
        if (!libraries.TryGetValue(library, out var binary)) throw new InvalidOperationException($"no module was given for the library `{library}`");
        try
        {
            if (WasmtimeBinding.Unsupported(ModuleReader.Read(binary)) is { } bad)
                throw new InvalidOperationException($"the library `{library}` cannot run on Wasmtime: its {bad}");
        }
        catch (WasmException e)
        {
            throw new InvalidOperationException($"the library `{library}` is malformed at offset 0x{e.Offset:x}: {e.Reason}");
        }
        Wasmtime.Module module;
        try
        {
            module = Wasmtime.Module.FromBytes(WasmtimeEngines.Shared, library, binary);
        }
        catch (WasmtimeException e)
        {
            throw new InvalidOperationException($"Wasmtime rejected the library `{library}`: {AppRunner.FirstLine(e.Message)}");
        }
        modules.Add(module);
        var (store, linker) = Runtime;
        var instance = Run(library, "its start function", () => linker.Instantiate(store, module));
        if (instance.GetAction("_initialize") is { } initialize) Run<object?>(library, "_initialize", () => { initialize(); return null; });
        instances[library] = instance;
        return instance;
    }

    private static T Run<T>(string library, string what, Func<T> call)
    {
        try
        {
            return call();
        }
        catch (TrapException e)
        {
            throw new InvalidOperationException($"the library `{library}` trapped in {what}: {AppRunner.TrapReason(e)}");
        }
        catch (WasmtimeException e) when (e.ExitCode is { } code)
        {
            throw new InvalidOperationException($"the library `{library}` exited with code {code} in {what}");
        }
        catch (WasmtimeException e)
        {
            throw new InvalidOperationException($"the library `{library}` failed in {what}: {AppRunner.FirstLine(e.Message)}");
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (runtime is { } started)
        {
            started.Linker.Dispose();
            started.Store.Dispose();
        }
        foreach (var m in modules) m.Dispose();
    }
}
