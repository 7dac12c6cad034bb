using System.Collections;

namespace Whamm.Wasm.Model;

/// <summary>
/// A list that counts its modifications. The writer compares the count with the one recorded when the
/// module was read and copies a section's original bytes verbatim when nothing changed; that is how an
/// unmodified module is written back byte-identical.
/// </summary>
public sealed class TrackedList<T> : IList<T>, IReadOnlyList<T>
{
    private readonly List<T> _items;

    /// <summary>An empty list.</summary>
    public TrackedList() => _items = [];

    /// <summary>A list holding <paramref name="items"/>.</summary>
    public TrackedList(IEnumerable<T> items) => _items = [.. items];

    /// <summary>Incremented by every modification.</summary>
    public int Version { get; private set; }

    /// <inheritdoc/>
    public T this[int index]
    {
        get => _items[index];
        set { _items[index] = value; Version++; }
    }

    /// <inheritdoc/>
    public int Count => _items.Count;
    /// <inheritdoc/>
    public bool IsReadOnly => false;
    /// <inheritdoc/>
    public void Add(T item) { _items.Add(item); Version++; }
    /// <summary>Adds several items.</summary>
    public void AddRange(IEnumerable<T> items) { _items.AddRange(items); Version++; }
    /// <inheritdoc/>
    public void Clear() { _items.Clear(); Version++; }
    /// <inheritdoc/>
    public bool Contains(T item) => _items.Contains(item);
    /// <inheritdoc/>
    public void CopyTo(T[] array, int arrayIndex) => _items.CopyTo(array, arrayIndex);
    /// <inheritdoc/>
    public int IndexOf(T item) => _items.IndexOf(item);
    /// <inheritdoc/>
    public void Insert(int index, T item) { _items.Insert(index, item); Version++; }
    /// <inheritdoc/>
    public bool Remove(T item) { var removed = _items.Remove(item); if (removed) Version++; return removed; }
    /// <inheritdoc/>
    public void RemoveAt(int index) { _items.RemoveAt(index); Version++; }
    /// <summary>The list's enumerator (a struct: no allocation).</summary>
    public List<T>.Enumerator GetEnumerator() => _items.GetEnumerator();
    IEnumerator<T> IEnumerable<T>.GetEnumerator() => _items.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();
}
