using TunnelActors.Core.Sandbox;

namespace TunnelActors.Cli.Tests.Autossh;

/// <summary>A fact that needs sshd and ssh (a throwaway sshd on 127.0.0.1), and optionally root with unshare and ip
/// (a server with its own loopback, for autossh's loop monitor); skipped with the reason otherwise.</summary>
public sealed class RequiresSshdFactAttribute : FactAttribute
{
    public RequiresSshdFactAttribute(bool privateLoopback = false)
    {
        if (ThrowawaySshd.MissingPrerequisites() is { } missing)
        {
            Skip = missing;
        }
        else if (privateLoopback && Environment.UserName != "root")
        {
            Skip = "needs root (the loop-mode server runs in its own network namespace)";
        }
        else if (privateLoopback && new[] { "unshare", "ip" }.FirstOrDefault(p => Support.ChildProcess.Find(p) is null) is { } program)
        {
            Skip = $"needs '{program}' on PATH";
        }
    }
}
