using System.Globalization;

namespace TunnelActors.Hocon;

/// <summary>A number; the original text is kept for concatenations and keys.</summary>
/// <remarks>Integers that fit in 64 bits are <see cref="IsInteger"/>; anything else (fractions, exponents,
/// integers beyond int64) is a double. Leading zeros are accepted (<c>007</c> is 7), <c>-0</c> is 0.</remarks>
public sealed class HoconNumber : HoconValue
{
    private HoconNumber(string text, long? integer, double value, HoconOrigin origin)
        : base(origin)
    {
        Text = text;
        Integer = integer;
        Value = value;
    }

    /// <summary>The number as written.</summary>
    public string Text { get; }

    /// <summary>The value as an integer when the text is an integer that fits in 64 bits.</summary>
    public long? Integer { get; }

    /// <summary>The value as a double (always set).</summary>
    public double Value { get; }

    /// <summary>Whether the text was an integer fitting in 64 bits.</summary>
    public bool IsInteger => Integer.HasValue;

    /// <inheritdoc />
    public override HoconValueKind Kind => HoconValueKind.Number;

    internal override string? ConcatText => Text;

    /// <summary>Parses <paramref name="text"/> (JSON number grammar, leading zeros allowed) or returns null.</summary>
    public static HoconNumber? TryParse(string text, HoconOrigin origin)
    {
        // JSON: no leading '+', and '+' only as an exponent sign (.NET parsing would accept both).
        if (text.Length == 0 || text[0] == '+' || (text.Contains('+', StringComparison.Ordinal) && !text.Contains('e', StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var isFloat = text.AsSpan().IndexOfAny('.', 'e', 'E') >= 0;
        if (!isFloat && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            return new HoconNumber(text, l, l, origin);
        }

        if (text[0] == '.' || text.EndsWith('.') || text.Contains(".e", StringComparison.OrdinalIgnoreCase) || text.StartsWith("-.", StringComparison.Ordinal))
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var d)
            && double.IsFinite(d))
        {
            return new HoconNumber(text, null, d, origin);
        }

        return null;
    }

    /// <summary>The original text.</summary>
    public override string ToString() => Text;
}
