using TunnelActors.Core.Monitoring;

namespace TunnelActors.Core.Tunnels;

/// <summary>Runs one echo probe; the seam that lets monitor tests decide outcomes without a network.</summary>
public interface IEchoProber
{
    /// <summary>Probes <paramref name="target"/> with <paramref name="nonce"/>, giving up after <paramref name="timeout"/>.
    /// Network failures are outcomes, never exceptions.</summary>
    Task<ProbeResult> ProbeAsync(ProbeEndpoint target, ProbeNonce nonce, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken);
}
