using System.Collections;

namespace Whamm.Wasm.Model;

/// <summary>
/// A list that counts its modifications. The writer compares the count with the one recorded when the
/// module was read and copies a section's original bytes verbatim when nothing changed; that is how an
/// unmodified module is written back byte-identical.
/// </summary>
public sealed class TrackedList<T> : IList<T>, IReadOnlyList<T>
{
    private List<T> _items;
    // Items as read, decoded on first use (see Defer); _items then holds only those added after them.
    private Func<List<T>>? _deferred;
    private int _deferredCount;
    private readonly Lock _decoding = new();

    /// <summary>An empty list.</summary>
    public TrackedList() => _items = [];

    /// <summary>A list holding <paramref name="items"/>.</summary>
    public TrackedList(IEnumerable<T> items) => _items = [.. items];

    /// <summary>Incremented by every modification.</summary>
    public int Version { get; private set; }

    /// <summary>
    /// How many leading items are still as read and not yet decoded (0 once anything but <see cref="Count"/>,
    /// <see cref="Add"/>, <see cref="AddRange"/> or <see cref="Snapshot"/> touched the list, or after <see cref="Clear"/>).
    /// The writer copies their bytes as read.
    /// </summary>
    public int DeferredCount => _deferred is null ? 0 : _deferredCount;

    /// <summary>The items after the <see cref="DeferredCount"/> deferred ones (all of them when none is deferred).</summary>
    internal ReadOnlySpan<T> AfterDeferred => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_items);

    /// <summary>
    /// Makes the list's first <paramref name="count"/> items those <paramref name="load"/> decodes, when first needed: a
    /// reader defers a long section whose entries are rarely looked at (a Go module's 98,000 data segments are 9 MB as
    /// objects). <paramref name="load"/> must not fail: the reader checks the bytes before deferring them.
    /// </summary>
    internal void Defer(int count, Func<List<T>> load)
    {
        if (_items.Count != 0 || _deferred is not null) throw new InvalidOperationException("only an empty list can defer its items");
        _deferred = load;
        _deferredCount = count;
    }

    /// <summary>The items as they are now, produced when called (deferred ones decoded then, the list left deferred).</summary>
    public Func<T[]> Snapshot()
    {
        if (_deferred is not { } load) { var copy = _items.ToArray(); return () => copy; }
        var added = _items.ToArray();
        return () => [.. load(), .. added];
    }

    private List<T> Items
    {
        get
        {
            if (_deferred is not null) DecodeDeferred();
            return _items;
        }
    }

    /// <summary>Decodes the deferred items now (<see cref="DeferredCount"/> is 0 after).</summary>
    internal void DecodeDeferred()
    {
        lock (_decoding)
        {
            if (_deferred is not { } load) return;
            var all = load();
            all.AddRange(_items);
            _items = all;
            _deferred = null;
        }
    }

    /// <inheritdoc/>
    public T this[int index]
    {
        get => Items[index];
        set { Items[index] = value; Version++; }
    }

    /// <inheritdoc/>
    public int Count => DeferredCount + _items.Count;
    /// <inheritdoc/>
    public bool IsReadOnly => false;
    /// <inheritdoc/>
    public void Add(T item) { _items.Add(item); Version++; }
    /// <summary>Adds several items.</summary>
    public void AddRange(IEnumerable<T> items) { _items.AddRange(items); Version++; }
    /// <inheritdoc/>
    public void Clear() { _deferred = null; _items.Clear(); Version++; }
    /// <inheritdoc/>
    public bool Contains(T item) => Items.Contains(item);
    /// <inheritdoc/>
    public void CopyTo(T[] array, int arrayIndex) => Items.CopyTo(array, arrayIndex);
    /// <inheritdoc/>
    public int IndexOf(T item) => Items.IndexOf(item);
    /// <inheritdoc/>
    public void Insert(int index, T item) { Items.Insert(index, item); Version++; }
    /// <inheritdoc/>
    public bool Remove(T item) { var removed = Items.Remove(item); if (removed) Version++; return removed; }
    /// <inheritdoc/>
    public void RemoveAt(int index) { Items.RemoveAt(index); Version++; }
    /// <summary>The list's enumerator (a struct: no allocation).</summary>
    public List<T>.Enumerator GetEnumerator() => Items.GetEnumerator();
    IEnumerator<T> IEnumerable<T>.GetEnumerator() => Items.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => Items.GetEnumerator();
}
