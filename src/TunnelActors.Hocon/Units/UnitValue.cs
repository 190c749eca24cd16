using System.Globalization;

namespace TunnelActors.Hocon.Units;

/// <summary>Splits <c>ws? number ws? unit? ws?</c> (HOCON.md §Units format) into number and unit.</summary>
internal static class UnitValue
{
    public static (decimal Number, string Unit) Split(HoconValue value, string what)
    {
        if (value is HoconNumber n)
        {
            return (n.Integer is { } l ? l : (decimal)n.Value, string.Empty);
        }

        if (value is not HoconString s)
        {
            throw new HoconException(value.Origin, $"expected {what} (a number or a string such as \"10s\"), found {value.Describe()}");
        }

        var text = s.Value.Trim();
        var unitStart = text.Length;
        while (unitStart > 0 && char.IsAsciiLetter(text[unitStart - 1]))
        {
            unitStart--;
        }

        var number = text[..unitStart].Trim();
        var unit = text[unitStart..];
        if (number.Length == 0 || !decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var parsed))
        {
            throw new HoconException(value.Origin, $"expected {what} such as \"10s\" or \"512K\", found \"{s.Value}\"");
        }

        return (parsed, unit);
    }
}
