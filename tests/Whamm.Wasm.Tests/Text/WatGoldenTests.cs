using Whamm.Wasm.Instructions;
using Whamm.Wasm.Model;
using Whamm.Wasm.Opcodes;
using Whamm.Wasm.Tests.Corpus;
using Whamm.Wasm.Text;

namespace Whamm.Wasm.Tests.Text;

/// <summary>
/// Printer golden tests, found as data: each <c>Text/golden/NAME.wat</c> is parsed, printed flat and
/// folded, and compared with <c>NAME.printed.wat</c> and <c>NAME.folded.wat</c> beside it. Set
/// <c>WHAMM_BLESS=1</c> to (re)write the expected files; adding a case is adding a <c>.wat</c>.
/// Both printed forms must parse back to exactly the input's binary.
/// </summary>
public class WatGoldenTests
{
    private static string GoldenDir => Path.Combine(CorpusFiles.Root, "tests", "Whamm.Wasm.Tests", "Text", "golden");

    private static bool Bless => Environment.GetEnvironmentVariable("WHAMM_BLESS") == "1";

    public static IEnumerable<object[]> Cases() =>
        Directory.GetFiles(GoldenDir, "*.wat")
            .Where(f => !f.EndsWith(".printed.wat", StringComparison.Ordinal) && !f.EndsWith(".folded.wat", StringComparison.Ordinal))
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Order(StringComparer.Ordinal)
            .Select(n => new object[] { n });

    private static byte[] Input(string name)
    {
        var path = Path.Combine(GoldenDir, name + ".wat");
        return TextParser.Parse(File.ReadAllText(path), path);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FlatMatchesExpected(string name) => Check(name, folded: false);

    [Theory]
    [MemberData(nameof(Cases))]
    public void FoldedMatchesExpected(string name) => Check(name, folded: true);

    private static void Check(string name, bool folded)
    {
        var binary = Input(name);
        var text = WatPrinter.Print(TextParser.Read(binary), new WatOptions { Folded = folded });
        var expectedPath = Path.Combine(GoldenDir, name + (folded ? ".folded.wat" : ".printed.wat"));
        if (Bless)
        {
            File.WriteAllText(expectedPath, text);
        }
        else
        {
            Assert.True(File.Exists(expectedPath), $"{expectedPath} is missing; run the tests with WHAMM_BLESS=1 to create it");
            Assert.Equal(File.ReadAllText(expectedPath).ReplaceLineEndings("\n"), text);
        }
        var reparsed = TextParser.Parse(text, expectedPath);
        Assert.True(binary.AsSpan().SequenceEqual(reparsed),
            $"{name}: the printed text parses to a different binary (first difference at byte {binary.AsSpan().CommonPrefixLength(reparsed)})");
    }

    [Fact]
    public void GoldenInputsCoverEveryImmediateKindAndSection()
    {
        var kinds = new HashSet<ImmKind>();
        var sections = new HashSet<SectionId>();
        foreach (var name in Cases().Select(c => (string)c[0]))
        {
            var binary = Input(name);
            sections.UnionWith(SectionIds(binary));
            var module = TextParser.Read(binary);
            foreach (var f in module.Functions)
            {
                foreach (var ins in f.Body.Decode()) kinds.UnionWith(ins.Opcode.Immediates);
            }
            foreach (var g in module.Globals)
            {
                foreach (var ins in g.Init.Decode()) kinds.UnionWith(ins.Opcode.Immediates);
            }
        }
        Assert.Equal(Enum.GetValues<ImmKind>().Order(), kinds.Order());
        Assert.Equal(Enum.GetValues<SectionId>().Order(), sections.Order());
    }

    [Fact]
    public void OutputIsStable()
    {
        foreach (var name in Cases().Select(c => (string)c[0]))
        {
            var module = TextParser.Read(Input(name));
            Assert.Equal(WatPrinter.Print(module), WatPrinter.Print(TextParser.Read(Input(name))));
        }
    }

    /// <summary>The id of every section in file order.</summary>
    internal static IEnumerable<SectionId> SectionIds(byte[] binary)
    {
        var r = new Whamm.Wasm.Binary.WasmReader(binary) { Position = 8 };
        var ids = new List<SectionId>();
        while (!r.AtEnd)
        {
            ids.Add((SectionId)r.ReadByte());
            var size = r.ReadU32();
            r.Position += (int)size;
        }
        return ids;
    }
}
