using Whamm.Instrumentation.Passes;
using Whamm.Wasm.Editing;

namespace Whamm.Instrumentation;

/// <summary>
/// Our validator's check of an instrumented module (the edited functions and the module-level parts), run once, when
/// <see cref="Instrumenter.Instrument"/> ends or later (<see cref="InstrumentResult.Validate"/>). An invalid output is our
/// bug: it is an internal error naming the function, the offset and the probes injected there.
/// </summary>
internal sealed class OutputValidation(ModuleEditor editor, Dictionary<uint, ProbeInjection.InjectedSites> injected)
{
    private bool done;

    /// <summary>How long the validation took (zero before it ran).</summary>
    public TimeSpan Time { get; private set; }

    public void Run()
    {
        if (done) return;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            OutputCheck.Run(editor.Validate, injected);
        }
        finally
        {
            Time = clock.Elapsed;
        }
        done = true;
    }

    /// <summary>The same check of the module once encoded, holding the injected sites and not the editor.</summary>
    public OutputCheck Detached() => new(injected, editor.Features);
}
