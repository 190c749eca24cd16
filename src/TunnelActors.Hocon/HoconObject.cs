using System.Diagnostics.CodeAnalysis;

namespace TunnelActors.Hocon;

/// <summary>An object: string keys in the order they were first written.</summary>
[SuppressMessage("Naming", "CA1710", Justification = "Named after the HOCON concept, like HoconArray.")]
public sealed class HoconObject : HoconValue, IReadOnlyDictionary<string, HoconValue>
{
    // Insertion-ordered as long as nothing is removed, which the library never does.
    private readonly Dictionary<string, HoconValue> _fields;

    /// <summary>Creates an empty object.</summary>
    public HoconObject(HoconOrigin origin)
        : this(origin, new Dictionary<string, HoconValue>(StringComparer.Ordinal))
    {
    }

    internal HoconObject(HoconOrigin origin, Dictionary<string, HoconValue> fields)
        : base(origin) => _fields = fields;

    /// <inheritdoc />
    public override HoconValueKind Kind => HoconValueKind.Object;

    internal override string? ConcatText => null;

    /// <summary>Number of fields.</summary>
    public int Count => _fields.Count;

    /// <summary>Keys in order of first appearance.</summary>
    public IEnumerable<string> Keys => _fields.Keys;

    /// <summary>Values in key order.</summary>
    public IEnumerable<HoconValue> Values => _fields.Values;

    /// <summary>The value of <paramref name="key"/> (a single key, not a path).</summary>
    public HoconValue this[string key] => _fields[key];

    /// <summary>Whether the object has the key.</summary>
    public bool ContainsKey(string key) => _fields.ContainsKey(key);

    /// <summary>Looks up a single key (not a path).</summary>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out HoconValue value) => _fields.TryGetValue(key, out value);

    /// <summary>Enumerates the fields in order.</summary>
    public IEnumerator<KeyValuePair<string, HoconValue>> GetEnumerator() => _fields.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Sets a field during parsing or merging (the object is not shared yet).</summary>
    internal void Set(string key, HoconValue value) => _fields[key] = value;

    /// <summary>Set on objects built by the resolver (every descendant is resolved).</summary>
    internal bool IsResolved { get; init; }

    /// <summary>A shallow copy, for merges that must not change their inputs.</summary>
    internal HoconObject Copy() => new(Origin, new Dictionary<string, HoconValue>(_fields, StringComparer.Ordinal));
}
