using System.Threading.Channels;
using TunnelActors.Core.Monitoring;
using TunnelActors.Core.Tunnels;

namespace TunnelActors.Core.Tests.Tunnels.Fakes;

/// <summary>A prober whose probes the test answers one by one.</summary>
public sealed class FakeProber : IEchoProber
{
    private readonly Channel<PendingProbe> _probes = Channel.CreateUnbounded<PendingProbe>();

    public Task<ProbeResult> ProbeAsync(ProbeEndpoint target, ProbeNonce nonce, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var pending = new PendingProbe(target, nonce, timeout);
        _probes.Writer.TryWrite(pending);
        return pending.Result.Task;
    }

    /// <summary>The next probe started, within a real-time safety timeout.</summary>
    public async Task<PendingProbe> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        return await _probes.Reader.ReadAsync(cts.Token);
    }

    /// <summary>True when no probe is waiting to be answered.</summary>
    public bool NoPendingProbe => !_probes.Reader.TryPeek(out _);

    /// <summary>One probe in flight.</summary>
    public sealed record PendingProbe(ProbeEndpoint Target, ProbeNonce Nonce, TimeSpan Timeout)
    {
        public TaskCompletionSource<ProbeResult> Result { get; } = new();

        public void Ok(double rttMs = 5) => Result.SetResult(new ProbeResult(ProbeOutcome.Ok, TimeSpan.FromMilliseconds(rttMs)));

        public void Fail(ProbeOutcome outcome = ProbeOutcome.Timeout) =>
            Result.SetResult(new ProbeResult(outcome, Timeout, $"fake {outcome}"));
    }
}
