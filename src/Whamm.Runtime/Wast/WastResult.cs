namespace Whamm.Runtime.Wast;

/// <summary>A command that did not do what the script says, with where it is.</summary>
/// <param name="Path">The script.</param>
/// <param name="Position">Where the command starts.</param>
/// <param name="Command">The command keyword.</param>
/// <param name="Message">What happened instead.</param>
public sealed record WastFailure(string Path, SourcePosition Position, string Command, string Message)
{
    /// <summary><c>FILE:LINE:COL: command: message</c>.</summary>
    public override string ToString() => $"{Path}:{Position.Line}:{Position.Column}: {Command}: {Message}";
}

/// <summary>The outcome of running a script.</summary>
/// <param name="Path">The script.</param>
/// <param name="Commands">How many commands ran.</param>
/// <param name="Failures">The commands that failed, in order.</param>
public sealed record WastRunResult(string Path, int Commands, IReadOnlyList<WastFailure> Failures)
{
    /// <summary>True when every command did what the script says.</summary>
    public bool Succeeded => Failures.Count == 0;

    /// <summary>Commands that passed.</summary>
    public int Passed => Commands - Failures.Count;

    /// <inheritdoc/>
    public override string ToString() =>
        Succeeded ? $"{Path}: {Commands} commands passed" : string.Join('\n', Failures) + $"\n{Path}: {Failures.Count} of {Commands} commands failed";
}
