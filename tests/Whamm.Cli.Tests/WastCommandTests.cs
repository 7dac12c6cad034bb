using System.Text;
using System.Text.RegularExpressions;
using Whamm.Runtime.Wast;
using Whamm.Wasm.Tests.Corpus;

namespace Whamm.Cli.Tests;

/// <summary>
/// <c>whamm wast</c> as a process: our scripts in <c>tests/wast/</c> pass; in <c>tests/wast/fail/</c> exactly the commands
/// and cases after an <c>;; @expect-fail</c> comment fail, each on a line of its own naming its position.
/// </summary>
public partial class WastCommandTests
{
    private static string WastDir => Path.Combine(CorpusFiles.Root, "tests", "wast");

    public static IEnumerable<object[]> Passing() =>
        Directory.GetFiles(WastDir, "*.wast").Order(StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

    public static IEnumerable<object[]> Failing() =>
        Directory.GetFiles(Path.Combine(WastDir, "fail"), "*.wast").Order(StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

    [GeneratedRegex(@"^(\d+) passed, (\d+) failed$")]
    private static partial Regex Summary();

    private static (int Passed, int Failed) Counts(WhammResult result)
    {
        var last = result.Stdout.TrimEnd().Split('\n')[^1];
        var m = Summary().Match(last);
        Assert.True(m.Success, $"no summary line in:\n{result.Stdout}");
        return (int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value));
    }

    [Fact]
    public void ThereAreEnoughScriptsCoveringTheCaseKinds()
    {
        Assert.True(Passing().Count() >= 6);
        var cases = Directory.GetFiles(WastDir, "*.wast").Select(f => WhammWast.Split(WastScript.Load(f))).SelectMany(s => s.Cases).ToList();
        var keywords = cases.SelectMany(c => c.Commands).Select(c => c.Command.Keyword).ToHashSet();
        Assert.Contains("assert_return", keywords);
        Assert.Contains("assert_trap", keywords);
        Assert.Contains(cases, c => c.Lines.Count > 1);                          // continuation lines
        Assert.Contains(cases, c => c.Commands.Any(k => k.PassesUninstrumented));
    }

    [Theory]
    [MemberData(nameof(Passing))]
    public void ScriptPasses(string name)
    {
        var result = WhammProcess.Run("wast", Path.Combine(WastDir, name));
        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        var (passed, failed) = Counts(result);
        Assert.Equal(0, failed);
        var suite = WhammWast.Split(WastScript.Load(Path.Combine(WastDir, name)));
        Assert.Equal(suite.Plain.Count + suite.Cases.Sum(c => 1 + c.Commands.Count), passed);
    }

    [Theory]
    [MemberData(nameof(Failing))]
    public void DeliberatelyWrongOnesFailOneLineEach(string name)
    {
        var path = Path.Combine(WastDir, "fail", name);
        var script = WastScript.Load(path);
        // The failure is reported at the command or the `;; WHAMM -->` comment on the line after the marker.
        var expected = script.Comments.Where(c => c.Body == "@expect-fail").Select(c => c.Start.Line + 1).ToList();
        Assert.NotEmpty(expected);
        var result = WhammProcess.Run("wast", path);
        Assert.Equal(1, result.ExitCode);
        var lines = result.Stdout.TrimEnd().Split('\n');
        var failures = lines[..^1];
        Assert.Equal(expected, failures.Select(l => int.Parse(l[(path.Length + 1)..].Split(':')[0])));
        Assert.All(failures, l => Assert.StartsWith(path + ":", l));
        Assert.Equal(expected.Count, Counts(result).Failed);
        Assert.DoesNotContain("   at ", result.Stdout + result.Stderr);
    }

    [Fact]
    public void FailureMessagesSayWhatWentWrong()
    {
        var result = WhammProcess.Run("wast", Path.Combine(WastDir, "fail", "wrong.wast"));
        Assert.Contains(":13:1: assert_return: expected (i32.const 2), got (i32.const 1)", result.Stdout);
        Assert.Contains(":16:1: assert_return: holds without instrumentation too", result.Stdout);
        Assert.Matches(@":19:1: WHAMM: the script does not compile: 19:56: ", result.Stdout);
        Assert.Contains("nope", result.Stdout);
        Assert.Contains(":23:1: WHAMM: cannot instrument: 25:14: ", result.Stdout);
        Assert.Contains("two alt probes", result.Stdout);
    }

    [Fact]
    public void PlainScriptsRunToo()
    {
        var path = WhammProcess.TempFile("plain.wast", Encoding.UTF8.GetBytes("""
            (module (func (export "two") (result i32) (i32.const 2)))
            (assert_return (invoke "two") (i32.const 2))
            (assert_return (invoke "two") (i32.const 3))
            """));
        var result = WhammProcess.Run("wast", path);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal((2, 1), Counts(result));
        Assert.StartsWith($"{path}:3:1: assert_return: expected (i32.const 3), got (i32.const 2)", result.Stdout);
    }

    [Theory]
    [InlineData(";; WHAMM --> var n: u32; wasm:opcode:call:before { n++; }\n(assert_return (invoke \"get_n\") (i32.const 0))\n",
        "1:1: error: a `;; WHAMM -->` case needs a module marked `;; @instrument` before it")]
    [InlineData(";; @instrument\n(module)\n;; WHAMM --> var n: u32; wasm:opcode:call:before { n++; }\n(module)\n",
        "4:1: error: the commands of a `;; WHAMM -->` case run against the instrumented module")]
    [InlineData(";; @instrument\n(module)\n;; WHAMM -->\n(invoke \"x\")\n", "3:1: error: the `;; WHAMM -->` case has no script")]
    [InlineData("(module (func $f)\n", "1:1: error: ")]
    public void ScriptsBreakingTheConventionAreUserErrors(string text, string message)
    {
        var path = WhammProcess.TempFile("bad.wast", Encoding.UTF8.GetBytes(text));
        var result = WhammProcess.Run("wast", path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{path}:{message}", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public void MissingFileIsAUserError()
    {
        var result = WhammProcess.Run("wast", "no-such.wast");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no-such.wast: error: cannot read file", result.Stderr);
        Assert.Equal((0, 1), Counts(result));
    }
}
