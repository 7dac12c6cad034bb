using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Whamm.Bench;

/// <summary>
/// What <see cref="ProgramTimer"/> measures: wall time, or the CPU time of the calling thread (Linux
/// <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>; Wasmtime runs the program on the calling thread). On a shared,
/// loaded machine wall time mostly measures the other processes; the thread's CPU time does not (caches and
/// frequency still do).
/// </summary>
public static partial class ThreadClock
{
    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>Whether the thread's CPU time can be read here (Linux).</summary>
    public static bool Available => OperatingSystem.IsLinux();

    /// <summary>Milliseconds now on the chosen clock: thread CPU time when <paramref name="cpu"/>, else a monotonic wall clock.</summary>
    public static double NowMs(bool cpu)
    {
        if (!cpu) return Stopwatch.GetTimestamp() * 1000.0 / Stopwatch.Frequency;
        if (ClockGetTime(ClockThreadCpuTimeId, out var t) != 0) throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
        return t.Seconds * 1000.0 + t.Nanoseconds / 1e6;
    }
}
