using System.Text;
using Whamm.Runtime.Text;
using Whamm.Runtime.Wast;
using Whamm.Wasm.Binary;

namespace Whamm.Runtime.Tests.Text;

/// <summary>
/// Malformed text, however it is broken, ends in our diagnostic (or a binary error for text that
/// assembles to something unreadable), never in another exception or a crash.
/// </summary>
public class MalformedTextTests
{
    private static readonly string[] Seeds = Directory.GetFiles(Path.Combine(TestFiles.Root, "tests", "Whamm.Wasm.Tests", "Text", "golden"), "*.wat")
        .Where(f => !f.Contains(".printed.", StringComparison.Ordinal) && !f.Contains(".folded.", StringComparison.Ordinal))
        .Concat(Directory.GetFiles(TestFiles.WastDir, "*.wast", SearchOption.AllDirectories))
        .Order(StringComparer.Ordinal)
        .ToArray();

    private const string Noise = "()\"$;\\ \n0xp.-_=@é\t";

    /// <summary>A random edit: delete a range, insert noise, duplicate a range, or truncate.</summary>
    private static string Mutate(string text, Random random)
    {
        var at = random.Next(text.Length);
        var length = Math.Min(random.Next(1, 12), text.Length - at);
        return random.Next(4) switch
        {
            0 => text.Remove(at, length),
            1 => text.Insert(at, new string(Enumerable.Range(0, length).Select(_ => Noise[random.Next(Noise.Length)]).ToArray())),
            2 => text.Insert(at, text.Substring(at, length)),
            _ => text[..at],
        };
    }

    [Fact]
    public void MutatedModulesGiveDiagnostics()
    {
        var random = new Random(42);
        var diagnostics = 0;
        foreach (var seed in Seeds.Where(s => s.EndsWith(".wat", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(seed);
            for (var i = 0; i < 150; i++)
            {
                var mutated = Mutate(Mutate(text, random), random);
                try
                {
                    ModuleLoader.Load(Encoding.UTF8.GetBytes(mutated), "fuzz.wat");
                }
                catch (TextParseException e)
                {
                    diagnostics++;
                    Assert.Equal("fuzz.wat", e.Diagnostic.Path);
                    Assert.True(e.Diagnostic.HasPosition, e.Diagnostic.ToString());
                }
                catch (WasmException)
                {
                    // Text that parses to a binary our reader refuses (e.g. an out-of-range immediate).
                }
            }
        }
        Assert.True(diagnostics > 100, $"only {diagnostics} mutations were malformed");
    }

    [Fact]
    public void MutatedScriptsGiveDiagnostics()
    {
        var random = new Random(7);
        foreach (var seed in Seeds.Where(s => s.EndsWith(".wast", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(seed);
            for (var i = 0; i < 200; i++)
            {
                var mutated = Mutate(Mutate(text, random), random);
                try
                {
                    WastScript.Parse(mutated, "fuzz.wast");
                }
                catch (TextParseException e)
                {
                    Assert.True(e.Diagnostic.HasPosition, e.Diagnostic.ToString());
                    Assert.StartsWith($"fuzz.wast:{e.Diagnostic.Line}:{e.Diagnostic.Column}: error: ", e.Diagnostic.ToString());
                }
            }
        }
    }

    [Fact]
    public void DeepNestingIsNoCrash()
    {
        const int depth = 200_000;
        var script = new string('(', depth) + new string(')', depth);
        Assert.Throws<TextParseException>(() => WastScript.Parse(script, "deep.wast"));
        var unclosed = "(module (func " + new string('(', depth);
        Assert.Throws<TextParseException>(() => ModuleLoader.Load(Encoding.UTF8.GetBytes(unclosed), "deep.wat"));
        var blocks = "(module (func " + string.Concat(Enumerable.Repeat("(block ", 20_000)) + new string(')', 20_002);
        var loaded = ModuleLoader.Load(Encoding.UTF8.GetBytes(blocks), "deep.wat");
        Assert.Equal(40_000, loaded.Module.Functions[0].Body.Decode().Count - 1); // blocks and their ends
        // Too deep to fold: printed flat, still the same module.
        var folded = Whamm.Wasm.Text.WatPrinter.Print(loaded.Module, new Whamm.Wasm.Text.WatOptions { Folded = true });
        Assert.Equal(loaded.Binary, WatParser.Instance.Parse(folded));
    }
}
