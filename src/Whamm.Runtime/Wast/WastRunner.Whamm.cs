namespace Whamm.Runtime.Wast;

/// <summary>
/// Compiles a case's script into the <c>;; @instrument</c> module (given as a binary) and returns the
/// instrumented binary. The runtime layer does not know the rewriter; the caller (the CLI) supplies it.
/// </summary>
/// <exception cref="WhammCaseException">The script or the module cannot be instrumented (the message says why).</exception>
public delegate byte[] WhammInstrumenter(byte[] module, WhammCase testCase);

/// <summary>Thrown by a <see cref="WhammInstrumenter"/> when a case cannot be instrumented: the case fails with this message.</summary>
public sealed class WhammCaseException(string message) : Exception(message);

public sealed partial class WastRunner
{
    /// <summary>
    /// Runs <paramref name="script"/> in the Whamm test convention (docs/WAST.md, <see cref="WhammWast"/>): the plain
    /// commands as usual, then each <c>;; WHAMM --&gt;</c> case on a fresh store: the setup commands again, the
    /// target module instrumented by <paramref name="instrument"/>, then the case's commands. An assertion not marked
    /// <c>;; @passes_uninstr</c> must also fail against the uninstrumented module (after the case's earlier
    /// actions), or it does not test the monitor. A case counts once for instrumenting and once per command.
    /// </summary>
    /// <exception cref="Text.TextParseException">The script breaks the convention.</exception>
    public WastRunResult Run(WastScript script, WhammInstrumenter instrument)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(instrument);
        var suite = WhammWast.Split(script);
        var failures = new List<WastFailure>();
        var checks = 0;
        byte[]? target = null;
        string? targetError = null;
        using (var session = new Session(this, script, wasi: true))
        {
            foreach (var command in suite.Plain)
            {
                checks++;
                if (session.Execute(command) is { } message) failures.Add(new WastFailure(script.Path, command.Start, command.Keyword, message));
            }
            if (suite.Target is { } module && suite.Cases.Count > 0)
            {
                try
                {
                    target = session.Assemble(module);
                }
                catch (StageException e)
                {
                    targetError = e.Message;
                }
            }
        }
        foreach (var testCase in suite.Cases)
        {
            checks++;
            if (RunCase(testCase) is { } caseError)
            {
                failures.Add(new WastFailure(script.Path, testCase.Start, "WHAMM", caseError));
                continue;
            }
            checks += testCase.Commands.Count;
        }
        failures.Sort((a, b) => a.Position.Offset.CompareTo(b.Position.Offset));
        return new WastRunResult(script.Path, checks, failures);

        // One case on a fresh store; a message when it fails as a whole (its commands' failures are added as they happen).
        string? RunCase(WhammCase testCase)
        {
            if (target is null) return $"the {WhammWast.InstrumentMarker} module: {targetError}";
            byte[] instrumented;
            try
            {
                instrumented = instrument(target, testCase);
            }
            catch (WhammCaseException e)
            {
                return e.Message;
            }
            using var session = StartCase(script, suite, instrumented, out var broken);
            if (broken is not null) return $"the instrumented module: {broken}";
            var actions = new List<WastCommand>();
            foreach (var (command, passesUninstrumented) in testCase.Commands)
            {
                if (session.Execute(command) is { } message)
                    failures.Add(new WastFailure(script.Path, command.Start, command.Keyword, message));
                else if (command is not WastActionCommand && !passesUninstrumented && HoldsUninstrumented(script, suite, target, actions, command))
                    failures.Add(new WastFailure(script.Path, command.Start, command.Keyword,
                        $"holds without instrumentation too, so it does not test the monitor (mark it `;; {WhammWast.PassesUninstrumentedMarker}` if that is intended)"));
                if (command is WastActionCommand) actions.Add(command);
            }
            return null;
        }
    }

    /// <summary>
    /// A fresh store with the setup commands run (their failures were reported by the plain run) and the target module
    /// instantiated from <paramref name="module"/>; <paramref name="error"/> says why it could not be.
    /// </summary>
    private Session StartCase(WastScript script, WhammWast suite, byte[] module, out string? error)
    {
        var session = new Session(this, script, wasi: true);
        foreach (var command in suite.Setup) session.Execute(command);
        error = session.Execute(suite.Target! with { Kind = WastModuleKind.Binary, Text = null, Bytes = module });
        return session;
    }

    private bool HoldsUninstrumented(WastScript script, WhammWast suite, byte[] target, List<WastCommand> actions, WastCommand assertion)
    {
        using var session = StartCase(script, suite, target, out var error);
        if (error is not null) return false;
        foreach (var action in actions) session.Execute(action);
        return session.Execute(assertion) is null;
    }
}
