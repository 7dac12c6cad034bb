using System.Text.RegularExpressions;
using Whamm.Wasm.Opcodes;

namespace Whamm.Instrumentation.Tests;

/// <summary>
/// House rules of the rewriter's source (STYLE 1 and 9): opcode knowledge comes from the one table (no mnemonic
/// string literals), and code is emitted through the builder (no raw encoded bytes handed to the editors).
/// </summary>
public sealed partial class SourceRulesTests
{
    private static string SourceDir([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", "src", "Whamm.Instrumentation"));

    private static IEnumerable<string> Files() => Directory.GetFiles(SourceDir(), "*.cs", SearchOption.AllDirectories)
        .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [GeneratedRegex("\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex StringLiteral();

    [Fact]
    public void NoMnemonicIsSpelledOut()
    {
        var mnemonics = OpcodeTable.All.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(Files());
        foreach (var file in Files())
        {
            foreach (Match m in StringLiteral().Matches(File.ReadAllText(file)))
                Assert.False(mnemonics.Contains(m.Groups[1].Value), $"{Path.GetFileName(file)} spells the mnemonic {m.Value}");
        }
    }

    [Fact]
    public void CodeIsEmittedThroughTheBuilder()
    {
        foreach (var file in Files())
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain("AppendEncoded(", text);
            Assert.DoesNotContain("new byte[]", text);
            Assert.DoesNotContain("stackalloc byte", text);
        }
    }
}
