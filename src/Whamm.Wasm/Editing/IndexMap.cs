using System.Runtime.CompilerServices;

namespace Whamm.Wasm.Editing;

/// <summary>The index spaces a module's references point into; each has one remapping hook in <see cref="IndexMap"/>.</summary>
public enum IndexSpace : byte
{
#pragma warning disable CS1591
    Type, Func, Table, Memory, Global, Tag, Elem, Data,
#pragma warning restore CS1591
}

/// <summary>
/// How the indices of a module change: one hook per <see cref="IndexSpace"/>, applied to every reference by
/// <see cref="Reencoder"/>. Each space holds a monotonic piecewise shift built from insertions ("make room for
/// <c>count</c> new slots at index <c>at</c>"), so maps compose (<see cref="Insert"/> after <see cref="Insert"/>,
/// or <see cref="Then"/>) and lookups cost one compare in the common one-insertion case.
/// </summary>
public sealed class IndexMap
{
    internal const int SpaceCount = 8;
    private readonly SpaceShift[] _spaces = new SpaceShift[SpaceCount];

    /// <summary>An identity map.</summary>
    public IndexMap()
    {
        for (var i = 0; i < SpaceCount; i++) _spaces[i] = new SpaceShift();
    }

    /// <summary>True when no space changes.</summary>
    public bool IsIdentity => ChangedSpaces == 0;

    /// <summary>Bit <c>1 &lt;&lt; (int)space</c> is set for every space whose indices change.</summary>
    public uint ChangedSpaces
    {
        get
        {
            uint mask = 0;
            for (var i = 0; i < SpaceCount; i++)
            {
                if (!_spaces[i].IsIdentity) mask |= 1u << i;
            }
            return mask;
        }
    }

    /// <summary>Whether <paramref name="space"/>'s indices are unchanged.</summary>
    public bool IsIdentityFor(IndexSpace space) => _spaces[(int)space].IsIdentity;

    /// <summary>
    /// Composes "then make room for <paramref name="count"/> slots at index <paramref name="at"/>" onto this map:
    /// <paramref name="at"/> is in the space this map produces; every index at or after it moves up by
    /// <paramref name="count"/>. Returns this map.
    /// </summary>
    public IndexMap Insert(IndexSpace space, uint at, uint count)
    {
        _spaces[(int)space].Insert(at, count);
        return this;
    }

    /// <summary>
    /// Makes <paramref name="space"/> an explicit table: index <c>i</c> becomes <c>newIndices[i]</c>, in any order
    /// (merging one module into another, where imports resolve to arbitrary indices and types deduplicate); an
    /// index beyond the table is an error. A table does not compose with insertions: the space must be identity,
    /// and <see cref="Insert"/> on it throws. Returns this map.
    /// </summary>
    public IndexMap SetTable(IndexSpace space, ReadOnlySpan<uint> newIndices)
    {
        _spaces[(int)space].SetTable(newIndices.ToArray());
        return this;
    }

    /// <summary>Composes <paramref name="next"/> after this map (this, then next). Returns this map.</summary>
    public IndexMap Then(IndexMap next)
    {
        for (var i = 0; i < SpaceCount; i++) _spaces[i].Then(next._spaces[i]);
        return this;
    }

    /// <summary>A copy of this map.</summary>
    public IndexMap Clone()
    {
        var copy = new IndexMap();
        copy.Then(this);
        return copy;
    }

    /// <summary>The new index of <paramref name="index"/> in <paramref name="space"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint Map(IndexSpace space, uint index) => _spaces[(int)space].Map(index);

    /// <summary>The hook of one space.</summary>
    internal SpaceShift Space(IndexSpace space) => _spaces[(int)space];

    /// <inheritdoc/>
    public override string ToString()
    {
        var parts = new List<string>();
        for (var i = 0; i < SpaceCount; i++)
        {
            if (!_spaces[i].IsIdentity) parts.Add($"{(IndexSpace)i}: {_spaces[i]}");
        }
        return parts.Count == 0 ? "identity" : string.Join("; ", parts);
    }
}

/// <summary>
/// One space's map: indices at or above <c>_from[j]</c> (and below <c>_from[j+1]</c>) move up by <c>_shift[j]</c>;
/// indices below <c>_from[0]</c> stay. Strictly increasing, so references keep their order. Alternatively an
/// explicit table (<see cref="IndexMap.SetTable"/>), looked up off the inlined path.
/// </summary>
internal sealed class SpaceShift
{
    private uint[] _from = [];
    private uint[] _shift = [];
    // Copies of the first step for the inlined one-insertion case.
    private uint _from0 = uint.MaxValue;
    private uint _shift0;
    private uint[]? _table;

    public bool IsIdentity => _from.Length == 0 && _table is null;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint Map(uint index)
    {
        if (index < _from0) return index;
        var n = _from.Length;
        if (n == 1) return index + _shift0;
        return MapSlow(index);
    }

    private uint MapSlow(uint index)
    {
        if (_table is { } table)
        {
            return index < table.Length ? table[index] : throw new ArgumentOutOfRangeException(nameof(index), $"index {index} is beyond the map's table of {table.Length}");
        }
        if (_from.Length == 0) return index;
        var lo = 0;
        var hi = _from.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >> 1;
            if (_from[mid] <= index) lo = mid;
            else hi = mid - 1;
        }
        return index + _shift[lo];
    }

    public void SetTable(uint[] table)
    {
        if (!IsIdentity) throw new InvalidOperationException("an explicit table replaces an identity space only");
        _table = table;
        _from0 = 0; // every lookup leaves the inlined path
    }

    public void Insert(uint at, uint count)
    {
        if (count == 0) return;
        if (_table is not null) throw new InvalidOperationException("insertions do not compose with an explicit table");
        // Smallest old index whose image is >= at: search each constant-shift piece in order.
        long first = at; // piece "below _from[0]" has shift 0
        if (_from.Length > 0 && at >= _from[0])
        {
            first = -1;
            for (var j = 0; j < _from.Length; j++)
            {
                var lo = (long)_from[j];
                var hi = j + 1 < _from.Length ? _from[j + 1] : long.MaxValue;
                var candidate = Math.Max(lo, (long)at - _shift[j]);
                if (candidate < hi)
                {
                    first = candidate;
                    break;
                }
            }
        }
        if (first > uint.MaxValue) return; // no existing index is affected
        var x = (uint)first;
        var from = new List<uint>(_from);
        var shift = new List<uint>(_shift);
        var pos = from.BinarySearch(x);
        if (pos < 0)
        {
            pos = ~pos;
            from.Insert(pos, x);
            shift.Insert(pos, pos > 0 ? shift[pos - 1] : 0);
        }
        for (var j = pos; j < shift.Count; j++) shift[j] = checked(shift[j] + count);
        _from = [.. from];
        _shift = [.. shift];
        _from0 = _from[0];
        _shift0 = _shift[0];
    }

    public void Then(SpaceShift next)
    {
        if (next._table is { } table)
        {
            SetTable(table); // tables are never changed after they are set, so sharing one is safe
            return;
        }
        // Decompose next into insertions in its own input space, applied from the lowest up.
        uint previous = 0;
        for (var j = 0; j < next._from.Length; j++)
        {
            var added = next._shift[j] - previous;
            Insert(next._from[j] + previous, added);
            previous = next._shift[j];
        }
    }

    public override string ToString() => _table is { } table
        ? $"table of {table.Length}"
        : string.Join(", ", _from.Select((f, j) => $"[{f}..) +{_shift[j]}"));
}
