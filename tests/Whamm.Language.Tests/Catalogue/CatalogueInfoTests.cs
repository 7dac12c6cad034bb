using Whamm.Language.Catalogue;

namespace Whamm.Language.Tests.Catalogue;

/// <summary><c>whamm info</c> text: golden files in <c>Data/info-*.txt</c> (WHAMM_BLESS=1 rewrites them).</summary>
public class CatalogueInfoTests
{
    [Theory]
    [InlineData("wasm:opcode:br:*", true, true, "info-br-vf.txt")]
    [InlineData("wasm:func:*", false, false, "info-func.txt")]
    [InlineData("wasm:opcode:i32.load:before", true, false, "info-i32-load-v.txt")]
    public void MatchesGoldenFile(string rule, bool variables, bool functions, string file)
    {
        var result = CatalogueInfo.Format(rule, variables, functions);
        Assert.True(result.Success, result.Error?.Message);
        var path = CatalogueData.PathOf(file);
        if (CatalogueData.Bless) File.WriteAllText(path, result.Text);
        Assert.Equal(File.ReadAllText(path), result.Text);
    }

    [Fact]
    public void GlobRulesListEveryMatchedEventOnce()
    {
        var text = CatalogueInfo.Format("wasm:opcode:br*:*").Text;
        foreach (var name in new[] { "br", "br_if", "br_table", "br_on_cast", "br_on_cast_fail", "br_on_null", "br_on_non_null" })
            Assert.Single(text.Split('\n'), l => l == name + " event");
        Assert.Single(text.Split('\n'), l => l == "opcode package");
        Assert.DoesNotContain("VARIABLES:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("CORE `whamm` FUNCTIONALITY", text, StringComparison.Ordinal);
        Assert.Contains("    at_target mode (semantic_after)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void RulesAbovePackageLevelDescribeThePackages()
    {
        var result = CatalogueInfo.Format("wasm:opcode", variables: true);
        Assert.True(result.Success);
        Assert.Contains("opcode package", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(" event\n", result.Text, StringComparison.Ordinal);
        Assert.Contains("fid: u32", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void UnmatchedRulesReportTheError()
    {
        var result = CatalogueInfo.Format("wasm:opcode:nothing:*");
        Assert.False(result.Success);
        Assert.Equal("", result.Text);
        Assert.Equal("Could not find any matches for the specified event pattern: nothing", result.Error!.Message);
    }
}
