namespace TunnelActors.Hocon;

/// <summary>An array; elements may have different types.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1710", Justification = "Named after the HOCON concept.")]
public sealed class HoconArray : HoconValue, IReadOnlyList<HoconValue>
{
    private readonly List<HoconValue> _items;

    /// <summary>Creates an array holding <paramref name="items"/>.</summary>
    public HoconArray(HoconOrigin origin, IEnumerable<HoconValue> items)
        : this(origin, items.ToList())
    {
    }

    internal HoconArray(HoconOrigin origin, List<HoconValue> items)
        : base(origin) => _items = items;

    /// <inheritdoc />
    public override HoconValueKind Kind => HoconValueKind.Array;

    internal override string? ConcatText => null;

    /// <summary>Number of elements.</summary>
    public int Count => _items.Count;

    /// <summary>The element at <paramref name="index"/>.</summary>
    public HoconValue this[int index] => _items[index];

    /// <summary>Set on arrays built by the resolver (every element is resolved).</summary>
    internal bool IsResolved { get; init; }

    /// <summary>Enumerates the elements in order.</summary>
    public IEnumerator<HoconValue> GetEnumerator() => _items.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
