using Wasmtime;
using Whamm.Wasm.Binary;
using Whamm.Wasm.Reading;
using WasmtimeModule = Wasmtime.Module;

namespace Whamm.Runtime.Hosting;

/// <summary>
/// Runs a WASI (preview 1) application on embedded Wasmtime with every proposal the binding enables
/// (<see cref="WasmtimeEngines"/>): arguments, environment, preopened directories and standard streams
/// from <see cref="RunOptions"/>, user libraries linked by name, and limits against hostile programs
/// (fuel, memory, wall-clock time through epoch interruption). The entry point is the exported
/// <c>_start</c>, else an exported <c>main</c> (an <c>i32</c> result is the exit code), else just the
/// start function. A trap is mapped back to the function index and Wizard <c>pc</c> of the trapping
/// instruction. The instrumentation step (issue #5) plugs in by handing the instrumented binary here.
/// </summary>
/// <example>
/// <code>
/// using var stdout = new MemoryStream();
/// var result = AppRunner.Run(File.ReadAllBytes("app.wasm"), new RunOptions { Args = ["x"], Stdout = stdout, Timeout = TimeSpan.FromSeconds(5) });
/// if (result.Trap is { } trap) Console.Error.WriteLine(trap);   // trap in main (fid 3, pc 17): wasm trap: …
/// return result.ExitCode;
/// </code>
/// </example>
public static class AppRunner
{
    private const long PageSize = 65536;

    /// <summary>Runs the module in <paramref name="binary"/> (the binary format).</summary>
    /// <exception cref="WasmException">The binary is malformed.</exception>
    /// <exception cref="HostException">The application cannot be started (see its message).</exception>
    public static RunResult Run(byte[] binary, RunOptions options) => Run(binary, ModuleReader.Read(binary), options);

    /// <summary>Runs <paramref name="binary"/>, whose decoded form (for the boundary check and trap locations) is <paramref name="model"/>.</summary>
    /// <exception cref="HostException">The application cannot be started (see its message).</exception>
    public static RunResult Run(byte[] binary, Whamm.Wasm.Model.Module model, RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(binary);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Fuel == 0) throw new ArgumentException("fuel must be positive", nameof(options));
        if (options.MaxMemoryBytes is <= 0) throw new ArgumentException("the memory limit must be positive", nameof(options));
        if (options.Timeout is { } t && t <= TimeSpan.Zero) throw new ArgumentException("the timeout must be positive", nameof(options));
        if (WasmtimeBinding.Unsupported(model) is { } unsupported) throw new HostException($"cannot run the module: its {unsupported}");
        foreach (var dir in options.Dirs)
        {
            if (!Directory.Exists(dir.Host)) throw new HostException($"--dir {dir.Host}: no such directory");
        }

