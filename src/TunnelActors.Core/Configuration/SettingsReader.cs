using TunnelActors.Hocon;
using TunnelActors.Hocon.Units;

namespace TunnelActors.Core.Configuration;

/// <summary>Reads typed settings from one object, recording every problem in an <see cref="ErrorSink"/> instead of stopping.</summary>
/// <remarks>Getters return a harmless fallback after recording an error, so binding can go on and report all errors at once.</remarks>
internal sealed class SettingsReader(HoconObject obj, string path, ErrorSink errors)
{
    public HoconObject Object => obj;

    public string Path => path;

    public ErrorSink Errors => errors;

    public string PathOf(string key) => path.Length == 0 ? HoconPath.RenderKey(key) : $"{path}.{HoconPath.RenderKey(key)}";

    public HoconValue? Raw(string key) => obj.TryGetValue(key, out var value) && value is not HoconNull ? value : null;

    public void Error(string key, string message, HoconValue? at = null) =>
        errors.Add((at ?? Raw(key) ?? obj).Origin, PathOf(key), message);

    /// <summary>Reports keys that are not in <paramref name="known"/>, with a suggestion.</summary>
    public void CheckKeys(IReadOnlyCollection<string> known)
    {
        foreach (var (key, value) in obj)
        {
            if (!known.Contains(key))
            {
                var hint = KeyHints.Closest(key, known);
                errors.Add(value.Origin, PathOf(key), $"unknown setting{(hint is null ? string.Empty : $"; did you mean '{hint}'?")} (known here: {string.Join(", ", known)})");
            }
        }
    }

    public SettingsReader Child(string key)
    {
        if (Raw(key) is HoconObject child)
        {
            return new SettingsReader(child, PathOf(key), errors);
        }

        if (Raw(key) is { } other)
        {
            Error(key, $"expected an object {{ ... }}, found {Describe(other)}");
        }

        return new SettingsReader(new HoconObject(obj.Origin), PathOf(key), errors);
    }

    public string? OptionalString(string key)
    {
        var value = Raw(key);
        switch (value)
        {
            case null:
                return null;
            case HoconString or HoconNumber or HoconBoolean:
                return HoconConfig.AsString(value, PathOf(key));
            default:
                Error(key, $"expected a string, found {Describe(value)}");
                return null;
        }
    }

    public string String(string key, string what)
    {
        var value = OptionalString(key);
        if (value is null && Raw(key) is null)
        {
            Error(key, $"missing; expected {what}");
        }
        else if (value is { Length: 0 })
        {
            Error(key, $"is empty; expected {what}");
        }

        return value ?? string.Empty;
    }

    public int? OptionalInt(string key, int min, int max, string what)
    {
        var value = Raw(key);
        if (value is null)
        {
            return null;
        }

        var number = value switch
        {
            HoconNumber n => n,
            HoconString s => HoconNumber.TryParse(s.Value.Trim(), s.Origin),
            _ => null,
        };
        if (number?.Integer is { } l && l >= min && l <= max)
        {
            return (int)l;
        }

        Error(key, $"{Describe(value)} is not {what}; expected a whole number from {min} to {max}");
        return null;
    }

    public int Int(string key, int min, int max, string what) => OptionalInt(key, min, max, what) ?? Missing(key, what, min);

    public double Double(string key, double min, double max)
    {
        var value = Raw(key);
        try
        {
            var number = value is null ? (double?)null : HoconConfig.AsNumber(value, PathOf(key)).Value;
            if (number is { } d && d >= min && d <= max)
            {
                return d;
            }

            Error(key, value is null ? $"missing; expected a number from {min} to {max}" : $"{Describe(value)} is out of range; expected a number from {min} to {max}");
        }
        catch (HoconException)
        {
            Error(key, $"expected a number from {min} to {max}, found {Describe(value!)}");
        }

        return min;
    }

    public bool Bool(string key)
    {
        var value = Raw(key);
        try
        {
            return value is null ? Missing(key, "true or false", false) : HoconConfig.AsBoolean(value, PathOf(key));
        }
        catch (HoconException)
        {
            Error(key, $"expected true/false (or on/off, yes/no), found {Describe(value!)}");
            return false;
        }
    }

    public TimeSpan? OptionalDuration(string key, TimeSpan min)
    {
        var value = Raw(key);
        if (value is null)
        {
            return null;
        }

        try
        {
            var duration = HoconDuration.ToTimeSpan(value);
            if (duration >= min)
            {
                return duration;
            }

            Error(key, $"{Describe(value)} is too short; expected at least {Format(min)}");
        }
        catch (HoconException e)
        {
            Error(key, e.Problem);
        }

        return null;
    }

    public TimeSpan Duration(string key, TimeSpan min) => OptionalDuration(key, min) ?? Missing(key, "a duration such as 10s", min);

    private T Missing<T>(string key, string what, T fallback)
    {
        if (Raw(key) is null)
        {
            Error(key, $"missing; expected {what}");
        }

        return fallback;
    }

    public static string Describe(HoconValue value) => value switch
    {
        HoconString s => $"\"{s.Value}\"",
        HoconNumber n => n.Text,
        HoconBoolean b => b.Value ? "true" : "false",
        HoconObject => "an object",
        HoconArray => "an array",
        _ => "null",
    };

    public static string Format(TimeSpan span) => span.TotalSeconds >= 1 && span.Milliseconds == 0 ? $"{span.TotalSeconds}s" : $"{span.TotalMilliseconds}ms";
}
