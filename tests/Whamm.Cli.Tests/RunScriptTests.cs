using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using static Whamm.Cli.Tests.RunCommandTests;

namespace Whamm.Cli.Tests;

/// <summary><c>whamm run SCRIPT APP</c>: instrumented in memory, the report kept apart from the program's output.</summary>
public class RunScriptTests
{
    /// <summary>Counts every call per site and per callee; on calls-and-exit: callees 0 (fd_write) 1, 1 (proc_exit) 1, 2 ($square) 4, 3 ($twice) 1.</summary>
    private const string CallMonitor = """
        report var calls: map<u32, u32>;
        wasm:opcode:call:before {
            report unshared var count: u32;
            count++;
            calls[imm0]++;
        }
        """;

    private static string Script(string text, string name = "monitor.mm") => WhammProcess.TempFile(name, System.Text.Encoding.UTF8.GetBytes(text));

    private static string Banner => new string('=', 33) + " REPORT CSV FLUSH " + new string('=', 36);

    [Fact]
    public void ProgramOutputComesFirstThenTheReportTableAndTheExitCodeIsTheApplications()
    {
        var r = WhammProcess.Run("run", Script(CallMonitor), App("calls-and-exit"));
        NoStackTrace(r);
        Assert.Equal((3, ""), (r.ExitCode, r.Stderr));
        Assert.StartsWith("working\n── whamm report ─", r.Stdout);
        Assert.DoesNotContain(Banner, r.Stdout);
        // $twice (fid 3) calls $square twice; each site ran once.
        Assert.Equal(2, Regex.Matches(r.Stdout, @"│ count\s+│ u32\s+│ twice\s+│\s+3 │\s+\d+ │ 0_wasm:opcode:call:before\s+│ 1\s+│").Count);
        Assert.Equal(5, Regex.Matches(r.Stdout, @"│ count\s+│ u32\s+│ #4\s+│\s+4 │").Count);
        Assert.Matches(@"│ calls\s+│ map<u32,u32>\s+│.*│ 0 -> 1\s+│\n(│.*│ 1 -> 1\s+│\n)(│.*│ 2 -> 4\s+│\n)(│.*│ 3 -> 1\s+│\n)", r.Stdout);
        Assert.Contains("8 rows", r.Stdout);
    }

    [Fact]
    public void LargeReportTableShowsItsFirstRowsAndMapEntriesAndSaysWhereTheRestIs()
    {
        // 2,100 nop sites (a row each) and a loop adding i = 0..2999: a map of 3,000 keys.
        var app = WhammProcess.TempFile("large.wat", System.Text.Encoding.UTF8.GetBytes($$"""
            (module (func (export "_start") (local $i i32)
              {{string.Concat(Enumerable.Repeat("nop ", 2100))}}
              (loop $l (drop (i32.add (local.get $i) (i32.const 0)))
                (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 3000))))))
            """));
        var script = Script("""
            report var seen: map<u32, u32>;
            wasm:opcode:nop:before { report var n: u32; n++; }
            wasm:opcode:i32.add:before / arg0 == 0 / { seen[arg1 as u32]++; }
            """);
        var table = WhammProcess.Run("run", script, app);
        NoStackTrace(table);
        Assert.Equal(0, table.ExitCode);
        Assert.Equal(2000, Regex.Matches(table.Stdout, @"│ n\s+│ u32 ").Count);
        Assert.Contains("│ 999 -> 1 ", table.Stdout);
        Assert.DoesNotContain("│ 1000 -> 1 ", table.Stdout);
        Assert.Contains("… and 2,000 more entries", table.Stdout);
        Assert.Contains("2,101 rows; the first 2,000 per-site rows shown; a map shows its first 1,000 entries (--format csv, --report-json or --report-html: all of them)",
            Regex.Replace(table.Stdout, @"\s+", " "));
        var csv = WhammProcess.Run("run", script, app, "--format", "csv");
        Assert.Equal(2100, Regex.Matches(csv.Stdout, @", n, u32, ").Count);
        Assert.Contains(";2999->1\n", csv.Stdout);
    }

