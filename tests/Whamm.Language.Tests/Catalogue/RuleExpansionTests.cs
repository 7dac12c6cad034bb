using System.Text.RegularExpressions;
using Whamm.Language.Catalogue;
using Whamm.Language.Syntax;
using Whamm.Wasm.Opcodes;

namespace Whamm.Language.Tests.Catalogue;

/// <summary>Probe-rule expansion: the cases of <c>Data/rule-expansions.txt</c>, plus the probe numbering and scoping facts.</summary>
public partial class RuleExpansionTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var line in File.ReadLines(CatalogueData.PathOf("rule-expansions.txt")))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var m = CaseLine().Match(line);
            if (!m.Success) throw new FormatException($"bad case line: {line}");
            data.Add(m.Groups["rule"].Value, m.Groups["op"].Value + " " + m.Groups["expected"].Value);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Expands(string rule, string expected)
    {
        var expansion = RuleMatcher.Expand(rule);
        if (expected.StartsWith("!! ", StringComparison.Ordinal))
        {
            Assert.False(expansion.Success);
            Assert.Empty(expansion.Probes);
            var e = expansion.Error!;
            Assert.Equal(expected[3..], $"{e.Kind}@{e.PartIndex}: {e.Message}");
            return;
        }
        Assert.True(expansion.Success, expansion.Error?.Message);
        var want = expected[3..];
        var count = ProbeCount().Match(want);
        if (count.Success)
            Assert.Equal(int.Parse(count.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), expansion.Probes.Count);
        else
            Assert.Equal(want.Split(", "), expansion.Probes.Select(p => p.RuleName));
        Assert.All(expansion.Probes, p => Assert.True(p.IsComplete));
    }

    [Fact]
    public void AllBeforeGivesOneProbePerEventInCatalogueOrder()
    {
        var probes = RuleMatcher.Expand("wasm:opcode:*:before").Probes;
        Assert.Equal(WasmCatalogue.Opcode.Events, probes.Select(p => p.Event));
        Assert.All(probes, p => Assert.Equal(ModeKind.Before, p.Mode!.Kind));
        // Probe numbers in the reference (§2.1): return 13, i32.load 26, i32.const 51.
        Assert.Equal(Op.Return, probes[13].Event!.Opcode!.Op);
        Assert.Equal(Op.I32Load, probes[26].Event!.Opcode!.Op);
        Assert.Equal(Op.I32Const, probes[51].Event!.Opcode!.Op);
        Assert.Equal(ReferenceTable.Events.Select(e => e.Name), probes.Take(310).Select(p => p.Event!.Name));
    }

    [Fact]
    public void AliasedModesKeepTheirKind()
    {
        var block = RuleMatcher.Expand("wasm:opcode:block:after|alt").Probes;
        Assert.Equal([ModeKind.SemanticAfter, ModeKind.BlockAlt], block.Select(p => p.Mode!.Kind));
        Assert.Equal(["semantic_after", "block_alt"], block.Select(p => p.Mode!.DefinitionName));
        var branch = RuleMatcher.Expand("wasm:opcode:br_if:at_target").Probes.Single();
        Assert.Equal(ModeKind.SemanticAfter, branch.Mode!.Kind);
        Assert.Equal(ModeKind.After, RuleMatcher.Expand("wasm:opcode:br_if:after").Probes.Single().Mode!.Kind);
    }

    [Fact]
    public void PatternsOfParsedPartsMatchLikeText()
    {
        RulePattern[] parts = [RulePattern.Parse("wasm"), RulePattern.Parse(""), RulePattern.Parse("i32.sub|i32.add"), RulePattern.Parse("before")];
        var probes = RuleMatcher.Expand(parts).Probes;
        Assert.Equal(["wasm:opcode:i32.add:before", "wasm:opcode:i32.sub:before"], probes.Select(p => p.RuleName));
        Assert.Equal(["wasm", "opcode", "call(arg0: i32)", "before"], RuleMatcher.SplitParts("wasm:opcode:call(arg0: i32):before"));
    }

    [Fact]
    public void IncompleteMatchesAreStillListedForInfo()
    {
        var expansion = RuleMatcher.Expand("wasm:*");
        Assert.Equal(RuleMatchErrorKind.Incomplete, expansion.Error!.Kind);
        Assert.Equal(["begin", "end", "report", "func", "block", "opcode"], expansion.Matches.Select(m => m.Name));
        Assert.Equal([true, true, true, false, false, false], expansion.Matches.Select(m => m.IsComplete));
    }

    [Fact]
    public void VariablesResolveInnermostFirst()
    {
        var callIndirect = RuleMatcher.Expand("wasm:opcode:call_indirect:before").Probes.Single();
        Assert.Equal("i32", callIndirect.FindVariable("arg0")!.Type.ToString());      // exact name wins over arg[0:9]+
        Assert.True(callIndirect.FindVariable("arg3")!.IsIndexedFamily);
        Assert.Equal("unknown", callIndirect.FindVariable("arg3")!.Type.ToString());
        Assert.Equal("fid", callIndirect.FindVariable("fid")!.Name);                // provider level
        Assert.Equal("local", callIndirect.FindVariable("local12")!.Name);          // provider family
        Assert.Null(callIndirect.FindVariable("local"));                             // a family needs digits
        Assert.Null(callIndirect.FindVariable("argx"));
        Assert.NotNull(callIndirect.FindFunction("drop_args"));                      // package level
        Assert.NotNull(callIndirect.FindFunction("resolve_funcref"));                // event level
        Assert.Null(callIndirect.FindFunction("alt_call_by_id"));

        var blockEnd = RuleMatcher.Expand("wasm:block:end").Probes.Single();
        Assert.Equal("u32", blockEnd.FindVariable("instr_count")!.Type.ToString());
        Assert.True(blockEnd.FindVariable("instr_count")!.IsStatic);
        Assert.Null(blockEnd.FindFunction("drop_args"));
        Assert.True(blockEnd.FindVariable("probe_id")!.EngineOnly);
    }

    [Fact]
    public void PackagesAreInDefinitionOrder()
    {
        Assert.Equal(["begin", "end", "report", "func", "block", "opcode"], WasmCatalogue.Wasm.Packages.Select(p => p.Name));
        Assert.Equal(["entry", "exit"], WasmCatalogue.Wasm.Package(PackageKind.Func).Events.Select(e => e.Name));
        Assert.Equal(["start", "end"], WasmCatalogue.Wasm.Package(PackageKind.Block).Events.Select(e => e.Name));
        Assert.Equal([CatalogueEventKind.BlockStart, CatalogueEventKind.BlockEnd], WasmCatalogue.Wasm.Package(PackageKind.Block).Events.Select(e => e.Kind));
        Assert.Equal(["probe_id", "fid", "pc", "opidx", "at_func_end", "fname", "local[0:9]+"], WasmCatalogue.Wasm.Variables.Select(v => v.DisplayName));
        Assert.All(WasmCatalogue.Wasm.Variables.Where(v => v.Name != "local"), v => Assert.True(v.IsStatic, v.Name));
    }

    [GeneratedRegex(@"^(?<rule>.+?) (?<op>=>|!!) (?<expected>.+)$")]
    private static partial Regex CaseLine();

    [GeneratedRegex(@"^(\d+) probes$")]
    private static partial Regex ProbeCount();
}
