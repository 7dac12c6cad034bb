using Whamm.Wasm.Model;
using Whamm.Wasm.Tests.Corpus;
using Whamm.Wasm.Text;

namespace Whamm.Wasm.Tests.Text;

/// <summary>
/// Print → parse → write over the whole corpus (C programs, npm binaries up to 30 MB, Binaryen's
/// GC-heavy random modules), flat and folded. The comparison is defined in <see cref="CanonicalEncoding"/>:
/// the re-parsed module, minus its name section, must equal the original re-encoded canonically, byte
/// for byte; and every function, local and global name must survive.
/// </summary>
public class PrintRoundTripTests
{
    public static IEnumerable<object[]> Names() => CorpusFiles.AllNames();

    [Theory]
    [MemberData(nameof(Names))]
    public void FlatTextParsesBackToTheModule(string name) => RoundTrip(name, folded: false);

    [Theory]
    [MemberData(nameof(Names))]
    public void FoldedTextParsesBackToTheModule(string name) => RoundTrip(name, folded: true);

    private static void RoundTrip(string name, bool folded)
    {
        var original = File.ReadAllBytes(CorpusFiles.Get(name).Path);
        var module = TextParser.Read(original);
        var reparsed = TextParser.PrintAndParse(module, new WatOptions { Folded = folded }, out _);

        var expected = CanonicalEncoding.Of(original);
        var actual = CanonicalEncoding.WithoutNames(reparsed);
        Assert.True(expected.AsSpan().SequenceEqual(actual),
            $"{name}: the re-parsed module differs from the canonical original at byte {expected.AsSpan().CommonPrefixLength(actual)} " +
            $"(lengths {expected.Length} and {actual.Length})");
        Assert.True(expected.AsSpan().SequenceEqual(CanonicalEncoding.Of(reparsed)), $"{name}: the parser's output is not canonical");
        AssertSameNames(module, TextParser.Read(reparsed));
    }

    private static void AssertSameNames(Module original, Module reparsed)
    {
        if (original.Names is not { } names) return;
        var after = reparsed.Names ?? new NameSection();
        Assert.Equal(names.ModuleName, after.ModuleName);
        Assert.Equal(InRange(names.FunctionNames, original.FunctionCount), InRange(after.FunctionNames, original.FunctionCount));
        Assert.Equal(InRange(names.GlobalNames, original.GlobalCount), InRange(after.GlobalNames, original.GlobalCount));
        foreach (var (func, locals) in names.LocalNames)
        {
            if (func >= original.FunctionCount) continue;
            var count = LocalCount(original, func);
            var expected = InRange(locals, count);
            var actual = after.LocalNames.TryGetValue(func, out var map) ? InRange(map, count) : [];
            Assert.True(expected.SequenceEqual(actual), $"local names of function {func} differ");
        }
    }

    private static int LocalCount(Module module, uint func)
    {
        var count = module.FunctionType(func).Params.Length;
        var imported = module.ImportedFunctionCount;
        if (func >= imported) count += (int)module.Functions[(int)func - imported].Body.LocalCount;
        return count;
    }

    private static List<KeyValuePair<uint, string>> InRange(IReadOnlyDictionary<uint, string> map, int count) =>
        map.Where(p => p.Key < count).OrderBy(p => p.Key).ToList();
}