    [Fact]
    public void CsvFormatIsByteForByteWhatTheStandaloneInstrumentedModulePrints()
    {
        // Script globals only: their ids (global indices, map ids) do not depend on where the output goes.
        var script = Script("""
            report var calls: map<u32, u32>;
            report var total: u64;
            report var half: f64;
            wasm:opcode:call:before { calls[imm0]++; total++; half = half + 0.5; }
            """);
        var dir = Directory.CreateTempSubdirectory("whamm-run-csv-").FullName;
        var instrumented = Path.Combine(dir, "out.wasm");
        Assert.Equal(0, WhammProcess.Run("instr", "--script", script, "--app", App("calls-and-exit"), "-o", instrumented).ExitCode);
        var standalone = WhammProcess.Run("run", instrumented);
        var run = WhammProcess.Run("run", script, App("calls-and-exit"), "--format", "csv");
        Assert.Equal((3, 3), (standalone.ExitCode, run.ExitCode));
        Assert.Equal(standalone.Stdout, run.Stdout);
        Assert.EndsWith($"\n{Banner}\n", run.Stdout.Split("id, id_type")[0]);
        Assert.Contains(", calls, map<u32,u32>, i32, script0, , , , , 0->1;1->1;2->4;3->1\n", run.Stdout);
        Assert.Contains(", total, u64, i64, script0, , , , , 7\n", run.Stdout);
        Assert.Contains(", half, f64, f64, script0, , , , , +3.5e0\n", run.Stdout);
    }

    [Fact]
    public void TrapStillPrintsTheReportThenTrapInAndExits134()
    {
        var r = WhammProcess.Run("run", Script("report var calls: u32;\nwasm:opcode:call:before { calls++; }\n"), App("trap-unreachable"), "--format", "csv");
        NoStackTrace(r);
        Assert.Equal(134, r.ExitCode);
        Assert.StartsWith("before\n\n" + Banner, r.Stdout);
        Assert.Matches(@", calls, u32, i32, script0, , , , , 2\n$", r.Stdout); // the fd_write call and the call of $boom
        Assert.Matches(@"^trap in boom \(fid 1, pc \d+ of the instrumented body\): wasm `unreachable` instruction executed\n$", r.Stderr.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void AnInstrumentedModuleInstrumentedAgainPrintsBothReportsAlsoAfterATrap()
    {
        var inner = Path.Combine(Directory.CreateTempSubdirectory("whamm-run-twice-").FullName, "inner.wasm");
        var calls = Script("report var calls: u32;\nwasm:opcode:call:before { calls++; }\n", "calls.mm");
        Assert.Equal(0, WhammProcess.Run("instr", "--script", calls, "--app", App("trap-unreachable"), "-o", inner).ExitCode);
        var r = WhammProcess.Run("run", Script("report var ends: u32;\nwasm:opcode:end:before { ends++; }\n", "ends.mm"), inner, "--format", "csv");
        NoStackTrace(r);
        Assert.Equal(134, r.ExitCode);
        // The host calls the outer monitor's exit after the trap; it runs the inner one's first.
        var reports = r.Stdout.Split(Banner);
        Assert.Equal(3, reports.Length);
        Assert.Matches(@", calls, u32, i32, script0, , , , , 2\n$", reports[1]);
        Assert.Matches(@", ends, u32, i32, script0, , , , , \d+\n$", reports[2]);
    }

    [Fact]
    public void AnApplicationExportingAnotherWasmExitIsAUserError()
    {
        var app = WhammProcess.TempFile("exit-export.wat", System.Text.Encoding.UTF8.GetBytes("""(module (func (export "wasm:exit") (param i32)) (func (export "_start")))"""));
        var r = WhammProcess.Run("run", Script("report var n: u32;\nwasm:opcode:end:before { n++; }\n"), app);
        NoStackTrace(r);
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("the application exports `wasm:exit`, which is not a function without parameters or results", r.Stderr);
    }

    [Fact]
    public void AfterATrapMergedCountersAreSaidToBeApproximateAndNoOptCountsUpToTheTrappingInstruction()
    {
        var script = Script("report var count: u64;\nwasm:opcode:*:before { count++; }\n");
        var merged = WhammProcess.Run("run", script, App("trap-unreachable"), "--format", "csv");
        var exact = WhammProcess.Run("run", script, App("trap-unreachable"), "--format", "csv", "--no-opt");
        NoStackTrace(merged);
        NoStackTrace(exact);
        Assert.Equal((134, 134), (merged.ExitCode, exact.ExitCode));
        Assert.Contains("note: the report is approximate", merged.Stderr);
        Assert.DoesNotContain("approximate", exact.Stderr);
        long Count(string stdout) => long.Parse(Regex.Match(stdout, @", count, u64, i64, script0, , , , , (\d+)\n").Groups[1].Value, CultureInfo.InvariantCulture);
        // --no-opt counts every instruction up to and including the unreachable: _start's 13 and $boom's 4. The merged
        // count is what was flushed before the trap: the calls return ($boom cannot end the program), so _start and
        // $boom still held their counts in locals, and those are lost.
        Assert.Equal(17, Count(exact.Stdout));
        Assert.Equal(0, Count(merged.Stdout));
    }

    [Fact]
    public void InfiniteLoopIsStoppedByTheTimeoutAndTheReportIsStillPrinted()
    {
        var clock = Stopwatch.StartNew();
        var r = WhammProcess.Run("run", Script("report var branches: u64;\nwasm:opcode:br:before { branches++; }\n"), App("spin"), "--timeout", "500ms", "--format", "csv");
        NoStackTrace(r);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("error: the application did not finish within --timeout 500ms", r.Stderr);
        var branches = long.Parse(Regex.Match(r.Stdout, @", branches, u64, i64, script0, , , , , (\d+)\n").Groups[1].Value);
        Assert.True(branches > 1000, $"only {branches} iterations counted");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60));
    }

