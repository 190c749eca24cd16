using TunnelActors.Hocon.Resolution;

namespace TunnelActors.Hocon;

/// <summary>A resolved configuration with typed getters; paths are HOCON path expressions (<c>a.b."c.d"</c>).</summary>
public sealed partial class HoconConfig
{
    /// <summary>Wraps a resolved object.</summary>
    public HoconConfig(HoconObject root) => Root = root;

    /// <summary>An empty configuration.</summary>
    public static HoconConfig Empty { get; } = new(new HoconObject(HoconOrigin.Synthetic("empty config")) { IsResolved = true });

    /// <summary>The resolved root object.</summary>
    public HoconObject Root { get; }

    /// <summary>Whether the path exists and is not null.</summary>
    public bool HasPath(string path) => Find(path) is { Kind: not HoconValueKind.Null };

    /// <summary>The value at the path (null when absent; a HOCON null is returned as <see cref="HoconNull"/>).</summary>
    public HoconValue? Find(string path) => Find(HoconPath.Parse(path));

    /// <summary>The value at the already-split path, or null when absent.</summary>
    public HoconValue? Find(IReadOnlyList<string> keys)
    {
        HoconValue current = Root;
        foreach (var key in keys)
        {
            if (current is not HoconObject obj || !obj.TryGetValue(key, out var child))
            {
                return null;
            }

            current = child;
        }

        return current;
    }

    /// <summary>The value at the path.</summary>
    /// <exception cref="HoconException">The path is absent or null.</exception>
    public HoconValue GetValue(string path)
    {
        var value = Find(path);
        return value is null or HoconNull
            ? throw new HoconException(value?.Origin ?? Root.Origin, $"setting '{path}' is {(value is null ? "missing" : "null")}; expected a value")
            : value;
    }

    /// <summary>This configuration over <paramref name="fallback"/> (keys here win, objects merge).</summary>
    public HoconConfig WithFallback(HoconConfig fallback) => new((HoconObject)Resolver.MergeResolved(fallback.Root, Root));

    /// <summary>The sub-tree at the path as a configuration.</summary>
    public HoconConfig GetConfig(string path) => new(GetObject(path));

    /// <summary>The whole tree as JSON.</summary>
    public string ToJson(bool indented = true) => HoconJson.Render(Root, indented);
}
