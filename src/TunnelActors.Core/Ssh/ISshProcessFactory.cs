namespace TunnelActors.Core.Ssh;

/// <summary>Starts ssh processes; the seam that lets actor tests run without a process.</summary>
public interface ISshProcessFactory
{
    /// <summary>Starts <paramref name="request"/>'s command. Never throws for an ssh that cannot run: the returned
    /// process has then already exited with <see cref="SshExit.StartError"/> set.</summary>
    ISshProcess Start(SshStartRequest request);
}
