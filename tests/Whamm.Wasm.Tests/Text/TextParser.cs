using Whamm.Runtime.Text;
using Whamm.Wasm.Model;
using Whamm.Wasm.Reading;
using Whamm.Wasm.Text;

namespace Whamm.Wasm.Tests.Text;

/// <summary>Printing and re-parsing through the reference text parser.</summary>
public static class TextParser
{
    /// <summary>The binary for <paramref name="text"/>.</summary>
    public static byte[] Parse(string text, string path = "<text>") => WatParser.Instance.Parse(text, path);

    /// <summary>
    /// Prints <paramref name="module"/> as UTF-8 into memory and parses it back: the whole text of a
    /// 30 MB module is a few hundred MB, so it never becomes a .NET string.
    /// </summary>
    public static byte[] PrintAndParse(Module module, WatOptions options, out long textBytes)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true))
        {
            WatPrinter.Print(module, writer, options);
        }
        textBytes = buffer.Length;
        return WatParser.Instance.Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), "<printed>");
    }

    /// <summary>Reads a binary.</summary>
    public static Module Read(byte[] bytes) => ModuleReader.Read(bytes);
}
