using TunnelActors.Core.Monitoring;

namespace TunnelActors.Core.Tunnels;

/// <summary>The real prober: <see cref="EchoProbe.RunAsync"/> over a socket.</summary>
public sealed class EchoProber : IEchoProber
{
    private EchoProber()
    {
    }

    /// <summary>The single instance.</summary>
    public static EchoProber Instance { get; } = new();

    /// <inheritdoc />
    public async Task<ProbeResult> ProbeAsync(ProbeEndpoint target, ProbeNonce nonce, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            return await EchoProbe.RunAsync(target, nonce, timeout, time, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new ProbeResult(ProbeOutcome.Error, TimeSpan.Zero, "cancelled: the monitor stopped");
        }
    }
}
