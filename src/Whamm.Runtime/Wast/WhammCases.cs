using System.Text;
using Whamm.Runtime.Text;

namespace Whamm.Runtime.Wast;

/// <summary>One line of a case's Whamm script, where it stands in the <c>.wast</c> file.</summary>
/// <param name="Line">1-based line in the file.</param>
/// <param name="Column">1-based column of the script text's first character.</param>
/// <param name="Text">The script text on that line.</param>
public sealed record WhammScriptLine(int Line, int Column, string Text);

/// <summary>A command of a case and whether it also holds without instrumentation (<c>;; @passes_uninstr</c>).</summary>
public sealed record WhammCaseCommand(WastCommand Command, bool PassesUninstrumented);

/// <summary>
/// One <c>;; WHAMM --&gt; &lt;script&gt;</c> case: the script (the rest of that line, plus any following
/// <c>;; --&gt; …</c> continuation lines) and the commands up to the next case, which run against the
/// <c>;; @instrument</c> module instrumented with the script.
/// </summary>
/// <param name="Start">Where the <c>;; WHAMM --&gt;</c> comment starts.</param>
/// <param name="Lines">The script's lines, with their positions in the file.</param>
/// <param name="Commands">The case's commands, in order.</param>
public sealed record WhammCase(SourcePosition Start, IReadOnlyList<WhammScriptLine> Lines, IReadOnlyList<WhammCaseCommand> Commands)
{
    /// <summary>The script as written, its lines joined with newlines.</summary>
    public string Script => string.Join('\n', Lines.Select(l => l.Text));

    /// <summary>
    /// The script placed at its lines and columns of the file (everything else blank), so a diagnostic's
    /// <c>LINE:COL</c> in this text is the position in the <c>.wast</c> file.
    /// </summary>
    public string PositionedScript()
    {
        var sb = new StringBuilder();
        var line = 1;
        foreach (var l in Lines)
        {
            sb.Append('\n', l.Line - line).Append(' ', l.Column - 1).Append(l.Text);
            line = l.Line;
        }
        return sb.ToString();
    }
}

/// <summary>
/// A <c>.wast</c> script read in the Whamm test convention (docs/WAST.md): the commands before the first case
/// (<see cref="Plain"/>, run as usual), among them the module marked <c>;; @instrument</c> (<see cref="Target"/>)
/// and the modules, registrations and actions before it that every case repeats (<see cref="Setup"/>),
/// then the <see cref="Cases"/>. A script without cases is all plain commands.
/// </summary>
public sealed record WhammWast(IReadOnlyList<WastCommand> Plain, IReadOnlyList<WastCommand> Setup, WastModule? Target, IReadOnlyList<WhammCase> Cases)
{
    /// <summary>The comment that starts a case (Whamm 1.0's marker).</summary>
    public const string CaseMarker = "WHAMM -->";
    /// <summary>The comment that continues a case's script on the next line.</summary>
    public const string ContinuationMarker = "-->";
    /// <summary>The comment before the module that the cases instrument.</summary>
    public const string InstrumentMarker = "@instrument";
    /// <summary>The comment before an assertion of a case that also holds without instrumentation.</summary>
    public const string PassesUninstrumentedMarker = "@passes_uninstr";

    /// <summary>Splits <paramref name="script"/> into plain commands, setup, target and cases.</summary>
    /// <exception cref="TextParseException">The script breaks the convention (the message says how).</exception>
    public static WhammWast Split(WastScript script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var plain = new List<WastCommand>();
        var setup = new List<WastCommand>();
        var cases = new List<WhammCase>();
        WastModule? target = null;
        List<WhammScriptLine>? lines = null;
        List<WhammCaseCommand>? commands = null;
        SourcePosition caseStart = default;

        void Close()
        {
            if (lines is not null) cases.Add(new WhammCase(caseStart, lines, commands!));
        }

        foreach (var command in script.Commands)
        {
            var instrument = false;
            var passes = false;
            foreach (var comment in command.LeadingComments.Where(c => c.Kind == WastCommentKind.Line))
            {
                var body = comment.Body;
                if (body.StartsWith(CaseMarker, StringComparison.Ordinal))
                {
                    if (target is null) throw Error(script, comment.Start, $"a `;; {CaseMarker}` case needs a module marked `;; {InstrumentMarker}` before it");
                    Close();
                    caseStart = comment.Start;
                    lines = [ScriptLine(script, comment, CaseMarker)];
                    commands = [];
                }
                else if (body.StartsWith(ContinuationMarker, StringComparison.Ordinal))
                {
                    if (lines is null || commands!.Count > 0)
                        throw Error(script, comment.Start, $"`;; {ContinuationMarker}` continues a case's script and must follow its `;; {CaseMarker}` line");
                    lines.Add(ScriptLine(script, comment, ContinuationMarker));
                }
                else if (body == InstrumentMarker)
                {
                    instrument = true;
                }
                else if (body == PassesUninstrumentedMarker)
                {
                    passes = true;
                }
            }
            if (lines is not null && lines.All(l => l.Text.Length == 0))
                throw Error(script, caseStart, $"the `;; {CaseMarker}` case has no script");
            if (instrument)
            {
                if (command is not WastModule module) throw Error(script, command.Start, $"`;; {InstrumentMarker}` must precede a module");
                if (target is not null) throw Error(script, command.Start, $"only one module per file can be marked `;; {InstrumentMarker}`");
                target = module;
            }
            if (passes && (lines is null || !command.Keyword.StartsWith("assert_", StringComparison.Ordinal)))
                throw Error(script, command.Start, $"`;; {PassesUninstrumentedMarker}` marks an assertion of a `;; {CaseMarker}` case");
            if (lines is null)
            {
                plain.Add(command);
                if (target is null && command is WastModule or WastRegister or WastActionCommand) setup.Add(command);
                continue;
            }
            if (command is WastModule or WastRegister)
                throw Error(script, command.Start, $"the commands of a `;; {CaseMarker}` case run against the instrumented module; put other modules and registrations before the first case");
            commands!.Add(new WhammCaseCommand(command, passes));
        }
        Close();
        return new WhammWast(plain, setup, target, cases);
    }

    private static WhammScriptLine ScriptLine(WastScript script, WastComment comment, string marker)
    {
        var at = comment.Text.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        while (at < comment.Text.Length && char.IsWhiteSpace(comment.Text[at])) at++;
        var text = comment.Text[at..].TrimEnd();
        return new WhammScriptLine(comment.Start.Line, comment.Start.Column + at, text);
    }

    private static TextParseException Error(WastScript script, SourcePosition at, string message) =>
        new(TextDiagnostic.At(TextDiagnosticCodes.Script, script.Path, script.Text, at.Line, at.Column, message));
}
