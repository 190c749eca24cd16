namespace TunnelActors.Hocon;

/// <summary>A string value (quoted, unquoted, triple-quoted or the result of a concatenation).</summary>
public sealed class HoconString : HoconValue
{
    /// <summary>Creates a string value.</summary>
    public HoconString(string value, HoconOrigin origin)
        : this(value, origin, isSeparator: false)
    {
    }

    internal HoconString(string value, HoconOrigin origin, bool isSeparator)
        : base(origin)
    {
        Value = value;
        IsSeparator = isSeparator;
    }

    /// <summary>The string.</summary>
    public string Value { get; }

    /// <summary>Unquoted whitespace between the parts of a concatenation (ignored between objects/arrays).</summary>
    internal bool IsSeparator { get; }

    /// <inheritdoc />
    public override HoconValueKind Kind => HoconValueKind.String;

    internal override string? ConcatText => Value;

    internal override string Describe() => $"string \"{Value}\"";

    /// <summary>The string itself.</summary>
    public override string ToString() => Value;
}