        // Limits need engine switches that cost speed, so a limited run gets an engine of its own (an
        // epoch tick then interrupts only this run); an unlimited run shares the common engine.
        var limited = options.Fuel is not null || options.Timeout is not null;
        var engine = limited
            ? new Engine(WasmtimeEngines.AllProposals().WithFuelConsumption(options.Fuel is not null).WithEpochInterruption(options.Timeout is not null))
            : WasmtimeEngines.Shared;
        try
        {
            return RunOn(engine, binary, model, options);
        }
        finally
        {
            if (limited) engine.Dispose();
        }
    }

    private static RunResult RunOn(Engine engine, byte[] binary, Whamm.Wasm.Model.Module model, RunOptions options)
    {
        using var store = new Store(engine);
        using var linker = new Linker(engine);
        var owned = new List<IDisposable>();
        try
        {
            linker.DefineWasi();
            if (options.HostOutput is { } channel) channel.Define(linker);
            store.SetWasiConfiguration(Wasi(options));
            if (options.MaxMemoryBytes is { } max) store.SetLimits(memorySize: max);
            if (options.Fuel is { } fuel) store.Fuel = fuel;

            var app = Compile(engine, "app", binary, owned);
            using var timer = new Deadline(engine, store, options.Timeout); // libraries' start functions count too
            foreach (var lib in options.UserLibs)
            {
                var libModel = ReadLibrary(lib);
                if (WasmtimeBinding.Unsupported(libModel) is { } bad) throw new HostException($"cannot link the library `{lib.ImportModule}`: its {bad}");
                var compiled = Compile(engine, lib.ImportModule, lib.Binary, owned);
                Instance library;
                try
                {
                    library = Instantiate(linker, store, compiled, options, $"the library `{lib.ImportModule}`");
                }
                catch (TrapException trap)
                {
                    throw new HostException($"the library `{lib.ImportModule}` trapped while starting: {TrapReason(trap)}");
                }
                catch (WasmtimeException e) when (e.ExitCode is { } exit)
                {
                    throw new HostException($"the library `{lib.ImportModule}` exited with code {exit} while starting");
                }
                linker.DefineInstance(store, lib.ImportModule, library);
            }

            var locator = new TrapLocator(model);
            Instance? instance = null;
            try
            {
                instance = Instantiate(linker, store, app, options, "the application");
                var result = Entry(instance)?.Invoke();
                return new RunResult(result is int code ? code : 0, null, null);
            }
            catch (TrapException trap)
            {
                var report = Report(trap, locator);
                var limit = trap.Type switch
                {
                    TrapCode.OutOfFuel => RunLimit.Fuel,
                    TrapCode.Interrupt => RunLimit.Timeout,
                    _ => MemoryLimitReached(instance, options) ? RunLimit.Memory : (RunLimit?)null,
                };
                var flush = instance is null ? null : Flush(instance, store, timer, options);
                return new RunResult(0, report, limit) { FlushTrap = flush };
            }
            catch (WasmtimeException e) when (e.ExitCode is { } exit)
            {
                var limit = exit != 0 && MemoryLimitReached(instance, options) ? RunLimit.Memory : (RunLimit?)null;
                return new RunResult(exit, null, limit);
            }
            catch (WasmtimeException e) when (e is not TrapException)
            {
                throw new HostException($"the application failed: {FirstLine(e.Message)}");
            }
        }
        finally
        {
            foreach (var d in owned) d.Dispose();
        }
    }

    /// <summary>
    /// After a trap, calls <see cref="RunOptions.FlushExport"/> (when the module exports it) with the
    /// limits re-armed, so the report is still written. Returns the flush's own trap, if any.
    /// </summary>
    private static TrapReport? Flush(Instance instance, Store store, Deadline deadline, RunOptions options)
    {
        if (options.FlushExport is not { } name || instance.GetFunction(name) is not { } flush || flush.Parameters.Count != 0) return null;
        if (options.Fuel is { } fuel) store.Fuel = fuel;
        deadline.Rearm();
        try
        {
            flush.Invoke();
            return null;
        }
        catch (TrapException trap)
        {
            return new TrapReport(null, null, null, TrapReason(trap), trap.Type);
        }
        catch (WasmtimeException e) when (e.ExitCode is not null)
        {
            return null; // the flush ended with proc_exit: it ran
        }
    }

    /// <summary>The exported <c>_start</c>, else <c>main</c>, else null (the start function was the program).</summary>
    private static Function? Entry(Instance instance)
    {
        foreach (var name in (string[])["_start", "main"])
        {
            if (instance.GetFunction(name) is not { } function) continue;
            if (function.Parameters.Count != 0)
                throw new HostException($"cannot run the module: its entry point `{name}` takes parameters");
            return function;
        }
        return null;
    }

    private static WasmtimeModule Compile(Engine engine, string name, byte[] binary, List<IDisposable> owned)
    {
        try
        {
            var module = WasmtimeModule.FromBytes(engine, name, binary);
            owned.Add(module);
            return module;
        }
        catch (WasmtimeException e)
        {
            throw new HostException($"Wasmtime rejected {name}: {FirstLine(e.Message)}");
        }
    }

    private static Instance Instantiate(Linker linker, Store store, WasmtimeModule module, RunOptions options, string what)
    {
        try
        {
            return linker.Instantiate(store, module);
        }
        catch (TrapException)
        {
            throw; // the start function trapped: a trap of the program
        }
        catch (WasmtimeException e) when (e.ExitCode is null)
        {
            var message = FirstLine(e.Message);
            if (options.MaxMemoryBytes is { } max && e.Message.Contains("memory", StringComparison.OrdinalIgnoreCase)
                && e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
            {
                throw new HostException($"{what} needs more memory than --max-memory {max} bytes allows: {message}", RunLimit.Memory);
            }
            throw new HostException($"cannot instantiate {what}: {message}");
        }
    }

    private static WasiConfiguration Wasi(RunOptions options)
    {
        var wasi = new WasiConfiguration().WithArgs([options.ProgramName, .. options.Args]);
        foreach (var (key, value) in options.Env) wasi.WithEnvironmentVariable(key, value);
        foreach (var dir in options.Dirs) wasi.WithPreopenedDirectory(dir.Host, dir.Guest, !dir.ReadOnly);
        if (options.StdinFile is { } stdin) wasi.WithStandardInput(stdin);
        else wasi.WithInheritedStandardInput();
        if (options.Stdout is { } stdout) wasi.WithStandardOutputCallback(data => stdout.Write(data));
        else wasi.WithInheritedStandardOutput();
        if (options.Stderr is { } stderr) wasi.WithStandardErrorCallback(data => stderr.Write(data));
        else wasi.WithInheritedStandardError();
        return wasi;
    }

    private static Whamm.Wasm.Model.Module ReadLibrary(UserLibrary lib)
    {
        try
        {
            return ModuleReader.Read(lib.Binary);
        }
        catch (WasmException e)
        {
            throw new HostException($"the library `{lib.ImportModule}` is malformed at offset 0x{e.Offset:x}: {e.Reason}");
        }
    }

    private static TrapReport Report(TrapException trap, TrapLocator locator)
    {
        var reason = TrapReason(trap);
        var code = trap.Type;
        // Innermost first; frames of user libraries are skipped, so a trap inside a library is
        // reported where the application called into it.
        foreach (var frame in trap.Frames ?? [])
        {
            if (locator.Locate(frame) is var (fid, pc))
                return new TrapReport(fid, locator.NameOf(fid), pc, reason, code);
        }
        return new TrapReport(null, null, null, reason, code);
    }

    /// <summary>The <c>wasm trap: …</c> line of Wasmtime's message (which also holds a backtrace).</summary>
    internal static string TrapReason(TrapException trap)
    {
        var lines = trap.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var cause = lines.LastOrDefault(l => l.StartsWith("wasm trap:", StringComparison.Ordinal)) ?? lines.FirstOrDefault() ?? trap.Message;
        return cause.StartsWith("wasm trap: ", StringComparison.Ordinal) ? cause["wasm trap: ".Length..] : cause;
    }

    /// <summary>
    /// Whether a memory of the application (its exported memories) stands within a sixteenth (at least
    /// a page) of <see cref="RunOptions.MaxMemoryBytes"/>, i.e. a failure at the end of the run is most
    /// likely the limit's doing (an allocator asks for large chunks, so the last refused request can
    /// leave some room). Wasmtime answers a refused <c>memory.grow</c> with -1 and says nothing, so this
    /// is judged afterwards; the rewriter can make it exact by hooking <c>memory.grow</c>.
    /// </summary>
    private static bool MemoryLimitReached(Instance? instance, RunOptions options) =>
        options.MaxMemoryBytes is { } max && instance is not null
        && instance.GetMemories().Any(m => m.Memory.GetLength() + Math.Max(PageSize, max / 16) > max);

    /// <summary>The cause in Wasmtime's message: the first line after <c>Caused by:</c> when there is one (the head is a backtrace), else the first line.</summary>
    internal static string FirstLine(string message)
    {
        var lines = message.Split('\n', StringSplitOptions.TrimEntries);
        var caused = Array.FindIndex(lines, l => l.StartsWith("Caused by:", StringComparison.Ordinal));
        var cause = caused >= 0 ? lines.Skip(caused + 1).FirstOrDefault(l => l.Length > 0) : null;
        return cause ?? lines[0];
    }

    /// <summary>Interrupts the store's wasm code when the timeout elapses (one epoch tick on a private engine).</summary>
    private sealed class Deadline : IDisposable
    {
        private readonly Engine _engine;
        private readonly Store _store;
        private readonly TimeSpan? _timeout;
        private readonly Lock _gate = new();
        private Timer? _timer;
        private bool _done;
        private int _generation;

        public Deadline(Engine engine, Store store, TimeSpan? timeout)
        {
            _engine = engine;
            _store = store;
            _timeout = timeout;
            Rearm();
        }

        /// <summary>Gives the store a fresh deadline of the whole timeout from now.</summary>
        public void Rearm()
        {
            if (_timeout is not { } t) return;
            lock (_gate)
            {
                _timer?.Dispose();
                _store.SetEpochDeadline(1);
                var generation = ++_generation;
                _timer = new Timer(_ =>
                {
                    lock (_gate)
                    {
                        // A tick of an earlier deadline that was already waiting must not end the new one.
                        if (!_done && generation == _generation) _engine.IncrementEpoch();
                    }
                }, null, t, Timeout.InfiniteTimeSpan);
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _done = true;
                _timer?.Dispose();
            }
        }
    }
}
