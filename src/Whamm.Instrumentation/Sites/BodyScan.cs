using Whamm.Wasm.Model;

namespace Whamm.Instrumentation.Sites;

/// <summary>A pass over the bodies of a module's functions that reads each on its own, on both cores when that pays.</summary>
internal static class BodyScan
{
    /// <summary>Below this much code the thread pool's start costs more than the reading (C programs: 14–22 ms on it, 7 ms on one thread).</summary>
    private const long ParallelBytes = 1 << 20;

    /// <summary>Calls <paramref name="read"/> for each of the first <paramref name="count"/> functions of <paramref name="module"/>, on up to <paramref name="threads"/> threads.</summary>
    public static void ForEach(Module module, int count, int threads, Action<int> read)
    {
        long bytes = 0;
        for (var i = 0; i < count; i++) bytes += module.Functions[i].Body.Length;
        if (threads > 1 && bytes > ParallelBytes)
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads }, read);
        else
            for (var i = 0; i < count; i++) read(i);
    }
}
