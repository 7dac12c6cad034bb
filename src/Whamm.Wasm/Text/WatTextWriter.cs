using System.Globalization;

namespace Whamm.Wasm.Text;

/// <summary>
/// The printer's output: a <see cref="TextWriter"/> plus indentation and allocation-free number writing,
/// so printing a 30 MB module streams straight to the file. Lines end in <c>\n</c> on every platform.
/// Indentation stops growing at <see cref="MaxIndentDepth"/> levels: compiled code nests blocks hundreds
/// deep, and unbounded indentation would make most of the text spaces.
/// </summary>
internal sealed class WatTextWriter(TextWriter output, string indentUnit)
{
    /// <summary>The deepest nesting that still indents further.</summary>
    public const int MaxIndentDepth = 20;

    private readonly List<string> _indents = [""];
    private readonly char[] _buffer = new char[64];

    public TextWriter Output { get; } = output;

    /// <summary>Current indentation depth.</summary>
    public int Depth { get; set; }

    public void Write(string text) => Output.Write(text);

    public void Write(char c) => Output.Write(c);

    public void Write(ReadOnlySpan<char> text) => Output.Write(text);

    /// <summary>Lines written so far (to tell whether something was printed in between).</summary>
    public long Lines { get; private set; }

    /// <summary>A new line at the current depth.</summary>
    public void Line()
    {
        Lines++;
        Output.Write('\n');
        Output.Write(Indent(Math.Min(Depth, MaxIndentDepth)));
    }

    /// <summary>A space, then <paramref name="text"/>.</summary>
    public void Space(string text)
    {
        Output.Write(' ');
        Output.Write(text);
    }

    public void WriteUnsigned(ulong value)
    {
        value.TryFormat(_buffer, out var n, default, CultureInfo.InvariantCulture);
        Output.Write(_buffer, 0, n);
    }

    public void WriteSigned(long value)
    {
        value.TryFormat(_buffer, out var n, default, CultureInfo.InvariantCulture);
        Output.Write(_buffer, 0, n);
    }

    /// <summary><c>0x</c> and the value in lower-case hex, zero-padded to <paramref name="digits"/> (8 or 16).</summary>
    public void WriteHex(ulong value, int digits)
    {
        _buffer[0] = '0';
        _buffer[1] = 'x';
        value.TryFormat(_buffer.AsSpan(2), out var n, digits switch { 8 => "x8", 16 => "x16", _ => "x" }, CultureInfo.InvariantCulture);
        Output.Write(_buffer, 0, n + 2);
    }

    public void WriteF32(uint bits) => Output.Write(_buffer, 0, WatNumbers.FormatF32(bits, _buffer));

    public void WriteF64(ulong bits) => Output.Write(_buffer, 0, WatNumbers.FormatF64(bits, _buffer));

    /// <summary>A block comment with an index, <c>(;7;)</c>.</summary>
    public void IndexComment(long index)
    {
        Output.Write("(;");
        WriteSigned(index);
        Output.Write(";)");
    }

    /// <summary>
    /// A string literal of raw bytes, escaped (see <see cref="WatSyntax.AppendEscaped"/>), written in
    /// pieces so large data segments need no big intermediate string.
    /// </summary>
    public void WriteString(ReadOnlySpan<byte> bytes)
    {
        Span<char> chunk = stackalloc char[256];
        var n = 0;
        Output.Write('"');
        foreach (var b in bytes)
        {
            if (n > chunk.Length - 4)
            {
                Output.Write(chunk[..n]);
                n = 0;
            }
            switch (b)
            {
                case (byte)'"': chunk[n++] = '\\'; chunk[n++] = '"'; break;
                case (byte)'\\': chunk[n++] = '\\'; chunk[n++] = '\\'; break;
                case (byte)'\t': chunk[n++] = '\\'; chunk[n++] = 't'; break;
                case (byte)'\n': chunk[n++] = '\\'; chunk[n++] = 'n'; break;
                default:
                    if (b is >= 0x20 and < 0x7F)
                    {
                        chunk[n++] = (char)b;
                    }
                    else
                    {
                        chunk[n++] = '\\';
                        chunk[n++] = WatSyntax.Hex[b >> 4];
                        chunk[n++] = WatSyntax.Hex[b & 0xF];
                    }
                    break;
            }
        }
        Output.Write(chunk[..n]);
        Output.Write('"');
    }

    private string Indent(int depth)
    {
        while (_indents.Count <= depth) _indents.Add(_indents[^1] + indentUnit);
        return _indents[depth];
    }
}
