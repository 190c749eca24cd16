using System.Globalization;
using System.Numerics;
using TunnelActors.Hocon.Units;

namespace TunnelActors.Hocon;

/// <summary>Typed getters with the automatic conversions of HOCON.md §API Recommendations.</summary>
public sealed partial class HoconConfig
{
    /// <summary>A string; numbers and booleans convert to their text.</summary>
    public string GetString(string path) => AsString(GetValue(path), path);

    /// <summary>A boolean; the strings true/yes/on and false/no/off convert.</summary>
    public bool GetBoolean(string path) => AsBoolean(GetValue(path), path);

    /// <summary>A 32-bit integer (a number or a numeric string).</summary>
    public int GetInt(string path)
    {
        var value = GetLong(path);
        return value is >= int.MinValue and <= int.MaxValue ? (int)value : throw Expected(GetValue(path), path, "a whole number in the 32-bit range");
    }

    /// <summary>A 64-bit integer (a number or a numeric string).</summary>
    public long GetLong(string path)
    {
        var value = GetValue(path);
        return AsNumber(value, path) is { Integer: { } l } ? l : throw Expected(value, path, "a whole number");
    }

    /// <summary>A floating-point number (a number or a numeric string).</summary>
    public double GetDouble(string path) => AsNumber(GetValue(path), path).Value;

    /// <summary>A duration (bare numbers are milliseconds).</summary>
    public TimeSpan GetDuration(string path) => HoconDuration.ToTimeSpan(GetValue(path));

    /// <summary>A duration in nanoseconds.</summary>
    public long GetDurationNanoseconds(string path) => HoconDuration.ToNanoseconds(GetValue(path));

    /// <summary>A size in bytes (bare numbers are bytes).</summary>
    public long GetBytes(string path)
    {
        var value = GetValue(path);
        var bytes = HoconSize.ToBytes(value);
        return bytes <= long.MaxValue && bytes >= long.MinValue ? (long)bytes : throw Expected(value, path, "a size below 8 EiB");
    }

    /// <summary>A size in bytes of any magnitude.</summary>
    public BigInteger GetBytesBig(string path) => HoconSize.ToBytes(GetValue(path));

    /// <summary>An array.</summary>
    public HoconArray GetList(string path) => GetValue(path) as HoconArray ?? throw Expected(GetValue(path), path, "an array");

    /// <summary>An array of strings (numbers and booleans convert).</summary>
    public IReadOnlyList<string> GetStringList(string path) => [.. GetList(path).Select(v => AsString(v, path))];

    /// <summary>An object.</summary>
    public HoconObject GetObject(string path) =>
        (path.Length == 0 ? Root : GetValue(path) as HoconObject) ?? throw Expected(GetValue(path), path, "an object");

    /// <summary>Converts a value to a string (numbers/booleans convert, objects/arrays/null do not).</summary>
    public static string AsString(HoconValue value, string path) => value switch
    {
        HoconString s => s.Value,
        HoconNumber or HoconBoolean => value.ConcatText!,
        _ => throw Expected(value, path, "a string"),
    };

    /// <summary>Converts a value to a boolean (true/yes/on, false/no/off).</summary>
    public static bool AsBoolean(HoconValue value, string path) => value switch
    {
        HoconBoolean b => b.Value,
        HoconString { Value: "true" or "yes" or "on" } => true,
        HoconString { Value: "false" or "no" or "off" } => false,
        _ => throw Expected(value, path, "a boolean (true/false, yes/no, on/off)"),
    };

    /// <summary>Converts a value to a number (numeric strings convert).</summary>
    public static HoconNumber AsNumber(HoconValue value, string path) => value switch
    {
        HoconNumber n => n,
        HoconString s when HoconNumber.TryParse(s.Value.Trim(), s.Origin) is { } parsed => parsed,
        _ => throw Expected(value, path, "a number"),
    };

    private static HoconException Expected(HoconValue value, string path, string what) =>
        new(value.Origin, $"{path}: expected {what}, found {value.Describe()}");
}
