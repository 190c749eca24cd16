namespace TunnelActors.Hocon.Resolution;

/// <summary>Substitution lookups and concatenation.</summary>
internal sealed partial class Resolver
{
    private HoconValue? Lookup(Substitution substitution)
    {
        _chain.Add(substitution);
        _selfReference = null;
        try
        {
            if (substitution.Prefix is not null && Walk(root, [.. substitution.Prefix, .. substitution.Path], []) is { } fixedUp)
            {
                return fixedUp;
            }

            if (substitution.Anchor is not null && Walk(substitution.Anchor, substitution.Path, null) is { } anchored)
            {
                return anchored;
            }

            if (Walk(root, substitution.Path, []) is { } found)
            {
                return found;
            }

            var name = string.Join('.', substitution.Path);
            if (options.UseEnvironment && options.EnvironmentLookup(name) is { } env)
            {
                return new HoconString(env, HoconOrigin.Synthetic($"environment variable {name}"));
            }

            if (substitution.Optional)
            {
                return null;
            }

            throw _selfReference is { } self
                ? new HoconException(substitution.Origin, $"substitution cycle: {substitution.Describe()} needs the value of '{self}', which is being computed from it and has no earlier value to fall back on; break the cycle")
                : new HoconException(substitution.Origin, $"could not resolve substitution {substitution.Describe()}: no such setting{(options.UseEnvironment ? " and no such environment variable" : string.Empty)}; define it, or write ${{?{HoconPath.Render(substitution.Path)}}} if it is optional");
        }
        finally
        {
            _chain.RemoveAt(_chain.Count - 1);
        }
    }

    /// <summary>Follows <paramref name="keys"/> from <paramref name="start"/>; <paramref name="startPath"/> is null when the start's path is unknown.</summary>
    private HoconValue? Walk(HoconValue start, string[] keys, string[]? startPath)
    {
        var node = start;
        var path = startPath;
        foreach (var key in keys)
        {
            var child = Step(node, key, path);
            if (path is not null)
            {
                path = [.. path, key];
                for (var i = _overrides.Count - 1; i >= 0; i--)
                {
                    if (_overrides[i].Path.AsSpan().SequenceEqual(path))
                    {
                        child = _overrides[i].Below;
                        _selfReference = child is null ? HoconPath.Render(path) : null;
                        break;
                    }
                }
            }

            if (child is null)
            {
                return null;
            }

            node = child;
        }

        return Resolve(node, path);
    }

    private HoconValue? Step(HoconValue node, string key, string[]? path)
    {
        switch (node)
        {
            case HoconObject obj:
                return obj.TryGetValue(key, out var child) ? child : null;
            case MergeStack stack when _inProgress.Contains(stack):
                // Partial step into a stack being resolved: the top object's field wins, else look below.
                return stack.Top is HoconObject top && top.TryGetValue(key, out var topChild) ? topChild
                    : stack.Top is HoconObject ? Step(stack.Below, key, path)
                    : throw Cycle(stack);
            case Substitution or Concatenation or MergeStack:
                return Resolve(node, path) is HoconObject resolved && resolved.TryGetValue(key, out var value) ? value : null;
            default:
                return null;
        }
    }

    private HoconValue? ResolveConcatenation(Concatenation concatenation, string[]? path)
    {
        var values = new List<HoconValue?>(concatenation.Parts.Count);
        HoconValue? container = null;
        var anyDefined = false;
        foreach (var part in concatenation.Parts)
        {
            var value = part is HoconString { IsSeparator: true } ? part : Resolve(part, part is HoconObject ? path : null);
            values.Add(value);
            anyDefined |= value is not null;
            if (value is HoconObject or HoconArray)
            {
                container ??= value;
            }
        }

        if (!anyDefined)
        {
            return null;
        }

        if (container is null)
        {
            return new HoconString(string.Concat(values.Select(v => v?.ConcatText)), concatenation.Origin);
        }

        HoconValue? result = null;
        List<HoconValue>? items = null;
        foreach (var value in values)
        {
            if (value is null or HoconString { IsSeparator: true })
            {
                continue;
            }

            if (value.Kind != container.Kind)
            {
                throw new HoconException(value.Origin, $"cannot concatenate {value.Describe()} with {container.Describe()} (in the value at {concatenation.Origin}); objects concatenate only with objects, arrays only with arrays");
            }

            if (value is HoconArray array)
            {
                (items ??= []).AddRange(array);
            }
            else
            {
                result = result is null ? value : MergeResolved(result, value);
            }
        }

        return items is not null ? new HoconArray(concatenation.Origin, items) { IsResolved = true } : result;
    }
}
