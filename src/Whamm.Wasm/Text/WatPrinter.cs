using Whamm.Wasm.Model;

namespace Whamm.Wasm.Text;

/// <summary>How <see cref="WatPrinter"/> lays out the text.</summary>
public sealed record WatOptions
{
    /// <summary>The default: flat instructions, two-space indentation.</summary>
    public static readonly WatOptions Default = new();

    /// <summary>
    /// Print function bodies in the folded (s-expression) form: <c>(i32.add (local.get 0) (i32.const 1))</c>
    /// and <c>(block … )</c>. Both forms parse to the same instructions.
    /// </summary>
    public bool Folded { get; init; }

    /// <summary>One level of indentation.</summary>
    public string Indent { get; init; } = "  ";
}

/// <summary>
/// Prints any module the toolkit can read as WebAssembly text, in a stable layout that re-parses to the
/// same module: every section and proposal the reader supports, identifiers from the <c>name</c> section
/// (see <see cref="WatNames"/>), numeric indices otherwise, custom sections as <c>(@custom …)</c>
/// annotations placed where they were. Output streams to a <see cref="TextWriter"/>.
/// </summary>
/// <example>
/// <code>
/// var module = ModuleReader.ReadFile("app.wasm");
/// using var file = File.CreateText("app.wat");
/// WatPrinter.Print(module, file);
/// </code>
/// </example>
public static class WatPrinter
{
    /// <summary>Prints <paramref name="module"/> to <paramref name="output"/>, ending with a newline.</summary>
    /// <exception cref="Binary.WasmException">A function body or expression cannot be decoded.</exception>
    public static void Print(Module module, TextWriter output, WatOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(output);
        new WatModulePrinter(module, output, options ?? WatOptions.Default).Print();
    }

    /// <summary>The text of <paramref name="module"/> (for big modules, print to a file instead: the text is ~15× the binary).</summary>
    public static string Print(Module module, WatOptions? options = null)
    {
        var sw = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Print(module, sw, options);
        return sw.ToString();
    }
}
