using System.Diagnostics;
using System.Text.RegularExpressions;
using Whamm.Language.Diagnostics;
using Whamm.Language.Parsing;
using Whamm.Language.Semantics;
using Whamm.Language.Text;

namespace Whamm.Language.Tests.Semantics;

/// <summary>
/// Robustness of the checker: edits of the valid check cases that keep them parseable (a name, type,
/// literal, operator or rule part swapped for another; fixed seed) give diagnostics, never an exception.
/// </summary>
public partial class CheckerFuzzTests
{
    private static readonly string[] Names =
    [
        "fid", "pc", "opidx", "fname", "arg0", "arg1", "arg2", "res0", "local0", "imm0", "imm1", "effective_addr", "addr",
        "offset", "target", "failed", "targets", "num_targets", "resolved_fid", "target_funcref", "probe_id", "instr_count",
        "x", "count", "calls", "strcmp", "memid", "read_str", "drop_args", "alt_call_by_id", "APP_MEMID", "testlib", "nomem",
        "whamm_core", "len", "addr", "contains", "u32", "i64", "f32", "str", "bool", "map", "opname", "category_id",
    ];

    private static readonly string[] Literals = ["0", "1", "-1", "255", "256", "0xFFFFFFFF", "5000000000", "18446744073709551615", "0.5", "1e39", "NaN", "true", "\"s\"", "()", "(1, 2)"];

    private static readonly string[] Operators = ["+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>", "==", "!=", "<", "<=", ">", ">=", "&&", "||"];

    private static readonly string[] RuleParts = ["call", "i32.load", "br_if", "nop", "*", "before", "after", "alt", "entry", "at_target", "local.set", "memory.grow", "call_indirect", "br_table"];

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_.]*|0x[0-9A-Fa-f]+|\d+(\.\d+)?|<<|>>|==|!=|<=|>=|&&|\|\||[-+*/%&|^<>]")]
    private static partial Regex Token();

    [Fact]
    public void Type_preserving_edits_of_valid_scripts_give_diagnostics_not_exceptions()
    {
        var scripts = CaseFiles.Scripts("check/valid").Select(p => File.ReadAllText(CaseFiles.FullPath(p))).ToArray();
        Assert.NotEmpty(scripts);
        var random = new Random(4242);
        var checkedCount = 0;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 3000; i++)
        {
            var text = scripts[random.Next(scripts.Length)];
            var edits = random.Next(1, 4);
            for (var e = 0; e < edits; e++) text = Mutate(text, random);
            var source = SourceText.From(text, $"fuzz #{i}");
            var (_, parseDiagnostics) = Parser.Parse(source);
            if (parseDiagnostics.Any(d => d.IsError)) continue;
            checkedCount++;
            try
            {
                var (script, diagnostics) = Checker.Check(source, TestLibraries.Options);
                _ = DiagnosticRenderer.Render(diagnostics, DiagnosticFormat.Plain);
                _ = CheckedScriptDump.Print(script);
            }
            catch (Exception ex)
            {
                Assert.Fail($"fuzz #{i} threw {ex.GetType().Name}: {ex.Message}\n--- input ---\n{text}\n{ex.StackTrace}");
            }
        }
        Assert.True(checkedCount > 1000, $"only {checkedCount} edits parsed");
        Assert.True(watch.Elapsed < TimeSpan.FromMinutes(1), $"took {watch.Elapsed}");
    }

    private static string Mutate(string text, Random random)
    {
        var tokens = Token().Matches(text);
        if (tokens.Count == 0) return text;
        var t = tokens[random.Next(tokens.Count)];
        string replacement;
        if (Operators.Contains(t.Value)) replacement = Operators[random.Next(Operators.Length)];
        else if (char.IsAsciiDigit(t.Value[0])) replacement = Literals[random.Next(Literals.Length)];
        else if (random.Next(3) == 0) replacement = RuleParts[random.Next(RuleParts.Length)];
        else replacement = random.Next(4) == 0 ? Literals[random.Next(Literals.Length)] : Names[random.Next(Names.Length)];
        return string.Concat(text.AsSpan(0, t.Index), replacement, text.AsSpan(t.Index + t.Length));
    }
}
