namespace TunnelActors.Hocon;

/// <summary>A node of a HOCON tree; after resolution one of object, array, string, number, boolean, null.</summary>
public abstract class HoconValue
{
    private protected HoconValue(HoconOrigin origin) => Origin = origin;

    /// <summary>Where the value was written (for a substituted value: where the target was written).</summary>
    public HoconOrigin Origin { get; }

    /// <summary>The type of the value.</summary>
    public abstract HoconValueKind Kind { get; }

    /// <summary>The text this value contributes to a string concatenation, or null for objects and arrays.</summary>
    internal abstract string? ConcatText { get; }

    /// <summary>A short description for error messages, e.g. <c>number 42</c> or <c>an object</c>.</summary>
    internal virtual string Describe() => Kind switch
    {
        HoconValueKind.Object => "an object",
        HoconValueKind.Array => "an array",
        HoconValueKind.Null => "null",
        _ => $"{Kind.ToString().ToLowerInvariant()} {ConcatText}",
    };
}
