using System.Globalization;
using System.Text.Json;
using TunnelActors.Hocon.Units;

namespace TunnelActors.Hocon.Tests.Conformance;

/// <summary>Checks one expectation row (<c>path, type, value</c>, see the corpus README) against a resolved config.</summary>
internal static class ExpectationChecker
{
    /// <summary>Returns null when the row holds, else a description of the mismatch.</summary>
    public static string? Check(HoconConfig config, string path, string type, string expected)
    {
        var keys = HoconPath.Parse(path);
        var actual = config.Find(keys);
        var where = path.Length == 0 ? "<root>" : path;
        if (type == "absent")
        {
            return actual is null ? null : $"{where}: expected absent, found {Render(actual)}";
        }

        if (actual is null)
        {
            return $"{where}: expected {type} {expected}, but the path is absent";
        }

        try
        {
            var ok = type switch
            {
                "string" or "number" or "boolean" or "null" or "object" or "array" => type == KindName(actual) && JsonEquals(JsonDocument.Parse(expected).RootElement, actual),
                "keys" => actual is HoconObject obj && JsonEquals(JsonDocument.Parse(expected).RootElement, new HoconArray(obj.Origin, obj.Keys.Order(StringComparer.Ordinal).Select(k => (HoconValue)new HoconString(k, obj.Origin)))),
                "array_size" => actual is HoconArray array && array.Count == int.Parse(expected, CultureInfo.InvariantCulture),
                "duration_ms" => HoconDuration.ToNanoseconds(actual) / 1_000_000 == long.Parse(expected, CultureInfo.InvariantCulture),
                "duration_ns" => HoconDuration.ToNanoseconds(actual) == long.Parse(expected, CultureInfo.InvariantCulture),
                "bytes" => HoconSize.ToBytes(actual) == System.Numerics.BigInteger.Parse(expected, CultureInfo.InvariantCulture),
                "period_days" => HoconPeriod.ToDays(actual) == int.Parse(expected, CultureInfo.InvariantCulture),
                _ => throw new InvalidOperationException($"unknown expectation type {type}"),
            };
            return ok ? null : $"{where}: expected {type} {expected}, found {KindName(actual)} {Render(actual)}";
        }
        catch (HoconException e)
        {
            return $"{where}: expected {type} {expected}, getter failed: {e.Message}";
        }
    }

    private static string KindName(HoconValue value) => value.Kind.ToString().ToLowerInvariant();

    private static string Render(HoconValue value) => HoconJson.Render(value, indented: false);

    /// <summary>Structural equality: numbers numerically, objects ignoring key order.</summary>
    public static bool JsonEquals(JsonElement expected, HoconValue actual) => expected.ValueKind switch
    {
        JsonValueKind.Object => actual is HoconObject obj && obj.Count == expected.EnumerateObject().Count()
            && expected.EnumerateObject().All(p => obj.TryGetValue(p.Name, out var v) && JsonEquals(p.Value, v)),
        JsonValueKind.Array => actual is HoconArray array && array.Count == expected.GetArrayLength()
            && expected.EnumerateArray().Select((e, i) => JsonEquals(e, array[i])).All(b => b),
        JsonValueKind.String => actual is HoconString s && s.Value == expected.GetString(),
        JsonValueKind.Number => actual is HoconNumber n && NumberEquals(expected, n),
        JsonValueKind.True => actual is HoconBoolean { Value: true },
        JsonValueKind.False => actual is HoconBoolean { Value: false },
        JsonValueKind.Null => actual is HoconNull,
        _ => false,
    };

    private static bool NumberEquals(JsonElement expected, HoconNumber actual)
    {
        if (expected.TryGetInt64(out var l) && actual.Integer is { } i)
        {
            return l == i;
        }

        var d = expected.GetDouble();
        return Math.Abs(d - actual.Value) <= Math.Abs(d) * 1e-12;
    }
}
