using TunnelActors.Core.Configuration;

namespace TunnelActors.Core.Tunnels;

/// <summary>What one tunnel must keep when its actor is replaced after a bug: the current settings (a reload may
/// change them while no actor runs) and the incarnation counter (so nonces, socket names and journal entries of a new
/// actor never repeat an old one's).</summary>
/// <remarks>Created by the root supervisor; settings are written by the root, the counter by the current actor.</remarks>
internal sealed class TunnelLedger(TunnelSettings settings)
{
    private TunnelSettings _settings = settings;
    private long _incarnation;

    /// <summary>The tunnel's current settings.</summary>
    public TunnelSettings Settings
    {
        get => Volatile.Read(ref _settings);
        set => Volatile.Write(ref _settings, value);
    }

    /// <summary>ssh processes started so far (autossh's start_count).</summary>
    public long Incarnation => Interlocked.Read(ref _incarnation);

    /// <summary>The number of the next ssh process.</summary>
    public long NextIncarnation() => Interlocked.Increment(ref _incarnation);
}
