namespace Whamm.Runtime.Text;

/// <summary>
/// Turns WebAssembly text (a module, or module fields without the <c>(module …)</c> wrapper) into a
/// binary module. The one seam between the project and a text parser: the implementation is
/// <see cref="WatParser"/>, the reference parser that ships inside Wasmtime.
/// </summary>
public interface ITextParser
{
    /// <summary>Parses UTF-8 text.</summary>
    /// <param name="utf8">The text.</param>
    /// <param name="path">The file name used in diagnostics.</param>
    /// <returns>The binary encoding of the module.</returns>
    /// <exception cref="TextParseException">The text is not a well-formed module; the diagnostic has the line and column.</exception>
    byte[] Parse(ReadOnlySpan<byte> utf8, string path = "<text>");

    /// <summary>Parses text held in a string.</summary>
    /// <exception cref="TextParseException">The text is not a well-formed module.</exception>
    byte[] Parse(string text, string path = "<text>");
}
