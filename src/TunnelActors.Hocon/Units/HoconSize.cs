using System.Collections.Frozen;
using System.Numerics;

namespace TunnelActors.Hocon.Units;

/// <summary>Sizes in bytes (HOCON.md §Size in bytes format): single letters and *i/*iB are powers of two, kB/MB/... powers of ten.</summary>
public static class HoconSize
{
    private static readonly FrozenDictionary<string, BigInteger> BytesPerUnit = Build();

    /// <summary>The size in bytes (may exceed 64 bits for ZB/YB).</summary>
    /// <exception cref="HoconException">Not a size, or an unknown unit.</exception>
    public static BigInteger ToBytes(HoconValue value)
    {
        var (number, unit) = UnitValue.Split(value, "a size in bytes");
        if (!BytesPerUnit.TryGetValue(unit.Length == 0 ? "B" : unit, out var factor))
        {
            throw new HoconException(value.Origin, $"unknown size unit '{unit}'; expected B, K/KiB (1024), kB (1000), M/MiB, MB, G/GiB, GB, ...");
        }

        var scale = (int)((decimal.GetBits(number)[3] >> 16) & 0xFF);
        var mantissa = new BigInteger(number * (decimal)Math.Pow(10, scale));
        return mantissa * factor / BigInteger.Pow(10, scale);
    }

    private static FrozenDictionary<string, BigInteger> Build()
    {
        var map = new Dictionary<string, BigInteger>(StringComparer.Ordinal);
        foreach (var name in new[] { "B", "b", "byte", "bytes" })
        {
            map[name] = BigInteger.One;
        }

        string[][] names =
        [
            ["kilo", "K", "k", "Ki", "KiB", "kB", "kibi"],
            ["mega", "M", "m", "Mi", "MiB", "MB", "mebi"],
            ["giga", "G", "g", "Gi", "GiB", "GB", "gibi"],
            ["tera", "T", "t", "Ti", "TiB", "TB", "tebi"],
            ["peta", "P", "p", "Pi", "PiB", "PB", "pebi"],
            ["exa", "E", "e", "Ei", "EiB", "EB", "exbi"],
            ["zetta", "Z", "z", "Zi", "ZiB", "ZB", "zebi"],
            ["yotta", "Y", "y", "Yi", "YiB", "YB", "yobi"],
        ];
        for (var power = 1; power <= names.Length; power++)
        {
            var n = names[power - 1];
            var binary = BigInteger.Pow(1024, power);
            var decimalFactor = BigInteger.Pow(1000, power);
            foreach (var name in n[1..5])
            {
                map[name] = binary;
            }

            map[n[5]] = decimalFactor;
            map[n[0] + "byte"] = map[n[0] + "bytes"] = decimalFactor;
            map[n[6] + "byte"] = map[n[6] + "bytes"] = binary;
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
