namespace TunnelActors.Kernel.Actor;

/// <summary>Builds deciders (exception → <see cref="Directive"/>) from ordered (type, directive) pairs.</summary>
public static class Decider
{
    /// <summary>
    /// A decider that checks <paramref name="pairs"/> in order with <see cref="Type.IsInstanceOfType"/> (first match wins,
    /// so subclasses match) and falls back to <paramref name="defaultDirective"/>.
    /// </summary>
    public static Func<Exception, Directive> From(Directive defaultDirective, params KeyValuePair<Type, Directive>[] pairs)
    {
        var copy = pairs.ToArray();
        return cause =>
        {
            foreach (var (type, directive) in copy)
            {
                if (type.IsInstanceOfType(cause))
                {
                    return directive;
                }
            }

            return defaultDirective;
        };
    }

    /// <summary>A decider that always returns <paramref name="directive"/>.</summary>
    public static Func<Exception, Directive> Always(Directive directive) => _ => directive;
}
