using Whamm.Runtime.Wast;

namespace Whamm.Runtime.Tests.Wast;

/// <summary>
/// Runs our own scripts: every file in wast/ must pass; in wast/fail/ exactly the commands after a
/// <c>;; @expect-fail</c> comment must fail, each with a message naming its line.
/// </summary>
public class WastRunnerTests
{
    private static readonly string[] AssertionKinds =
        ["assert_return", "assert_trap", "assert_exhaustion", "assert_invalid", "assert_malformed", "assert_unlinkable"];

    public static IEnumerable<object[]> Passing() =>
        Directory.GetFiles(TestFiles.WastDir, "*.wast").Order(StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

    public static IEnumerable<object[]> Failing() =>
        Directory.GetFiles(Path.Combine(TestFiles.WastDir, "fail"), "*.wast").Order(StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

    [Theory]
    [MemberData(nameof(Passing))]
    public void ScriptPasses(string name)
    {
        var result = WastRunner.RunFile(Path.Combine(TestFiles.WastDir, name));
        Assert.True(result.Succeeded, result.ToString());
        Assert.True(result.Commands > 0);
    }

    [Theory]
    [MemberData(nameof(Failing))]
    public void DeliberatelyWrongCommandsFailNamingTheirLine(string name)
    {
        var path = Path.Combine(TestFiles.WastDir, "fail", name);
        var script = WastScript.Load(path);
        var expected = script.Commands.Where(c => c.LeadingComments.Any(k => k.Body == "@expect-fail")).Select(c => c.Start.Line).ToList();
        Assert.NotEmpty(expected);
        var result = new WastRunner().Run(script);
        Assert.Equal(expected, result.Failures.Select(f => f.Position.Line));
        foreach (var failure in result.Failures)
        {
            Assert.StartsWith($"{path}:{failure.Position.Line}:", failure.ToString());
            Assert.DoesNotContain("   at ", failure.Message);
        }
    }

    [Fact]
    public void EveryAssertionKindIsExercisedPassingAndFailing()
    {
        var passing = Directory.GetFiles(TestFiles.WastDir, "*.wast").SelectMany(f => WastScript.Load(f).Commands).Select(c => c.Keyword).ToHashSet();
        var failing = Directory.GetFiles(Path.Combine(TestFiles.WastDir, "fail"), "*.wast")
            .SelectMany(f => WastScript.Load(f).Commands).Where(c => c.LeadingComments.Any(k => k.Body == "@expect-fail"))
            .Select(c => c.Keyword).ToHashSet();
        foreach (var kind in AssertionKinds.Concat(["module", "register", "invoke", "get"]))
        {
            Assert.Contains(kind, passing);
        }
        foreach (var kind in AssertionKinds) Assert.Contains(kind, failing);
    }

    [Fact]
    public void WrongValueMessageShowsBothValues()
    {
        var script = WastScript.Parse("(module (func (export \"f\") (result i32) i32.const 1))\n(assert_return (invoke \"f\") (i32.const 2))", "v.wast");
        var failure = Assert.Single(new WastRunner().Run(script).Failures);
        Assert.Equal("v.wast:2:1: assert_return: expected (i32.const 2), got (i32.const 1)", failure.ToString());
    }

    [Fact]
    public void ModuleTextErrorsPointIntoTheScript()
    {
        var script = WastScript.Parse("(module\n  (func\n    i32.frob))", "t.wast");
        var failure = Assert.Single(new WastRunner().Run(script).Failures);
        Assert.Contains("t.wast:3:5: error: unknown operator", failure.Message);
    }

    [Fact]
    public void GcTypesAtTheBoundaryAreReportedNotFatal()
    {
        // The .NET binding aborts the process on such modules; the runner must refuse them first.
        var script = WastScript.Parse("(module (func (export \"f\") (result anyref) ref.null any))\n(assert_return (invoke \"f\") (ref.null any))", "gc.wast");
        var result = new WastRunner().Run(script);
        Assert.Equal(2, result.Failures.Count);
        Assert.Contains("cannot run the module", result.Failures[0].Message);
        Assert.Contains("anyref", result.Failures[0].Message);
    }

    [Fact]
    public void GcInsideTheModuleRuns()
    {
        var script = WastScript.Parse("""
            (module
              (type $point (struct (field $x i32) (field $y i32)))
              (func (export "sum") (param i32 i32) (result i32)
                (local $p (ref $point))
                (local.set $p (struct.new $point (local.get 0) (local.get 1)))
                (i32.add (struct.get $point $x (local.get $p)) (struct.get $point $y (local.get $p)))))
            (assert_return (invoke "sum" (i32.const 2) (i32.const 3)) (i32.const 5))
            """, "gc-inside.wast");
        var result = new WastRunner().Run(script);
        Assert.True(result.Succeeded, result.ToString());
    }
}
