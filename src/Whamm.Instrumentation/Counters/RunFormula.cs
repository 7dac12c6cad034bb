namespace Whamm.Instrumentation.Counters;

/// <summary>
/// How often a basic block runs, as a sum of per-site counters times small coefficients (<see cref="RunFormulas"/>):
/// its terms are a slice of the walk's arena. Unknown when the block's runs are not such a sum (a loop's header, code
/// after a call that may not return, a branch target of a <c>br_table</c>): its counter must count.
/// </summary>
internal readonly record struct RunFormula(int Start, int Count, byte Width)
{
    /// <summary>Not known: the block's counter counts where it runs.</summary>
    public static readonly RunFormula Unknown = new(0, -1, 0);

    /// <summary>Never: no edge reaches the block.</summary>
    public static readonly RunFormula Zero = new(0, 0, 0);

    public bool IsKnown => Count >= 0;
}

/// <summary>
/// The terms of a function's <see cref="RunFormula"/>s, in one array cleared per function: a formula made per basic
/// block would be garbage at every branch of a dense monitor's walk.
/// </summary>
internal sealed class RunFormulas
{
    /// <summary>More terms than this and the block counts for itself: each term is read at exit and encoded in the module.</summary>
    public const int MaxTerms = 8;

    private (uint Counter, int Coefficient)[] terms = new (uint, int)[256];
    private int used;

    public void Clear() => used = 0;

    /// <summary>The runs counted by the counter at <paramref name="counter"/>, <paramref name="width"/> bytes wide (4 or 8).</summary>
    public RunFormula Counter(uint counter, byte width)
    {
        Reserve(1);
        terms[used] = (counter, 1);
        return new RunFormula(used++, 1, width);
    }

    /// <summary>
    /// <paramref name="a"/> plus <paramref name="sign"/> times <paramref name="b"/>: unknown when either is, their counters'
    /// widths differ or the sum has more than <see cref="MaxTerms"/> terms.
    /// </summary>
    public RunFormula Combine(RunFormula a, RunFormula b, int sign)
    {
        if (!a.IsKnown || !b.IsKnown) return RunFormula.Unknown;
        if (b.Count == 0) return a;
        if (a.Count == 0 && sign == 1) return b;
        if (a.Count > 0 && a.Width != b.Width) return RunFormula.Unknown;
        Reserve(a.Count + b.Count);
        var start = used;
        var n = 0;
        for (var i = 0; i < a.Count; i++) terms[start + n++] = terms[a.Start + i];
        for (var i = 0; i < b.Count; i++)
        {
            var (counter, coefficient) = terms[b.Start + i];
            var k = 0;
            while (k < n && terms[start + k].Counter != counter) k++;
            if (k < n) terms[start + k].Coefficient += sign * coefficient;
            else terms[start + n++] = (counter, sign * coefficient);
        }
        var kept = 0;
        for (var i = 0; i < n; i++)
        {
            if (terms[start + i].Coefficient != 0) terms[start + kept++] = terms[start + i];
        }
        if (kept > MaxTerms) return RunFormula.Unknown;
        used = start + kept;
        return new RunFormula(start, kept, kept == 0 ? (byte)0 : b.Width);
    }

    public ReadOnlySpan<(uint Counter, int Coefficient)> Terms(RunFormula f) => terms.AsSpan(f.Start, Math.Max(f.Count, 0));

    private void Reserve(int n)
    {
        if (used + n > terms.Length) Array.Resize(ref terms, Math.Max(2 * terms.Length, used + n));
    }
}
