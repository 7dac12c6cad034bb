using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace Whamm.Cli;

/// <summary>
/// Times the phases of a command (<c>whamm instr --stats</c>, <c>--metrics</c>) and, when asked, shows them as a
/// progress bar on stderr (Spectre.Console): one line per phase, the instrumentation phase filled by the
/// fraction of functions done (<see cref="IProgress{T}"/>). The display runs on a thread of its own so the
/// phases need no callback structure; while it runs, what the command prints is held back (so it cannot tear the
/// display) and printed when <see cref="Stop"/> clears it.
/// </summary>
internal sealed class PhaseClock : IProgress<double>, IDisposable
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly List<(string Name, TimeSpan Time)> phases = [];
    private readonly ManualResetEventSlim finished = new();
    private readonly Thread? display;
    private ProgressContext? context;
    private ProgressTask? task;
    private string? current;
    private (TextWriter Out, TextWriter Error, StringWriter HeldOut, StringWriter HeldError)? held;

    /// <summary>Starts the clock; with <paramref name="showProgress"/>, also the progress display on stderr.</summary>
    public PhaseClock(bool showProgress)
    {
        if (!showProgress) return;
        using var ready = new ManualResetEventSlim();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        display = new Thread(() => console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                context = ctx;
                ready.Set();
                finished.Wait();
                task?.StopTask();
            }))
        { IsBackground = true, Name = "whamm progress" };
        display.Start();
        ready.Wait();
        held = (Console.Out, Console.Error, new StringWriter(), new StringWriter());
        Console.SetOut(held.Value.HeldOut);
        Console.SetError(held.Value.HeldError);
    }

    /// <summary>Whether a progress bar is worth showing: the input is over a few megabytes and stderr is a terminal.</summary>
    public static bool WantsProgress(string inputPath)
    {
        const long Threshold = 4 << 20;
        if (Console.IsErrorRedirected) return false;
        var file = new FileInfo(inputPath);
        return file.Exists && file.Length > Threshold;
    }

    /// <summary>The phases done so far with their durations, in order.</summary>
    public IReadOnlyList<(string Name, TimeSpan Time)> Phases => phases;

    /// <summary>Ends the running phase (if any) and starts <paramref name="name"/>.</summary>
    public void Start(string name)
    {
        End();
        current = name;
        if (context is null) return;
        task = context.AddTask(name, maxValue: 1);
        task.IsIndeterminate = true;
    }

    /// <summary>Ends the running phase and records its time.</summary>
    public void End()
    {
        if (current is null) return;
        phases.Add((current, clock.Elapsed));
        clock.Restart();
        current = null;
        if (task is null) return;
        task.IsIndeterminate = false;
        task.Value = task.MaxValue;
        task.StopTask();
        task = null;
    }

    /// <summary>The running phase's completed fraction (0 to 1).</summary>
    public void Report(double value)
    {
        if (task is null) return;
        task.IsIndeterminate = false;
        task.Value = value;
    }

    /// <summary>The reference's <c>--metrics</c> lines: <c>NAME\t: DURATION</c> (<c>12.3ms</c>, Rust's <c>Duration</c> style).</summary>
    public IEnumerable<string> MetricsLines() => phases.Select(p => $"{p.Name}\t: {Format(p.Time)}");

    /// <summary>A duration the way Rust's <c>Debug</c> prints one: the largest unit that keeps it at least 1.</summary>
    public static string Format(TimeSpan time)
    {
        var seconds = time.TotalSeconds;
        var (value, unit) = seconds >= 1 ? (seconds, "s") : seconds >= 1e-3 ? (seconds * 1e3, "ms") : (seconds * 1e6, "µs");
        return value.ToString("0.###", CultureInfo.InvariantCulture) + unit;
    }

    /// <summary>Ends the running phase, stops the display and prints what was held back. Idempotent.</summary>
    public void Stop()
    {
        End();
        if (finished.IsSet) return;
        finished.Set();
        display?.Join();
        if (held is not { } h) return;
        Console.SetOut(h.Out);
        Console.SetError(h.Error);
        h.Out.Write(h.HeldOut.ToString());
        h.Error.Write(h.HeldError.ToString());
    }

    /// <inheritdoc cref="Stop"/>
    public void Dispose()
    {
        Stop();
        finished.Dispose();
    }
}
