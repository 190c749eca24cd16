using TunnelActors.Hocon.Resolution;

namespace TunnelActors.Hocon;

/// <summary>Object merging (HOCON.md §Duplicate keys and object merging) and concatenation of containers.</summary>
internal static class Merge
{
    /// <summary>The value of a key written twice: objects merge, anything else replaces, unresolved values stack.</summary>
    /// <param name="older">The earlier value, or null when the key is new.</param>
    /// <param name="newer">The later value.</param>
    /// <param name="inPlace">Merge into <paramref name="older"/> (only while parsing, when nothing is shared yet).</param>
    public static HoconValue Values(HoconValue? older, HoconValue newer, bool inPlace = true)
    {
        if (older is null)
        {
            return newer;
        }

        StackGuard.Ensure(newer.Origin, "objects are");

        if (newer is HoconObject newObject)
        {
            if (older is HoconObject oldObject)
            {
                var target = inPlace ? oldObject : oldObject.Copy();
                foreach (var (key, value) in newObject)
                {
                    target.Set(key, Values(target.TryGetValue(key, out var previous) ? previous : null, value, inPlace));
                }

                return target;
            }

            return older.Kind == HoconValueKind.Unresolved ? new MergeStack(older, newer) : newer;
        }

        return newer.Kind == HoconValueKind.Unresolved ? new MergeStack(older, newer) : newer;
    }

    /// <summary>Concatenates objects (merged, later wins) or arrays (appended); all parts have the same kind.</summary>
    public static HoconValue Concat(IEnumerable<HoconValue> parts, HoconOrigin origin)
    {
        HoconObject? obj = null;
        List<HoconValue>? items = null;
        foreach (var part in parts)
        {
            if (part is HoconArray array)
            {
                (items ??= []).AddRange(array);
            }
            else
            {
                obj = (HoconObject)Values(obj ?? new HoconObject(origin), part, inPlace: true);
            }
        }

        return items is not null ? new HoconArray(origin, items) : obj ?? new HoconObject(origin);
    }
}
