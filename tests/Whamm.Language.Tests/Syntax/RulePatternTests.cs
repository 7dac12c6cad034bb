using Whamm.Language.Syntax;

namespace Whamm.Language.Tests.Syntax;

public class RulePatternTests
{
    [Theory]
    [InlineData("call", "call", true)]
    [InlineData("call", "CALL", true)]
    [InlineData("call", "call_indirect", false)]
    [InlineData("*", "anything", true)]
    [InlineData("", "anything", true)]
    [InlineData("*load*", "i32.load8_u", true)]
    [InlineData("*load*", "i32.store", false)]
    [InlineData("*load*|*store*", "i64.store32", true)]
    [InlineData("br*", "br", true)]
    [InlineData("br*", "br_table", true)]
    [InlineData("*if", "br_if", true)]
    [InlineData("*if", "if", true)]
    [InlineData("*if", "iff", false)]
    [InlineData("???", "nop", true)]
    [InlineData("???", "call", false)]
    [InlineData("i32.[ls]*", "i32.load", true)]
    [InlineData("i32.[ls]*", "i32.store", true)]
    [InlineData("i32.[ls]*", "i32.add", false)]
    [InlineData("[!i]*", "f32.add", true)]
    [InlineData("[!i]*", "i32.add", false)]
    [InlineData("[!I]*", "i32.add", false)]
    [InlineData("i[0-9][0-9].add", "i64.add", true)]
    [InlineData("i[0-9][0-9].add", "f64.add", false)]
    [InlineData("[A-Z]*", "call", true)]
    [InlineData("[]]x", "]x", true)]
    [InlineData("[!]]x", "ax", true)]
    [InlineData("[!]]x", "]x", false)]
    [InlineData("a*b*c", "aXXbYYc", true)]
    [InlineData("a*b*c", "aXXbYY", false)]
    [InlineData("*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false)]
    [InlineData("i32+x", "i32+x", true)]
    [InlineData("a\\b", "a\\b", true)]
    public void Matches_like_a_case_insensitive_unix_glob(string pattern, string name, bool expected) =>
        Assert.Equal(expected, RulePattern.Parse(pattern).Matches(name));

    [Fact]
    public void Describes_itself()
    {
        var literal = RulePattern.Parse("call|return_call");
        Assert.Equal(["call", "return_call"], literal.LiteralNames!);
        Assert.False(literal.MatchesEverything);
        Assert.Null(RulePattern.Parse("br*").LiteralNames);
        Assert.True(RulePattern.Parse("x|*").MatchesEverything);
        Assert.True(RulePattern.Parse("").IsEmpty);
        Assert.True(RulePattern.Parse("").MatchesEverything);
    }

    [Theory]
    [InlineData("[abc", 0)]
    [InlineData("ab[!c", 2)]
    [InlineData("a||b", 2)]
    [InlineData("a|", 2)]
    [InlineData("|a", 0)]
    public void Malformed_patterns_are_rejected_with_a_position(string text, int offset)
    {
        Assert.False(RulePattern.TryParse(text, out var pattern, out string? error, out int at));
        Assert.Null(pattern);
        Assert.NotNull(error);
        Assert.Equal(offset, at);
        Assert.Throws<FormatException>(() => RulePattern.Parse(text));
    }

    [Fact]
    public void Matching_allocates_nothing()
    {
        var pattern = RulePattern.Parse("*load*|*store*|br_?f|[!x]*.const");
        string[] names = ["i32.load8_u", "i64.store", "br_if", "f32.const", "call", "x32.const"];
        pattern.Matches("warm");
        long before = GC.GetAllocatedBytesForCurrentThread();
        int hits = 0;
        for (int i = 0; i < 10_000; i++)
            foreach (var n in names)
                hits += pattern.Matches(n) ? 1 : 0;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(40_000, hits); // call and x32.const do not match
        Assert.Equal(0, allocated);
    }
}
