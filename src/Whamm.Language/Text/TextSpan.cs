namespace Whamm.Language.Text;

/// <summary>
/// A half-open range <c>[Start, End)</c> of character offsets into a <see cref="SourceText"/>.
/// A zero-length span marks a position (for example where a missing <c>;</c> belongs).
/// </summary>
public readonly record struct TextSpan
{
    /// <summary>A span starting at <paramref name="start"/> covering <paramref name="length"/> characters.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative start or length.</exception>
    public TextSpan(int start, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Start = start;
        Length = length;
    }

    /// <summary>Offset of the first character.</summary>
    public int Start { get; }

    /// <summary>Number of characters covered.</summary>
    public int Length { get; }

    /// <summary>Offset just past the last character.</summary>
    public int End => Start + Length;

    /// <summary>True for a zero-length span (a position).</summary>
    public bool IsEmpty => Length == 0;

    /// <summary>The span from <paramref name="start"/> to <paramref name="end"/> (exclusive).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="end"/> is before <paramref name="start"/>.</exception>
    public static TextSpan FromBounds(int start, int end)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(end, start);
        return new TextSpan(start, end - start);
    }

    /// <summary>The smallest span covering both spans.</summary>
    public TextSpan Cover(TextSpan other) =>
        FromBounds(Math.Min(Start, other.Start), Math.Max(End, other.End));

    /// <summary>True when <paramref name="other"/> lies entirely inside this span.</summary>
    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    /// <summary>True when <paramref name="position"/> lies inside <c>[Start, End)</c>.</summary>
    public bool Contains(int position) => position >= Start && position < End;

    /// <inheritdoc/>
    public override string ToString() => $"[{Start}..{End})";
}
