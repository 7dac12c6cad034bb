using System.Diagnostics;

namespace Whamm.Cli.Tests;

/// <summary>The result of one run of the <c>whamm</c> executable.</summary>
public sealed record WhammResult(int ExitCode, string Stdout, string Stderr);

/// <summary>
/// Runs the built <c>whamm</c> executable as a separate process, as a user would: <c>dotnet whamm.dll</c>, or the
/// executable named by <c>WHAMM_EXE</c> (test.sh sets it to the Native AOT build users install).
/// </summary>
public static class WhammProcess
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "whamm.dll");
    private static readonly string? Exe = Environment.GetEnvironmentVariable("WHAMM_EXE") is { Length: > 0 } exe ? Path.GetFullPath(exe) : null;

    /// <summary>Runs <c>whamm args…</c> in <paramref name="workDir"/> (default: a fresh temp dir).</summary>
    public static WhammResult Run(params string[] args) => RunIn(null, args);

    /// <summary>Runs <c>whamm args…</c> in <paramref name="workDir"/>.</summary>
    public static WhammResult RunIn(string? workDir, params string[] args)
    {
        var info = new ProcessStartInfo(Exe ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workDir ?? Directory.CreateTempSubdirectory("whamm-cli-").FullName,
        };
        if (Exe is null) info.ArgumentList.Add(Dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"whamm {string.Join(' ', args)} did not finish");
        }
        return new WhammResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>A temp file with the given content, for inputs.</summary>
    public static string TempFile(string name, byte[] content)
    {
        var dir = Directory.CreateTempSubdirectory("whamm-in-").FullName;
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, content);
        return path;
    }
}
