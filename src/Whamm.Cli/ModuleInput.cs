using Whamm.Runtime;
using Whamm.Runtime.Text;
using Whamm.Wasm.Binary;

namespace Whamm.Cli;

/// <summary>
/// Reads a module argument, binary or text (decided by content, see <see cref="ModuleLoader"/>), and
/// turns every user mistake into the one-line message the commands print: <c>FILE: error: cannot read
/// file: …</c>, <c>FILE:LINE:COL: error: …</c> for text, <c>FILE: error at offset 0x…: …</c> for binaries.
/// </summary>
internal static class ModuleInput
{
    /// <summary>The loaded module, or null with <paramref name="error"/> set.</summary>
    /// <param name="path">The path as the user wrote it (used in messages).</param>
    /// <param name="error">The message (possibly several lines: a text error has the source line and a caret).</param>
    public static LoadedModule? Load(string path, out string? error)
    {
        error = null;
        if (ReadBytes(path, out error) is not { } bytes) return null;
        try
        {
            return ModuleLoader.Load(bytes, path);
        }
        catch (TextParseException e)
        {
            error = e.Diagnostic.Render();
        }
        catch (WasmException e)
        {
            error = BinaryError(path, e, ModuleLoader.DetectFormat(bytes, path) == ModuleFormat.Text);
        }
        return null;
    }

    /// <summary>The file's bytes, or null with a "cannot read" message.</summary>
    public static byte[]? ReadBytes(string path, out string? error)
    {
        error = null;
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error = $"{path}: error: cannot read file: {e.Message}";
            return null;
        }
    }

    /// <summary><c>FILE: error at offset 0x…: reason (section)</c>; for text input the offset is in the assembled binary.</summary>
    public static string BinaryError(string path, WasmException e, bool fromText)
    {
        var where = e.Section is null ? "" : $" ({e.Section} section)";
        var assembled = fromText ? " of the binary assembled from the text" : "";
        return $"{path}: error at offset 0x{e.Offset:x}{assembled}: {e.Reason}{where}";
    }

    /// <summary>
    /// Writes an output file through a temporary file in the same directory (<see cref="PendingOutput"/>), so a failure
    /// halfway never leaves a truncated file behind. Returns an error message, or null.
    /// </summary>
    public static string? WriteAtomically(string path, Action<Stream> write)
    {
        using var pending = new PendingOutput(path);
        return pending.Write(write) ?? pending.Commit();
    }
}
