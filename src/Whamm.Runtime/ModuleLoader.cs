using Whamm.Runtime.Text;
using Whamm.Wasm.Model;
using Whamm.Wasm.Reading;

namespace Whamm.Runtime;

/// <summary>How a module was given.</summary>
public enum ModuleFormat
{
    /// <summary>The binary format (starts with <c>\0asm</c>).</summary>
    Binary,
    /// <summary>The text format.</summary>
    Text,
}

/// <summary>A module as loaded: the model, its binary encoding, and the format it came in.</summary>
/// <param name="Module">The decoded module.</param>
/// <param name="Binary">The binary: the file itself, or what the text parser produced from the text.</param>
/// <param name="Format">Binary or text.</param>
/// <param name="Path">Where it came from (a placeholder for bytes from memory).</param>
public sealed record LoadedModule(Module Module, byte[] Binary, ModuleFormat Format, string Path);

/// <summary>
/// Loads a module from a <c>.wasm</c> or <c>.wat</c> file (or bytes), deciding binary or text by content:
/// the binary magic <c>\0asm</c> means binary; text that begins, after whitespace and comments, with
/// <c>(</c> means text; anything else is text when the file is named <c>*.wat</c>/<c>*.wast</c> (so the
/// user gets a text diagnostic) and binary otherwise (so the user gets "magic header not detected").
/// </summary>
/// <example>
/// <code>
/// var loaded = ModuleLoader.Load("app.wat");   // or app.wasm
/// Console.WriteLine(loaded.Module.Functions.Count);
/// </code>
/// </example>
public static class ModuleLoader
{
    private static ReadOnlySpan<byte> Magic => [0x00, 0x61, 0x73, 0x6D];

    /// <summary>Reads and decodes the file at <paramref name="path"/>.</summary>
    /// <exception cref="TextParseException">The file is text and does not parse.</exception>
    /// <exception cref="Whamm.Wasm.Binary.WasmException">The file is binary (or assembled text) and is malformed.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static LoadedModule Load(string path, ITextParser? parser = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Load(File.ReadAllBytes(path), path, parser);
    }

    /// <summary>Decodes <paramref name="bytes"/>, binary or text; <paramref name="path"/> names it in diagnostics.</summary>
    public static LoadedModule Load(byte[] bytes, string path = "<bytes>", ITextParser? parser = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var format = DetectFormat(bytes, path);
        var binary = format == ModuleFormat.Text ? (parser ?? WatParser.Instance).Parse(bytes, path) : bytes;
        return new LoadedModule(ModuleReader.Read(binary), binary, format, path);
    }

    /// <summary>The binary encoding of <paramref name="bytes"/>: themselves when binary, else the assembled text.</summary>
    public static byte[] ToBinary(byte[] bytes, string path = "<bytes>", ITextParser? parser = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return DetectFormat(bytes, path) == ModuleFormat.Text ? (parser ?? WatParser.Instance).Parse(bytes, path) : bytes;
    }

    /// <summary>Decides binary or text from the content, using the file extension only when the content does not say.</summary>
    public static ModuleFormat DetectFormat(ReadOnlySpan<byte> bytes, string? path = null)
    {
        if (bytes.StartsWith(Magic)) return ModuleFormat.Binary;
        if (LooksLikeText(bytes)) return ModuleFormat.Text;
        var extension = Path.GetExtension(path ?? "");
        return extension.Equals(".wat", StringComparison.OrdinalIgnoreCase) || extension.Equals(".wast", StringComparison.OrdinalIgnoreCase)
            ? ModuleFormat.Text
            : ModuleFormat.Binary;
    }

    /// <summary>
    /// True when, after an optional byte-order mark, whitespace, <c>;;</c> line comments and <c>(; ;)</c>
    /// block comments, the next character is <c>(</c>, or nothing is left but a non-empty run of those.
    /// </summary>
    public static bool LooksLikeText(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        var sawTrivia = false;
        var i = 0;
        while (i < bytes.Length)
        {
            var b = bytes[i];
            if (b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
            {
                i++;
                sawTrivia = true;
                continue;
            }
            if (b == ';' && i + 1 < bytes.Length && bytes[i + 1] == ';')
            {
                var end = bytes[i..].IndexOf((byte)'\n');
                i = end < 0 ? bytes.Length : i + end + 1;
                sawTrivia = true;
                continue;
            }
            if (b == '(' && i + 1 < bytes.Length && bytes[i + 1] == ';')
            {
                i = SkipBlockComment(bytes, i);
                if (i < 0) return true; // unterminated comment: text, and the parser says where
                sawTrivia = true;
                continue;
            }
            return b == '(';
        }
        return sawTrivia;
    }

    /// <summary>The index after the (nested) block comment starting at <paramref name="start"/>, or -1 if it never ends.</summary>
    private static int SkipBlockComment(ReadOnlySpan<byte> bytes, int start)
    {
        var depth = 0;
        var i = start;
        while (i + 1 < bytes.Length)
        {
            if (bytes[i] == '(' && bytes[i + 1] == ';')
            {
                depth++;
                i += 2;
            }
            else if (bytes[i] == ';' && bytes[i + 1] == ')')
            {
                depth--;
                i += 2;
                if (depth == 0) return i;
            }
            else
            {
                i++;
            }
        }
        return -1;
    }
}
