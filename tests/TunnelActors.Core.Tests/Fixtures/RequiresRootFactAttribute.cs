namespace TunnelActors.Core.Tests.Fixtures;

/// <summary>A fact that needs root with network namespaces and iptables (and sshd); skipped with the reason otherwise.</summary>
public sealed class RequiresRootFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when namespaces cannot be used here.</summary>
    public RequiresRootFactAttribute()
    {
        if (Prerequisites.WhyNetnsMissing is { } reason)
        {
            Skip = $"Network-namespace test skipped: {reason}.";
        }
    }
}
