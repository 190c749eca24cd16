using TunnelActors.Core.Sandbox;

namespace TunnelActors.Cli.Tests.Doctor;

/// <summary>A fact that needs sshd, ssh and ssh-keygen (a throwaway sshd on 127.0.0.1); skipped with the install hint otherwise.</summary>
public sealed class SshdFactAttribute : FactAttribute
{
    public SshdFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "needs Linux";
        }
        else if (ThrowawaySshd.MissingPrerequisites() is { } missing)
        {
            Skip = missing;
        }
    }
}
