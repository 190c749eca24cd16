namespace TunnelActors.Hocon;

/// <summary>The JSON-like type of a <see cref="HoconValue"/>.</summary>
public enum HoconValueKind
{
    /// <summary>An object (ordered string keys).</summary>
    Object,

    /// <summary>An array.</summary>
    Array,

    /// <summary>A string.</summary>
    String,

    /// <summary>A number (integer or floating point, original text kept).</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary><c>null</c>.</summary>
    Null,

    /// <summary>A substitution, concatenation or merge not resolved yet; never seen after resolution.</summary>
    Unresolved,
}
