using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace Whamm.Runtime.Text;

/// <summary>
/// The reference text parser (the <c>wat</c> crate of wasm-tools) as shipped in Wasmtime: complete for
/// every proposal, with line:col errors, which are mapped to a <see cref="TextDiagnostic"/>.
/// <para>
/// It calls <c>wasmtime_wat2wasm</c>, the C entry point behind <c>Wasmtime.Module.ConvertText</c>,
/// directly on UTF-8 bytes: <c>ConvertText</c> takes a .NET string, and the text of a 30 MB module is
/// several hundred million characters, which would need a string of a gigabyte or more first.
/// </para>
/// </summary>
/// <example>
/// <code>
/// byte[] wasm = WatParser.Instance.Parse("(module (func (export \"f\") (result i32) i32.const 1))");
/// </code>
/// </example>
public sealed partial class WatParser : ITextParser
{
    private static readonly byte[] Empty = [0];

    /// <summary>The parser (it is stateless).</summary>
    public static readonly WatParser Instance = new();

    /// <inheritdoc/>
    public byte[] Parse(string text, string path = "<text>")
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(Encoding.UTF8.GetBytes(text), path);
    }

    /// <inheritdoc/>
    public unsafe byte[] Parse(ReadOnlySpan<byte> utf8, string path = "<text>")
    {
        ArgumentNullException.ThrowIfNull(path);
        if (utf8.StartsWith(Utf8Bom)) utf8 = utf8[Utf8Bom.Length..];
        CheckUtf8(utf8, path);
        IntPtr error;
        ByteVec result;
        fixed (byte* text = utf8.IsEmpty ? Empty : utf8)
        {
            error = wasmtime_wat2wasm(text, (nuint)utf8.Length, out result);
        }
        if (error != IntPtr.Zero) throw new TextParseException(Diagnose(TakeMessage(error), utf8, path));
        try
        {
            return new ReadOnlySpan<byte>(result.Data, checked((int)result.Size)).ToArray();
        }
        finally
        {
            wasm_byte_vec_delete(ref result);
        }
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// Maps the parser's message (<c>message\n --&gt; &lt;anon&gt;:LINE:COL\n  |\n…</c>) to a diagnostic that
    /// quotes the line from our copy of the text.
    /// </summary>
    internal static TextDiagnostic Diagnose(string message, ReadOnlySpan<byte> utf8, string path)
    {
        var firstLine = message.Split('\n', 2)[0].Trim();
        var match = PositionPattern().Match(message);
        if (!match.Success) return new TextDiagnostic(TextDiagnosticCodes.Syntax, path, 0, 0, firstLine);
        var line = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var column = int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        return new TextDiagnostic(TextDiagnosticCodes.Syntax, path, line, column, firstLine, LineOf(utf8, line));
    }

    /// <summary>Reports the first invalid UTF-8 sequence at its line and column, before the parser sees it.</summary>
    private static void CheckUtf8(ReadOnlySpan<byte> utf8, string path)
    {
        if (System.Text.Unicode.Utf8.IsValid(utf8)) return;
        var valid = 0;
        var chars = ArrayPool<char>.Shared.Rent(4096);
        try
        {
            while (true)
            {
                var status = System.Text.Unicode.Utf8.ToUtf16(utf8[valid..], chars, out var read, out _, replaceInvalidSequences: false);
                valid += read;
                if (status != OperationStatus.DestinationTooSmall) break;
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
        var prefix = utf8[..valid];
        var line = 1 + prefix.Count((byte)'\n');
        var lineStart = prefix.LastIndexOf((byte)'\n') + 1;
        var column = 1 + Encoding.UTF8.GetCharCount(prefix[lineStart..]);
        throw new TextParseException(new TextDiagnostic(TextDiagnosticCodes.Encoding, path, line, column,
            $"malformed UTF-8 encoding (byte 0x{utf8[valid]:x2})", Encoding.UTF8.GetString(prefix[lineStart..])));
    }

    private static string? LineOf(ReadOnlySpan<byte> utf8, int line)
    {
        var start = 0;
        for (var current = 1; current < line; current++)
        {
            var next = utf8[start..].IndexOf((byte)'\n');
            if (next < 0) return null;
            start += next + 1;
        }
        var rest = utf8[start..];
        var end = rest.IndexOf((byte)'\n');
        return Encoding.UTF8.GetString(end < 0 ? rest : rest[..end]).TrimEnd('\r');
    }

    [GeneratedRegex(@"-->\s*[^\n]*?:(\d+):(\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex PositionPattern();

    private static unsafe string TakeMessage(IntPtr error)
    {
        try
        {
            wasmtime_error_message(error, out var message);
            try
            {
                return Encoding.UTF8.GetString(message.Data, checked((int)message.Size));
            }
            finally
            {
                wasm_byte_vec_delete(ref message);
            }
        }
        finally
        {
            wasmtime_error_delete(error);
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private unsafe struct ByteVec
    {
        public nuint Size;
        public byte* Data;
    }

    private const string Library = "wasmtime";

    [DllImport(Library)]
    private static extern unsafe IntPtr wasmtime_wat2wasm(byte* wat, nuint length, out ByteVec result);

    [DllImport(Library)]
    private static extern void wasm_byte_vec_delete(ref ByteVec vec);

    [DllImport(Library)]
    private static extern void wasmtime_error_message(IntPtr error, out ByteVec message);

    [DllImport(Library)]
    private static extern void wasmtime_error_delete(IntPtr error);
}
