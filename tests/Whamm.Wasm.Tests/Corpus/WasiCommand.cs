namespace Whamm.Wasm.Tests.Corpus;

/// <summary>What a WASI command did: its exit code (0 on a normal return, <c>proc_exit</c>'s code) and what it printed.</summary>
public sealed record WasiCommandResult(int ExitCode, string Stdout);

/// <summary>
/// Runs a WASI command's <c>_start</c> on Wasmtime with stdout captured: the one way the test projects run corpus
/// programs (the caller adds host functions, arguments, directories, and reads the instance afterwards).
/// </summary>
public static class WasiCommand
{
    /// <summary>
    /// Instantiates <paramref name="module"/> with WASI (<paramref name="configure"/> adds arguments, stderr, directories
    /// to the configuration; <paramref name="define"/> more imports), runs <c>_start</c>, then hands the instance to
    /// <paramref name="after"/> before the store is disposed.
    /// </summary>
    public static WasiCommandResult Run(Wasmtime.Engine engine, Wasmtime.Module module,
        Func<Wasmtime.WasiConfiguration, Wasmtime.WasiConfiguration>? configure = null,
        Action<Wasmtime.Linker, Wasmtime.Store>? define = null, Action<Wasmtime.Instance>? after = null)
    {
        var stdout = Path.GetTempFileName();
        try
        {
            int exit;
            using (var store = new Wasmtime.Store(engine))
            using (var linker = new Wasmtime.Linker(engine))
            {
                linker.DefineWasi();
                define?.Invoke(linker, store);
                var config = new Wasmtime.WasiConfiguration().WithStandardOutput(stdout);
                store.SetWasiConfiguration(configure is null ? config : configure(config));
                var instance = linker.Instantiate(store, module);
                try
                {
                    instance.GetAction("_start")!();
                    exit = 0;
                }
                catch (Wasmtime.WasmtimeException e) when (e.ExitCode is { } code)
                {
                    exit = code;
                }
                after?.Invoke(instance);
            }
            return new WasiCommandResult(exit, File.ReadAllText(stdout));
        }
        finally
        {
            File.Delete(stdout);
        }
    }
}
