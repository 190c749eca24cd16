namespace TunnelActors.Hocon.Resolution;

/// <summary>Resolves substitutions, concatenations and merge stacks of a parsed tree (HOCON.md §Substitutions).</summary>
/// <remarks>
/// Each unresolved node is resolved once (memoized per occurrence). A node being resolved that is reached again is a
/// cycle. Self-reference: while the top of a key's merge stack is a substitution or concatenation, lookups passing
/// through that key see the stack below it ("look backward"), and nothing at all when there is no stack below.
/// Lookups step into unresolved objects without resolving the whole object, so objects may refer to their own fields.
/// </remarks>
internal sealed partial class Resolver(HoconObject root, HoconOptions options)
{
    private readonly Dictionary<HoconValue, HoconValue?> _memo = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<HoconValue> _inProgress = new(ReferenceEqualityComparer.Instance);
    private readonly List<(string[] Path, HoconValue? Below)> _overrides = [];
    private readonly List<Substitution> _chain = [];
    private string? _selfReference;

    /// <summary>Resolves the whole tree.</summary>
    public HoconObject ResolveRoot() => (HoconObject?)Resolve(root, []) ?? new HoconObject(root.Origin);

    /// <summary>Resolves one node at <paramref name="path"/> (null inside arrays); null means undefined.</summary>
    private HoconValue? Resolve(HoconValue value, string[]? path)
    {
        switch (value)
        {
            case HoconString or HoconNumber or HoconBoolean or HoconNull:
            case HoconObject { IsResolved: true }:
            case HoconArray { IsResolved: true }:
                return value;
        }

        if (_memo.TryGetValue(value, out var done))
        {
            return done;
        }

        StackGuard.Ensure(value.Origin, "substitutions that refer to substitutions, or objects and arrays, are");

        if (!_inProgress.Add(value))
        {
            throw Cycle(value);
        }

        try
        {
            var result = value switch
            {
                HoconObject obj => ResolveObject(obj, path),
                HoconArray array => ResolveArray(array),
                Substitution substitution => Self(path, null, () => Lookup(substitution)),
                Concatenation concatenation => Self(path, null, () => ResolveConcatenation(concatenation, path)),
                MergeStack stack => ResolveStack(stack, path),
                _ => throw new InvalidOperationException($"unknown node {value.GetType().Name}"),
            };
            _memo[value] = result;
            return result;
        }
        finally
        {
            _inProgress.Remove(value);
        }
    }

    private HoconException Cycle(HoconValue value)
    {
        var chain = _chain.Count > 0 ? string.Join(" -> ", _chain.Select(s => s.Describe())) : value.Describe();
        return new HoconException(value.Origin, $"substitution cycle: {chain} refers back to itself; break the cycle");
    }

    /// <summary>Runs <paramref name="resolve"/> with lookups through <paramref name="path"/> seeing <paramref name="below"/>.</summary>
    private HoconValue? Self(string[]? path, HoconValue? below, Func<HoconValue?> resolve)
    {
        if (path is null)
        {
            return resolve();
        }

        _overrides.Add((path, below));
        try
        {
            return resolve();
        }
        finally
        {
            _overrides.RemoveAt(_overrides.Count - 1);
        }
    }

    private HoconObject ResolveObject(HoconObject obj, string[]? path)
    {
        var fields = new Dictionary<string, HoconValue>(obj.Count, StringComparer.Ordinal);
        foreach (var (key, child) in obj)
        {
            var resolved = Resolve(child, path is null ? null : [.. path, key]);
            if (resolved is not null)
            {
                fields[key] = resolved;
            }
        }

        return new HoconObject(obj.Origin, fields) { IsResolved = true };
    }

    private HoconArray ResolveArray(HoconArray array)
    {
        var items = new List<HoconValue>(array.Count);
        foreach (var item in array)
        {
            if (Resolve(item, null) is { } resolved)
            {
                items.Add(resolved);
            }
        }

        return new HoconArray(array.Origin, items) { IsResolved = true };
    }

    private HoconValue? ResolveStack(MergeStack stack, string[]? path)
    {
        var top = stack.Top is Substitution or Concatenation
            ? Self(path, stack.Below, () => stack.Top is Substitution s ? Lookup(s) : ResolveConcatenation((Concatenation)stack.Top, path))
            : Resolve(stack.Top, path);
        if (top is null)
        {
            return Resolve(stack.Below, path);
        }

        if (top is HoconObject topObject && Resolve(stack.Below, path) is HoconObject belowObject)
        {
            return MergeResolved(belowObject, topObject);
        }

        return top;
    }

    /// <summary>Merges two resolved values without changing either.</summary>
    internal static HoconValue MergeResolved(HoconValue older, HoconValue newer)
    {
        if (newer is not HoconObject newObject || older is not HoconObject oldObject)
        {
            return newer;
        }

        StackGuard.Ensure(newer.Origin, "objects are");
        var fields = new Dictionary<string, HoconValue>(oldObject.Count + newObject.Count, StringComparer.Ordinal);
        foreach (var (key, value) in oldObject)
        {
            fields[key] = value;
        }

        foreach (var (key, value) in newObject)
        {
            fields[key] = fields.TryGetValue(key, out var previous) ? MergeResolved(previous, value) : value;
        }

        return new HoconObject(newObject.Origin, fields) { IsResolved = true };
    }
}