    [Fact]
    public void MemoryGrowthPastTheLimitIsACleanErrorAndTheReportIsStillPrinted()
    {
        var r = WhammProcess.Run("run", Script("report var grows: u32;\nwasm:opcode:memory.grow:before { grows++; }\n"), App("memory-hog"), "--max-memory", "1MiB", "--format", "csv");
        NoStackTrace(r);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("error: the application needed more memory than --max-memory 1MiB allows", r.Stderr);
        // One page to start with, 15 more fit in 1 MiB, the 16th request fails and ends the loop.
        Assert.EndsWith(", grows, u32, i32, script0, , , , , 16\n", r.Stdout);
    }

    [Fact]
    public void BadScriptIsADiagnosticWithLocationAndCaret()
    {
        var script = Script("wasm:opcode:call:before {\n    x++\n}\n", "bad.mm");
        var r = WhammProcess.Run("run", script, App("hello"));
        NoStackTrace(r);
        Assert.Equal((1, ""), (r.ExitCode, r.Stdout));
        Assert.Contains($"--> {script}:2:8", r.Stderr); // the missing `;` after x++
        Assert.Matches(@"\n2 \|     x\+\+\n\s*\|        \^", r.Stderr);
    }

    [Fact]
    public void MalformedAppWithAScriptIsAUserError()
    {
        var app = WhammProcess.TempFile("broken.wasm", [0, 0x61, 0x73, 0x6D, 1, 0, 0, 0, 0x01, 0x05, 0x01]);
        var r = WhammProcess.Run("run", Script(CallMonitor), app);
        NoStackTrace(r);
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith($"{app}: error at offset 0x", r.Stderr);
    }

