using TunnelActors.Core.Sandbox;

namespace TunnelActors.Cli.Tests.Demo;

/// <summary>A fact that is skipped, with the install hint, where no local sshd can be started.</summary>
public sealed class RequiresLocalSshdFactAttribute : FactAttribute
{
    public RequiresLocalSshdFactAttribute()
    {
        if (ThrowawaySshd.MissingPrerequisites() is { } missing)
        {
            Skip = missing;
        }
    }
}
