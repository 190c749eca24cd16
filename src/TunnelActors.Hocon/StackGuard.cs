using System.Runtime.CompilerServices;

namespace TunnelActors.Hocon;

/// <summary>Turns a nearly exhausted stack into a <see cref="HoconException"/> instead of a process-killing overflow.</summary>
internal static class StackGuard
{
    /// <summary>Throws when less than the runtime's safety margin of stack is left.</summary>
    public static void Ensure(HoconOrigin origin, string what)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new HoconException(origin, $"{what} nested too deeply; expected a shallower configuration");
        }
    }
}
