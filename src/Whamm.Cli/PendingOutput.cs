namespace Whamm.Cli;

/// <summary>
/// An output file being written: under a hidden temporary name in its directory until <see cref="Commit"/> moves it into
/// place, so a failure halfway (or an output found invalid) never leaves a truncated or wrong file behind. Disposed
/// uncommitted, the temporary file is deleted.
/// </summary>
internal sealed class PendingOutput(string path) : IDisposable
{
    private readonly string full = Path.GetFullPath(path);
    private bool committed;

    /// <summary>The temporary file: hidden, beside the destination, named after the process.</summary>
    public string TempPath { get; } = TempPathOf(Path.GetFullPath(path));

    private static string TempPathOf(string full) =>
        Path.Combine(Path.GetDirectoryName(full) ?? ".", $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");

    /// <summary>Writes the temporary file. Returns an error message, or null.</summary>
    public string? Write(Action<Stream> write) => Try(() =>
    {
        using var stream = new FileStream(TempPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        write(stream);
    });

    /// <summary>The temporary file's bytes. Returns an error message, or null.</summary>
    public string? Read(out byte[] bytes)
    {
        byte[] read = [];
        var error = Try(() => read = File.ReadAllBytes(TempPath), "read back");
        bytes = read;
        return error;
    }

    /// <summary>Moves the temporary file into place. Returns an error message, or null.</summary>
    public string? Commit() => Try(() =>
    {
        File.Move(TempPath, full, overwrite: true);
        committed = true;
    });

    /// <summary>Deletes the temporary file unless it was committed.</summary>
    public void Dispose()
    {
        if (committed) return;
        try
        {
            File.Delete(TempPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the temporary file is hidden and named after the process.
        }
    }

    private string? Try(Action io, string doing = "write")
    {
        try
        {
            io();
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{path}: error: cannot {doing} file: {e.Message}";
        }
    }
}