    [Fact]
    public void InvalidAppIsRefusedBeforeInstrumenting()
    {
        var app = WhammProcess.TempFile("invalid.wat", "(module (func (export \"_start\") i32.add))"u8.ToArray());
        var r = WhammProcess.Run("run", Script(CallMonitor), app);
        NoStackTrace(r);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"{app}: error at offset 0x", r.Stderr);
    }

    [Fact]
    public void ScriptWithoutAnApplicationIsAUserError()
    {
        var r = WhammProcess.Run("run", Script(CallMonitor));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("no application to run", r.Stderr);
    }

    [Fact]
    public void ReportFilesNeedAScript()
    {
        var r = WhammProcess.Run("run", App("hello"), "--report-json", "r.json");
        Assert.Equal((1, ""), (r.ExitCode, r.Stdout));
        Assert.Contains("a report needs a script", r.Stderr);
    }

    [Fact]
    public void ReportFileNeverOverwritesAnInput()
    {
        var script = Script(CallMonitor);
        var before = File.ReadAllBytes(script);
        var r = WhammProcess.Run("run", script, App("calls-and-exit"), "--report-html", script);
        Assert.Equal((1, ""), (r.ExitCode, r.Stdout));
        Assert.Contains("would overwrite an input", r.Stderr);
        Assert.Equal(before, File.ReadAllBytes(script));
    }

    [Fact]
    public void JsonReportFollowsTheDocumentedSchema()
    {
        var dir = Directory.CreateTempSubdirectory("whamm-run-json-").FullName;
        var file = Path.Combine(dir, "report.json");
        var r = WhammProcess.Run("run", Script(CallMonitor), App("calls-and-exit"), "--report-json", file);
        Assert.Equal(3, r.ExitCode);
        Assert.Equal(["report.json"], Directory.GetFiles(dir).Select(Path.GetFileName)); // no temporary file left behind
        var json = JsonDocument.Parse(File.ReadAllText(file)).RootElement;
        Assert.Equal("whamm-report/1", json.GetProperty("schema").GetString());
        Assert.Equal("exit 3", json.GetProperty("outcome").GetString());
        Assert.True(json.GetProperty("has_table").GetBoolean());
        var rows = json.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal(8, rows.Length);
        string[] fields = ["id", "id_type", "name", "whamm_type", "wasm_type", "script_id", "fname", "fid", "pc", "probe", "probe_index", "rule", "opcode", "value", "text"];
        foreach (var row in rows)
        {
            Assert.Equal(fields, row.EnumerateObject().Select(p => p.Name));
            Assert.Equal(JsonValueKind.Number, row.GetProperty("id").ValueKind);
            foreach (var s in (string[])["id_type", "name", "whamm_type", "wasm_type", "script_id", "text"]) Assert.Equal(JsonValueKind.String, row.GetProperty(s).ValueKind);
        }
        var site = rows[0];
        Assert.Equal(("count", "twice", 3, 0, "call", 1), (site.GetProperty("name").GetString(), site.GetProperty("fname").GetString(), site.GetProperty("fid").GetInt32(),
            site.GetProperty("probe_index").GetInt32(), site.GetProperty("opcode").GetString(), site.GetProperty("value").GetInt32()));
        var map = rows[^1];
        Assert.Equal(JsonValueKind.Null, map.GetProperty("fid").ValueKind);
        Assert.Equal([(0, 1), (1, 1), (2, 4), (3, 1)], map.GetProperty("value").EnumerateArray().Select(e => (e.GetProperty("key").GetInt32(), e.GetProperty("value").GetInt32())));
    }

    [Fact]
    public void HtmlReportOpensInHeadlessChromiumWithTheExpectedRows()
    {
        var dir = Directory.CreateTempSubdirectory("whamm-run-html-").FullName;
        var page = Path.Combine(dir, "report.html");
        var r = WhammProcess.Run("run", Script(CallMonitor), App("calls-and-exit"), "--report-html", page);
        Assert.Equal(3, r.ExitCode);

        var screenshot = Path.Combine(dir, "report.png");
        Chromium(dir, $"--screenshot={screenshot}", "--window-size=1280,1600", new Uri(page).AbsoluteUri);
        var png = File.ReadAllBytes(screenshot);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.True(png.Length > 20_000, $"the screenshot is only {png.Length} bytes");

        var dom = Chromium(dir, "--dump-dom", new Uri(page).AbsoluteUri);
        Assert.Contains("<span id=\"count\">8 rows</span>", dom); // written by the page's script: it ran
        var body = Regex.Match(dom, "<table id=\"rows\">.*?<tbody>(.*?)</tbody>", RegexOptions.Singleline).Groups[1].Value;
        var rows = Regex.Matches(body, "<tr>(.*?)</tr>", RegexOptions.Singleline)
            .Select(m => Regex.Matches(m.Groups[1].Value, "<td[^>]*>(.*?)</td>").Select(c => c.Groups[1].Value).ToArray()).ToArray();
        Assert.Equal(8, rows.Length);
        Assert.Equal(7, rows.Count(c => c[2] == "count" && c[9] == "0_wasm:opcode:call:before" && c[10] == "1"));
        Assert.Equal(["twice", "3"], rows[0][6..8]);
        Assert.Equal(["calls", "map<u32,u32>", "0->1;1->1;2->4;3->1"], new[] { rows[7][2], rows[7][3], rows[7][10] }.Select(System.Net.WebUtility.HtmlDecode));
        var charts = Regex.Matches(dom, "<figcaption><b>(.*?)</b>").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value));
        Assert.Equal(["Hottest sites: count", "Hottest functions: count summed per function", "Map calls: map<u32,u32>"], charts);
    }

    /// <summary>Runs Debian's headless Chromium on a page; its stdout. test.sh installs the <c>chromium</c> package when missing.</summary>
    private static string Chromium(string workDir, params string[] args)
    {
        var exe = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("Chromium is not installed: apt-get install chromium (test.sh does)");
        var info = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workDir };
        foreach (var a in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", $"--user-data-dir={Path.Combine(workDir, "chromium-profile")}", .. args])
            info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("chromium did not finish");
        }
        Assert.True(process.ExitCode == 0, $"chromium exited with {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }
}
