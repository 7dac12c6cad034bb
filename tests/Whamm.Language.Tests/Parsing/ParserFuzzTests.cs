using System.Diagnostics;
using System.Text;
using Whamm.Language.Diagnostics;
using Whamm.Language.Parsing;
using Whamm.Language.Syntax;
using Whamm.Language.Text;

namespace Whamm.Language.Tests.Parsing;

/// <summary>
/// Robustness: random token soup and random edits of the valid cases (fixed seeds) give diagnostics,
/// never an exception, and each parse finishes well inside a hang-guard bound. Rendering the
/// diagnostics (text and JSON) and printing the tree must not throw either.
/// </summary>
public class ParserFuzzTests
{
    /// <summary>Hang guard per parse: generous, only to catch runaway loops.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromMilliseconds(100);

    private static readonly string[] Vocabulary =
    [
        "wasm", "opcode", "call", "before", "after", "alt", "func", "entry", "exit", "begin", "end", "report", "block",
        "wasm:opcode:call:before", "wasm:opcode:*:after", "wasm::br_if:before", ":::", "wasm:begin", "*", "?", "[", "]", "[!",
        "|", "!", "+", "\\", "-", ".",
        "use", "fn", "var", "unshared", "if", "elif", "else", "return", "while", "as", "true", "false", "map",
        "x", "count", "arg0", "arg1", "local0", "fid", "pc", "lib", "len", "inf", "NaN", "i32", "u64", "f32", "str", "bool",
        "0", "1", "42", "-7", "007", "0x1F", "0b101", "0x", "1_000", "18446744073709551616", "3.5", "9.", "6E1", "-3.0e22", "1e",
        "\"s\"", "\"a\\n\"", "\"\\q\"", "\"\\u{110000}\"", "\"unterminated", "\"\\x4\"",
        "{", "}", "(", ")", ",", ";", ":", "?", "=", "==", "!=", "<", "<=", ">", ">=", "<<", ">>", "+", "++", "-", "--", "->",
        "*", "/", "%", "&", "&&", "|", "||", "^", "~", "!",
        "@static", "@init", "@bogus", "@", "/*", "*/", "//", "#", "$", "\u00e9", "\t", "\n", "\r\n",
    ];

    private const string ReplacementChars = "{}()[];:/*\"\\@-+.|&!=<>x0 \n";

    [Fact]
    public void Random_token_sequences_give_diagnostics_not_exceptions()
    {
        var random = new Random(20260401);
        Warm();
        for (int i = 0; i < 10_000; i++)
        {
            int count = random.Next(1, 160);
            var sb = new StringBuilder();
            for (int t = 0; t < count; t++)
            {
                sb.Append(Vocabulary[random.Next(Vocabulary.Length)]);
                sb.Append(random.Next(4) switch { 0 => "", 1 => "\n", _ => " " });
            }
            Check(sb.ToString(), $"soup #{i}");
        }
    }

    [Fact]
    public void Random_edits_of_valid_scripts_give_diagnostics_not_exceptions()
    {
        var scripts = CaseFiles.Scripts("parse/valid").Select(p => File.ReadAllText(CaseFiles.FullPath(p))).ToArray();
        Assert.NotEmpty(scripts);
        var random = new Random(777);
        Warm();
        for (int i = 0; i < 5000; i++)
        {
            var text = new StringBuilder(scripts[random.Next(scripts.Length)]);
            int edits = random.Next(1, 6);
            for (int e = 0; e < edits && text.Length > 0; e++)
                Mutate(text, random);
            Check(text.ToString(), $"edit #{i}");
        }
    }

    private static void Mutate(StringBuilder text, Random random)
    {
        int at = random.Next(text.Length + 1);
        switch (random.Next(6))
        {
            case 0: // delete a range
                text.Remove(Math.Min(at, text.Length - 1), Math.Min(random.Next(1, 20), text.Length - Math.Min(at, text.Length - 1)));
                break;
            case 1: // insert a token
                text.Insert(at, Vocabulary[random.Next(Vocabulary.Length)]);
                break;
            case 2: // duplicate a range
            {
                int start = random.Next(text.Length);
                int length = Math.Min(random.Next(1, 40), text.Length - start);
                text.Insert(at, text.ToString(start, length));
                break;
            }
            case 3: // replace one character
                if (at < text.Length)
                    text[at] = ReplacementChars[random.Next(ReplacementChars.Length)];
                break;
            case 4: // truncate
                text.Length = at;
                break;
            default: // swap two characters
                if (at + 1 < text.Length)
                    (text[at], text[at + 1]) = (text[at + 1], text[at]);
                break;
        }
    }

    private static void Warm()
    {
        foreach (var p in CaseFiles.Scripts("parse").Take(20))
            Parser.Parse(SourceText.ReadFile(CaseFiles.FullPath(p), p));
    }

    private static void Check(string text, string name)
    {
        var source = SourceText.From(text, name);
        var watch = Stopwatch.StartNew();
        ScriptSyntax script;
        IReadOnlyList<Diagnostic> diagnostics;
        try
        {
            (script, diagnostics) = Parser.Parse(source);
        }
        catch (Exception ex)
        {
            Assert.Fail($"{name} threw {ex.GetType().Name}: {ex.Message}\n--- input ---\n{text}\n{ex.StackTrace}");
            return;
        }
        watch.Stop();
        Assert.True(watch.Elapsed < Bound, $"{name} took {watch.Elapsed.TotalMilliseconds:F1} ms\n--- input ---\n{text}");
        try
        {
            SyntaxInvariants.AssertSpansNest(script);
            _ = DiagnosticRenderer.Render(diagnostics, DiagnosticFormat.Plain);
                        _ = DiagnosticRenderer.Render(diagnostics, DiagnosticFormat.Json);
            _ = SyntaxPrinter.Print(script);
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            Assert.Fail($"{name}: {ex.GetType().Name}: {ex.Message}\n--- input ---\n{text}\n{ex.StackTrace}");
        }
        Assert.True(diagnostics.Any(d => d.IsError) || script.Probes.Any(),
            $"{name}: no errors, yet no probe\n--- input ---\n{text}");
    }
}
