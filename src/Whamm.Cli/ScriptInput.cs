using Whamm.Instrumentation;
using Whamm.Language.Diagnostics;
using Whamm.Language.Semantics;
using Whamm.Language.Text;
using Whamm.Runtime;
using Whamm.Runtime.Hosting;
using Whamm.Wasm.Binary;
using Whamm.Wasm.Validation;

namespace Whamm.Cli;

/// <summary>
/// The steps <c>instr</c> and <c>run</c> share, each turning a failure into the message it prints on stderr:
/// read and check a script (diagnostics rustc-style with <c>FILE:LINE:COL</c> and a caret, coloured only on a
/// terminal), instrument an application with it, and have Wasmtime confirm the result (DECISIONS 16).
/// </summary>
internal static class ScriptInput
{
    /// <summary>The script read and checked, or null when it cannot be read or has errors (the diagnostics are printed).</summary>
    public static (SourceText Source, CheckedScript Script)? Check(string path, CheckOptions? options = null)
    {
        SourceText source;
        try
        {
            source = SourceText.ReadFile(path, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            Console.Error.WriteLine($"{path}: error: cannot read file: {e.Message}");
            return null;
        }
        var (script, diagnostics) = Checker.Check(source, options);
        var colour = !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;
        if (diagnostics.Count > 0) Console.Error.Write(DiagnosticRenderer.Render(diagnostics, colour ? DiagnosticFormat.Colour : DiagnosticFormat.Plain));
        return script.HasErrors ? null : (source, script);
    }

    /// <summary>
    /// <paramref name="app"/> instrumented with <paramref name="script"/> (its warnings printed), or null with
    /// <paramref name="exitCode"/>: a construct this version cannot compile is a user error at its script
    /// location, an invalid result an internal error unless the application itself is invalid (a user error naming where).
    /// </summary>
    public static InstrumentResult? Instrument(LoadedModule app, SourceText source, CheckedScript script, InstrumentOptions options, out int exitCode)
    {
        exitCode = ExitCodes.Ok;
        InstrumentResult result;
        try
        {
            result = Instrumenter.Instrument(app.Module, script, options);
        }
        catch (InstrumentationException e) when (!e.IsInternal)
        {
            var where = e.Span is { } span ? Where(source, span) : source.Path;
            Console.Error.WriteLine($"{where}: error: {e.Message}");
            exitCode = ExitCodes.UserError;
            return null;
        }
        catch (Exception e) when (e is InstrumentationException or WasmException)
        {
            exitCode = Failed(app, e);
            return null;
        }
        foreach (var w in result.Warnings) Console.Error.WriteLine($"{app.Path}: warning: {w}");
        return result;
    }

    /// <summary>Prints why instrumenting failed and returns the exit code.</summary>
    private static int Failed(LoadedModule app, Exception e)
    {
        // The rewriter validates only what it needs to (issue #9), so an invalid result may be the application's fault.
        if (InvalidApp(app) is not { } invalidApp) return Failed(app.Path, e);
        Console.Error.WriteLine(invalidApp);
        return ExitCodes.UserError;
    }

    /// <summary>Prints why instrumenting failed, the application not blamed, and returns the exit code.</summary>
    private static int Failed(string appPath, Exception e)
    {
        Console.Error.WriteLine($"{appPath}: {(e is WasmException ? "internal error: " : "")}{e.Message}");
        return ExitCodes.InternalError;
    }

    /// <summary>What the checker needs to know of the user libraries: their signatures by name.</summary>
    public static CheckOptions CheckOptionsFor(IReadOnlyList<LoadedLibrary> libraries) =>
        new() { UserLibs = libraries.ToDictionary(l => l.Spec.Name, l => l.Signatures, StringComparer.Ordinal) };

    /// <summary>
    /// <see cref="Instrument"/> with the user libraries: their bytes for importing or merging, and <c>@static</c> calls run
    /// on Wasmtime (one instance per library for the whole instrumentation).
    /// </summary>
    public static InstrumentResult? Instrument(LoadedModule app, SourceText source, CheckedScript script, IReadOnlyList<LoadedLibrary> libraries,
        InstrumentOptions options, out int exitCode)
    {
        using var host = new StaticCallHost(libraries.ToDictionary(l => l.Spec.Name, l => l.Binary, StringComparer.Ordinal));
        return Instrument(app, source, script, options with
        {
            Validate = false, // Wasmtime validates the output (OutputValid); ours runs only when it cannot or rejects it
            Libraries = [.. libraries.Select(l => new InstrumentLibrary(l.Spec.Name, l.Binary, l.Spec.ImportModule))],
            StaticCalls = host.Call,
        }, out exitCode);
    }

    /// <summary>The message naming where the application (as read, before any edit) is invalid, or null when it is valid.</summary>
    private static string? InvalidApp(LoadedModule app)
    {
        try
        {
            ModuleValidator.Validate(ModuleLoader.Load(app.Binary, app.Path).Module);
            return null;
        }
        catch (WasmException e)
        {
            return ModuleInput.BinaryError(app.Path, e, app.Format == ModuleFormat.Text);
        }
    }

    /// <summary>
    /// Whether the instrumented module's <paramref name="bytes"/> are valid (DECISIONS 16). Wasmtime validates the whole
    /// module; our validator (<paramref name="check"/>) runs only when Wasmtime rejects it, to name the function and the
    /// probes injected there, or cannot tell (it rejects the application too: a proposal the binding cannot switch on).
    /// <paramref name="app"/> gives the application, asked for only then (<c>instr</c> has let it go and reads it again).
    /// Otherwise prints the error, ending with <paramref name="consequence"/>, and sets <paramref name="exitCode"/>.
    /// </summary>
    public static bool OutputValid(byte[] bytes, OutputCheck check, string appPath, Func<LoadedModule?> app, string consequence, out int exitCode)
    {
        exitCode = ExitCodes.Ok;
        LoadedModule? original = null;
        LoadedModule? Original() => original ??= app();
        var (verdict, error) = EngineCheck.Check(bytes, () => Original()?.Binary);
        if (verdict == EngineVerdict.Accepted) return true;
        try
        {
            check.Validate(bytes);
        }
        catch (InstrumentationException e)
        {
            exitCode = Original() is { } loaded ? Failed(loaded, e) : Failed(appPath, e);
            return false;
        }
        if (verdict == EngineVerdict.CannotTell) return true;
        Console.Error.WriteLine($"{appPath}: internal error: Wasmtime rejects the instrumented module: {error}; {consequence}");
        exitCode = ExitCodes.InternalError;
        return false;
    }

    private static string Where(SourceText source, TextSpan span)
    {
        var line = source.GetLineIndex(span.Start);
        var column = span.Start - source.GetLineStart(line);
        return $"{source.Path}:{line + 1}:{column + 1}";
    }
}
