using System.CommandLine;
using System.Globalization;
using Whamm.Instrumentation;
using Whamm.Runtime;
using Whamm.Runtime.Hosting;
using Whamm.Runtime.Reports;
using Whamm.Runtime.Reports.Html;
using Whamm.Wasm.Binary;
using Whamm.Wasm.Reading;
using Whamm.Wasm.Validation;

namespace Whamm.Cli.Commands;

/// <summary>
/// <c>whamm run [SCRIPT.mm] APP [--env K=V]… [--dir HOST[::GUEST]]… [--user-libs …] [--fuel N] [--max-memory SIZE]
/// [--timeout DURATION] [--format table|csv] [--report-json FILE] [--report-html FILE] [-- ARGS…]</c>: runs a
/// WASI application (binary or text) on embedded Wasmtime with its standard streams passed through. With a
/// script (the first argument, when it ends in <c>.mm</c>) the application is first validated and instrumented
/// in memory; the monitor's output (the report) goes to the host, not to the program's stdout, and is printed
/// after the program's own output: a table, or Whamm's CSV byte for byte; it can also be written as JSON and
/// as a self-contained HTML page. Exit code: the application's; a trap prints <c>trap in NAME (fid N, pc P):
/// reason</c> on stderr (after the report, which is still flushed) and exits 134 (as <c>wasmtime run</c>,
/// 128 + SIGABRT); a bad script or application, a limit that stops the program, or a program that cannot be
/// started, is a user error (exit 1).
/// </summary>
public static class RunCommand
{
    /// <summary>The exit code of a trapped application (128 + SIGABRT, as <c>wasmtime run</c>).</summary>
    public const int TrapExitCode = 134;

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "[SCRIPT.mm] APP [-- ARGS…]: the monitor (optional; recognised by its .mm extension), the application (.wasm or .wat, decided by content), then its arguments (put them after --)",
            Arity = ArgumentArity.OneOrMore,
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
        var format = new Option<string>("--format")
        {
            Description = "How to print the report after the program's output: table (readable) or csv (Whamm's CSV, exactly as the monitor printed it)",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "csv");
        var json = new Option<string?>("--report-json") { HelpName = "FILE", Description = "Also write the report as JSON (schema whamm-report/1) to FILE" };
        var html = new Option<string?>("--report-html") { HelpName = "FILE", Description = "Also write the report as one self-contained HTML page (sortable table, charts) to FILE" };
        var noOpt = new Option<bool>("--no-opt") { Description = "Instrument every probe at every site as written (no counter merging or sharing); the report is the same" };
        var command = new Command("run", "Run a WebAssembly application on embedded Wasmtime with WASI, optionally instrumented with a Whamm script whose report is printed at the end")
        {
            inputs, env, dir, userLibs, fuel, maxMemory, timeout, format, json, html, noOpt,
        };
        command.SetAction(parse => Run(new RunRequest(
            parse.GetValue(inputs)!,
            parse.GetValue(env) ?? [],
            parse.GetValue(dir) ?? [],
            parse.GetValue(userLibs) ?? [],
            parse.GetValue(fuel),
            parse.GetValue(maxMemory),
            parse.GetValue(timeout),
            parse.GetValue(format) == "csv",
            parse.GetValue(json),
            parse.GetValue(html),
            !parse.GetValue(noOpt))));
        return command;
    }

    /// <summary>The command line, as given.</summary>
    private sealed record RunRequest(string[] Inputs, string[] Env, string[] Dirs, string[] UserLibs, string? Fuel, string? MaxMemory,
        string? Timeout, bool Csv, string? JsonFile, string? HtmlFile, bool Optimize)
    {
        private bool HasScript => Inputs[0].EndsWith(".mm", StringComparison.OrdinalIgnoreCase);
        public string? Script => HasScript ? Inputs[0] : null;
        public string? App => HasScript ? Inputs.ElementAtOrDefault(1) : Inputs[0];
        public string[] AppArgs => Inputs[(HasScript ? 2 : 1)..];
    }

    private static int Run(RunRequest request)
    {
        if (request.App is not { } app) return Fail($"error: no application to run after the script {request.Script}: whamm run SCRIPT.mm APP [-- ARGS…]");
        if (request.Script is null && (request.JsonFile ?? request.HtmlFile) is { } file)
            return Fail($"error: {file}: a report needs a script: whamm run SCRIPT.mm APP --report-json FILE");
        if (OutputClash(request) is { } clash) return Fail(clash);
        if (BuildOptions(app, request.AppArgs, request.Env, request.Dirs, request.UserLibs, request.Fuel, request.MaxMemory, request.Timeout, out var error) is not { } options)
            return Fail(error!);
        if (ModuleInput.Load(app, out error) is not { } loaded) return Fail(error!);

        var binary = loaded.Binary;
        var model = loaded.Module;
        var (importedFunctions, definedFunctions) = (model.ImportedFunctionCount, model.Functions.Count); // instrumenting edits the model
        using var reportBytes = new MemoryStream();
        var approximateAfterTrap = false;
        if (request.Script is { } scriptPath)
        {
            if (Instrument(scriptPath, loaded, request, out var failed) is not { } instrumented) return failed;
            approximateAfterTrap = instrumented.ApproximateAfterTrap;
            binary = instrumented.ToBytes();
            model = ModuleReader.Read(binary); // trap locations need the bodies' offsets in the binary that runs
            if (!ScriptInput.OutputValid(binary, instrumented.Check, app, () => loaded, "nothing run", out var invalid)) return invalid;
            options = options with
            {
                HostOutput = new HostOutputChannel(HostInterface.OutputModule, HostInterface.OutputWrite, HostInterface.OutputMemory, reportBytes),
                FlushExport = HostInterface.Exit,
            };
        }

        RunResult result;
        try
        {
            result = AppRunner.Run(binary, model, options);
        }
        catch (HostException e)
        {
            return Fail($"{app}: error: {e.Message}");
        }
        Console.Out.Flush();
        if (request.Script is not null && result.Trap is { } located) result = result with { Trap = located.InApplication(importedFunctions, definedFunctions, model) };
        var outcome = Outcome(app, result, request);
        if (approximateAfterTrap && (result.Trap is not null || result.LimitHit is RunLimit.Fuel or RunLimit.Timeout))
        {
            const string approximate = "the report is approximate: counters merged per basic block or held in locals may be off by what was running when the program stopped (--no-opt counts exactly)";
            Console.Error.WriteLine($"{app}: note: {approximate}");
            outcome = outcome with { Summary = $"{outcome.Summary}; {approximate}" };
        }
        if (request.Script is { } script)
        {
            var written = PrintReport(reportBytes.GetBuffer().AsSpan(0, (int)reportBytes.Length), new ReportContext(script, app, outcome.Summary), request);
            if (written != ExitCodes.Ok) return written;
            if (result.FlushTrap is { } flushTrap) Console.Error.WriteLine($"{app}: warning: the report may be incomplete: the monitor's exit trapped: {flushTrap.Reason}");
        }
        if (outcome.Message is { } message) Console.Error.WriteLine(message);
        return outcome.ExitCode;
    }

    /// <summary>Validates the application, checks the script and instruments the application with it (output to the host).</summary>
    private static InstrumentResult? Instrument(string scriptPath, LoadedModule app, RunRequest request, out int exitCode)
    {
        exitCode = ExitCodes.UserError;
        try
        {
            ModuleValidator.Validate(app.Module);
        }
        catch (WasmException e)
        {
            Console.Error.WriteLine(ModuleInput.BinaryError(app.Path, e, app.Format == ModuleFormat.Text));
            return null;
        }
        if (UserLibraries.Parse(request.UserLibs, out var error) is not { } specs || UserLibraries.Read(specs, out error) is not { } libraries)
        {
            Console.Error.WriteLine(error);
            return null;
        }
        if (ScriptInput.Check(scriptPath, ScriptInput.CheckOptionsFor(libraries)) is not var (source, script)) return null;
        return ScriptInput.Instrument(app, source, script, libraries, new InstrumentOptions
        {
            HostOutput = true,
            Optimize = request.Optimize,
            CountersInLocals = request is { Fuel: null, Timeout: null, MaxMemory: null }, // a stopped run keeps its counts
            AddressPlanes = request.MaxMemory is null, // a plane is a page larger than its memory
        }, out exitCode);
    }

    /// <summary>How the run ended: the exit code, the line for stderr (null when the program just exited), and a summary for report files.</summary>
    private sealed record RunOutcome(int ExitCode, string? Message, string Summary);

    private static RunOutcome Outcome(string app, RunResult result, RunRequest request)
    {
        RunOutcome Limit(string message) => new(ExitCodes.UserError, $"{app}: error: {message}", message);
        switch (result.LimitHit)
        {
            case RunLimit.Fuel:
                return Limit($"the application ran out of fuel (--fuel {request.Fuel}){Where(result.Trap)}");
            case RunLimit.Timeout:
                return Limit($"the application did not finish within --timeout {request.Timeout}{Where(result.Trap)}");
            case RunLimit.Memory:
                var ending = result.Trap is { } t ? $"; then {t}" : $"; then it exited with code {result.ExitCode}";
                return Limit($"the application needed more memory than --max-memory {request.MaxMemory} allows{ending}");
        }
        if (result.Trap is { } trap) return new RunOutcome(TrapExitCode, trap.ToString(), trap.ToString());
        return new RunOutcome(result.ExitCode, null, $"exit {result.ExitCode}");
    }

    /// <summary>
    /// Prints the captured report on stdout (table or CSV) and writes the requested files; a write failure is exit 1.
    /// The CSV is printed as captured: the report is read only for a table or a file.
    /// </summary>
    private static int PrintReport(ReadOnlySpan<byte> bytes, ReportContext context, RunRequest request)
    {
        if (request.Csv)
        {
            using var stdout = Console.OpenStandardOutput();
            stdout.Write(bytes);
            if (request is { JsonFile: null, HtmlFile: null }) return ExitCodes.Ok;
        }
        var report = Report.Parse(System.Text.Encoding.UTF8.GetString(bytes));
        if (!request.Csv && !report.IsEmpty) ReportConsole.Write(report, Console.Out, terminal: !Console.IsOutputRedirected);
        var failures = 0;
        if (request.JsonFile is { } json) failures += Write(json, stream => ReportJsonWriter.Write(report, context, stream));
        if (request.HtmlFile is { } html) failures += Write(html, stream => ReportHtmlWriter.Write(report, context, stream));
        return failures == 0 ? ExitCodes.Ok : ExitCodes.UserError;
    }

    private static int Write(string path, Action<Stream> write)
    {
        if (ModuleInput.WriteAtomically(path, write) is not { } error) return 0;
        Console.Error.WriteLine(error);
        return 1;
    }

    /// <summary>A message when a report file would overwrite an input (script, application, library) or the other report file.</summary>
    private static string? OutputClash(RunRequest request)
    {
        var inputs = new List<string>(request.Inputs.Take(request.Script is null ? 1 : 2));
        if (UserLibraries.Parse(request.UserLibs, out _) is { } specs) inputs.AddRange(specs.Select(s => s.Path));
        var seen = inputs.Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal);
        foreach (var output in (string?[])[request.JsonFile, request.HtmlFile])
        {
            if (output is null) continue;
            if (!seen.Add(Path.GetFullPath(output))) return $"{output}: error: the report would overwrite an input or the other report; name another file";
        }
        return null;
    }

    private static string Where(TrapReport? trap) => trap?.Location is { } location ? $" in {location}" : "";

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
