using TunnelActors.Core.Monitoring;
using TunnelActors.Core.Ssh;
using TunnelActors.Kernel.Actor;

namespace TunnelActors.Core.Tunnels;

/// <summary>One incarnation of a tunnel: its ssh process, the monitor forwards it was started with, the incarnation's
/// own loop listener (Unix loop) and its monitor actor.</summary>
/// <remarks>Owned by the tunnel actor; released exactly once, after ssh has ended (or killed first, from PostStop).</remarks>
internal sealed class SshSession(long incarnation, ISshProcess process, MonitorForwardSet forwards, LoopListener? ownListener)
{
    /// <summary>The incarnation number.</summary>
    public long Incarnation { get; } = incarnation;

    /// <summary>The ssh process.</summary>
    public ISshProcess Process { get; } = process;

    /// <summary>The monitor forwards on ssh's command line.</summary>
    public MonitorForwardSet Forwards { get; } = forwards;

    /// <summary>The monitor actor, once spawned.</summary>
    public IActorRef? Monitor { get; set; }

    /// <summary>Whether the first probe answered (or, without a monitor, ssh settled).</summary>
    public bool IsUp { get; set; }

    /// <summary>Releases what the incarnation owns once ssh has ended: the process handle, its own listener and the local
    /// socket files (ssh leaves its -L socket behind when killed). Never throws.</summary>
    public async Task ReleaseAsync()
    {
        try
        {
            await Process.DisposeAsync();
            if (ownListener is not null)
            {
                await ownListener.DisposeAsync();
            }

            MonitorForwards.DeleteLocalFiles(Forwards);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // Leftover files are harmless: names are unique per incarnation.
        }
    }
}
