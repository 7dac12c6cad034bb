using System.CommandLine;
using System.Globalization;
using Whamm.Runtime.Hosting;

namespace Whamm.Cli.Commands;

/// <summary>
/// <c>whamm run APP [--env K=V]… [--dir HOST[::GUEST]]… [--user-libs …] [--fuel N] [--max-memory SIZE]
/// [--timeout DURATION] [-- ARGS…]</c>: runs a WASI application (binary or text) on embedded Wasmtime
/// with its standard streams passed through. The final shape is <c>whamm run [SCRIPT.mm] APP</c>; until
/// the rewriter exists (issue #5) a script argument is refused. Exit code: the application's; a trap
/// prints <c>trap in NAME (fid N, pc P): reason</c> on stderr and exits 134 (as <c>wasmtime run</c>,
/// 128 + SIGABRT); a limit that stops the program, or a program that cannot be started, is a user
/// error (exit 1).
/// </summary>
public static class RunCommand
{
    /// <summary>The exit code of a trapped application (128 + SIGABRT, as <c>wasmtime run</c>).</summary>
    public const int TrapExitCode = 134;

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var app = new Argument<string>("app") { Description = "The WebAssembly application (.wasm or .wat, decided by content)" };
        var appArgs = new Argument<string[]>("args")
        {
            Description = "Arguments for the application (put them after --)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var env = new Option<string[]>("--env")
        {
            Description = "An environment variable for the application: K=V (K alone passes the host's value); repeatable",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var dir = new Option<string[]>("--dir")
        {
            Description = "Make a host directory visible: HOST[::GUEST] (GUEST defaults to HOST); repeatable",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var userLibs = new Option<string[]>("--user-libs", "-u")
        {
            Description = "Modules to link first, by import module name: NAME=PATH or NAME(IMPORT_MODULE)=PATH, comma-separated or repeated",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var fuel = new Option<string?>("--fuel") { Description = "Stop the application after N units of fuel (about N instructions)" };
        var maxMemory = new Option<string?>("--max-memory") { Description = "The most a linear memory may grow to: bytes, or with a unit (64KiB, 64MiB, 1GiB)" };
        var timeout = new Option<string?>("--timeout") { Description = "Stop the application after this long: 5s, 500ms, 2m (a plain number is seconds)" };
        var command = new Command("run", "Run a WebAssembly application on embedded Wasmtime with WASI (instrumenting it with a script comes with issue #5)")
        {
            app, appArgs, env, dir, userLibs, fuel, maxMemory, timeout,
        };
        command.SetAction(parse => Run(
            parse.GetValue(app)!,
            parse.GetValue(appArgs) ?? [],
            parse.GetValue(env) ?? [],
            parse.GetValue(dir) ?? [],
            parse.GetValue(userLibs) ?? [],
            parse.GetValue(fuel),
            parse.GetValue(maxMemory),
            parse.GetValue(timeout)));
        return command;
    }

    private static int Run(string app, string[] appArgs, string[] env, string[] dirs, string[] userLibs, string? fuel, string? maxMemory, string? timeout)
    {
        if (app.EndsWith(".mm", StringComparison.OrdinalIgnoreCase))
        {
            return Fail($"{app}: error: instrumentation is not implemented yet (issue #5); run the application alone: whamm run APP.wasm");
        }
        if (BuildOptions(app, appArgs, env, dirs, userLibs, fuel, maxMemory, timeout, out var error) is not { } options) return Fail(error!);
        if (ModuleInput.Load(app, out error) is not { } loaded) return Fail(error!);

        RunResult result;
        try
        {
            result = AppRunner.Run(loaded.Binary, loaded.Module, options);
        }
        catch (HostException e)
        {
            return Fail($"{app}: error: {e.Message}");
        }
        Console.Out.Flush();
        switch (result.LimitHit)
        {
            case RunLimit.Fuel:
                return Fail($"{app}: error: the application ran out of fuel (--fuel {fuel}){Where(result.Trap)}");
            case RunLimit.Timeout:
                return Fail($"{app}: error: the application did not finish within --timeout {timeout}{Where(result.Trap)}");
            case RunLimit.Memory:
                var ending = result.Trap is { } t ? $"; then {t}" : $"; then it exited with code {result.ExitCode}";
                return Fail($"{app}: error: the application needed more memory than --max-memory {maxMemory} allows{ending}");
        }
        if (result.Trap is { } trap)
        {
            Console.Error.WriteLine(trap.ToString());
            return TrapExitCode;
        }
        return result.ExitCode;
    }

    private static string Where(TrapReport? trap) =>
        trap?.FunctionIndex is { } fid ? $" in {trap.FunctionName} (fid {fid}, pc {trap.Pc})" : "";

    private static RunOptions? BuildOptions(string app, string[] appArgs, string[] env, string[] dirs, string[] userLibs,
        string? fuel, string? maxMemory, string? timeout, out string? error)
    {
        error = null;
        var variables = new List<KeyValuePair<string, string>>();
        foreach (var item in env)
        {
            var eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq == 0 || item.Length == 0)
            {
                error = $"error: --env expects K=V, found `{item}`";
                return null;
            }
            if (eq > 0)
            {
                variables.Add(new(item[..eq], item[(eq + 1)..]));
            }
            else if (Environment.GetEnvironmentVariable(item) is { } inherited)
            {
                variables.Add(new(item, inherited));
            }
        }
        var mappings = new List<DirectoryMapping>();
        foreach (var item in dirs)
        {
            var mapping = item.Length == 0 || item.StartsWith("::", StringComparison.Ordinal) ? null : DirectoryMapping.Parse(item);
            if (mapping is null || mapping.Guest.Length == 0)
            {
                error = $"error: --dir expects HOST[::GUEST], found `{item}`";
                return null;
            }
            mappings.Add(mapping);
        }
        if (UserLibraries.Parse(userLibs, out error) is not { } specs) return null;
        var libraries = new List<UserLibrary>();
        foreach (var spec in specs)
        {
            if (ModuleInput.Load(spec.Path, out error) is not { } lib) return null;
            libraries.Add(new UserLibrary(spec.ImportModule, lib.Binary));
        }
        ulong? fuelUnits = null;
        if (fuel is not null)
        {
            if (!ulong.TryParse(fuel.Replace("_", ""), NumberStyles.None, CultureInfo.InvariantCulture, out var units) || units == 0)
            {
                error = $"error: --fuel expects a positive whole number, found `{fuel}`";
                return null;
            }
            fuelUnits = units;
        }
        long? memoryBytes = null;
        if (maxMemory is not null)
        {
            if (ParseSize(maxMemory) is not { } bytes)
            {
                error = $"error: --max-memory expects a positive size such as 1048576, 64KiB, 64MiB or 1GiB, found `{maxMemory}`";
                return null;
            }
            memoryBytes = bytes;
        }
        TimeSpan? limit = null;
        if (timeout is not null)
        {
            if (ParseDuration(timeout) is not { } span)
            {
                error = $"error: --timeout expects a positive duration such as 5s, 500ms or 2m, found `{timeout}`";
                return null;
            }
            limit = span;
        }
        return new RunOptions
        {
            ProgramName = app,
            Args = appArgs,
            Env = variables,
            Dirs = mappings,
            UserLibs = libraries,
            Fuel = fuelUnits,
            MaxMemoryBytes = memoryBytes,
            Timeout = limit,
        };
    }

    private static readonly (string Suffix, long Factor)[] SizeUnits =
    [
        ("KiB", 1L << 10), ("MiB", 1L << 20), ("GiB", 1L << 30),
        ("KB", 1000), ("MB", 1000_000), ("GB", 1000_000_000),
        ("K", 1L << 10), ("M", 1L << 20), ("G", 1L << 30), ("B", 1),
    ];

    /// <summary>Bytes from <c>1048576</c>, <c>64KiB</c>, <c>64MiB</c>, <c>1GiB</c> (also KB/MB/GB decimal, K/M/G binary), or null.</summary>
    internal static long? ParseSize(string text)
    {
        var s = text.Trim();
        long factor = 1;
        foreach (var (suffix, f) in SizeUnits)
        {
            if (s.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                factor = f;
                s = s[..^suffix.Length].TrimEnd();
                break;
            }
        }
        if (!long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0) return null;
        try
        {
            return checked(n * factor);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>A duration from <c>5s</c>, <c>500ms</c>, <c>2m</c>, <c>1h</c>, or a plain number of seconds (decimals allowed), or null.</summary>
    internal static TimeSpan? ParseDuration(string text)
    {
        var s = text.Trim();
        double unit = 1;
        foreach (var (suffix, seconds) in (ReadOnlySpan<(string, double)>)[("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)])
        {
            if (s.EndsWith(suffix, StringComparison.Ordinal))
            {
                unit = seconds;
                s = s[..^suffix.Length];
                break;
            }
        }
        if (!double.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) || !(n > 0)) return null;
        var total = n * unit;
        return total > TimeSpan.MaxValue.TotalSeconds / 2 ? null : TimeSpan.FromSeconds(total);
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return ExitCodes.UserError;
    }
}
