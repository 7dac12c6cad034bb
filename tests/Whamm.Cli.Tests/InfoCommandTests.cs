namespace Whamm.Cli.Tests;

public class InfoCommandTests
{
    [Fact]
    public void BranchGlobListsTheBranchEventsInCatalogueOrder()
    {
        var result = WhammProcess.Run("info", "--rule", "wasm:opcode:br*:*");
        Assert.Equal(0, result.ExitCode);
        var events = result.Stdout.Split('\n').Where(l => l.EndsWith(" event", StringComparison.Ordinal)).Select(l => l[..^" event".Length]).ToList();
        Assert.Equal(["br", "br_if", "br_table", "br_on_cast", "br_on_cast_fail", "br_on_null", "br_on_non_null"], events);
        Assert.Contains("wasm:opcode:br*:* matches the following events:", result.Stdout);
        Assert.Contains("at_target mode (semantic_after)", result.Stdout);
        Assert.Contains(new string('-', 100), result.Stdout);
        Assert.DoesNotContain("VARIABLES:", result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void VariablesAndFunctionsWithTheirDocs()
    {
        var result = WhammProcess.Run("info", "-r", "wasm:opcode:call:before", "-v", "-f");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("CORE `whamm` FUNCTIONALITY", result.Stdout);
        Assert.Contains("VARIABLES:", result.Stdout);
        Assert.Contains("target_fn_name: str", result.Stdout);
        Assert.Contains("FUNCTIONS:", result.Stdout);
        Assert.Contains("alt_call_by_id(func_id: i32) -> ()", result.Stdout);
        Assert.Contains("strcmp(str_addr: (i32,i32), value: str) -> bool", result.Stdout);
    }

    [Fact]
    public void PackageLevelRules()
    {
        var result = WhammProcess.Run("info", "--rule", "wasm:func", "--vars");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("func package", result.Stdout);
        Assert.Contains("fid: u32", result.Stdout);
    }

    [Fact]
    public void RuleThatMatchesNothingExitsOne()
    {
        var result = WhammProcess.Run("info", "--rule", "wasm:opcode:frobnicate:*");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: Could not find any matches for the specified event pattern: frobnicate", result.Stderr.Trim());
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void ModeTheEventLacksExitsOne()
    {
        var result = WhammProcess.Run("info", "--rule", "wasm:opcode:nop:entry");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Could not find any matches for the specified mode pattern: entry", result.Stderr);
    }

    [Fact]
    public void RuleIsRequired()
    {
        var result = WhammProcess.Run("info");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--rule", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }
}
