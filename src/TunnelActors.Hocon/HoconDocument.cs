using TunnelActors.Hocon.Resolution;

namespace TunnelActors.Hocon;

/// <summary>A parsed, not yet resolved document; layer documents with <see cref="WithFallback"/>, then <see cref="Resolve"/>.</summary>
public sealed class HoconDocument
{
    internal HoconDocument(HoconValue root, string source)
    {
        Root = root;
        Source = source;
    }

    /// <summary>The file (or description) the document came from.</summary>
    public string Source { get; }

    internal HoconValue Root { get; }

    /// <summary>The keys of the root object (empty for an array root).</summary>
    public IReadOnlyCollection<string> Keys => Root is HoconObject obj ? [.. obj.Keys] : [];

    /// <summary>Whether the root is an array (valid for a document, but it cannot be resolved into a config).</summary>
    public bool IsArray => Root is HoconArray;

    /// <summary>This document over <paramref name="fallback"/>: keys here win, objects merge (neither input changes).</summary>
    public HoconDocument WithFallback(HoconDocument fallback) =>
        new(Merge.Values(fallback.Root, Root, inPlace: false), Source);

    /// <summary>Resolves every substitution.</summary>
    /// <exception cref="HoconException">A substitution is undefined or cyclic, or a concatenation mixes types.</exception>
    public HoconConfig Resolve(HoconOptions? options = null)
    {
        if (Root is not HoconObject obj)
        {
            throw new HoconException(Root.Origin, "the document's root is an array; expected an object");
        }

        return new HoconConfig(new Resolver(obj, options ?? HoconOptions.Default).ResolveRoot());
    }
}
