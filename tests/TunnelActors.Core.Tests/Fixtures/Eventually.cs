using System.Diagnostics;
using System.Net.Sockets;
using TunnelActors.Core.Monitoring;

namespace TunnelActors.Core.Tests.Fixtures;

/// <summary>Waiting for an observable effect with a generous real-time safety limit (never a fixed sleep).</summary>
public static class Eventually
{
    /// <summary>The default safety limit (the CI machine has 2 busy cores).</summary>
    public static readonly TimeSpan Safety = TimeSpan.FromSeconds(20);

    /// <summary>Polls <paramref name="condition"/> until it holds; throws <see cref="TimeoutException"/> with
    /// <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > (timeout ?? Safety))
            {
                throw new TimeoutException($"Timed out waiting for: {what}");
            }

            await Task.Delay(15);
        }
    }

    /// <summary>Waits until something accepts connections at <paramref name="endpoint"/>; returns how long it took.</summary>
    public static async Task<TimeSpan> ListeningAsync(ProbeEndpoint endpoint, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        await TrueAsync(() => Accepts(endpoint), $"a listener at {endpoint}", timeout);
        return clock.Elapsed;
    }

    /// <summary>Probes <paramref name="target"/> until a probe succeeds (a loop's -R may come up just after its -L).</summary>
    public static async Task<ProbeResult> ProbeOkAsync(ProbeEndpoint target, string tunnel = "t", TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        var sequence = 0;
        while (true)
        {
            var result = await EchoProbe.RunAsync(target, ProbeNonce.Create(tunnel, 1, ++sequence), TimeSpan.FromSeconds(2), TimeProvider.System);
            if (result.IsOk)
            {
                return result;
            }

            if (clock.Elapsed > (timeout ?? Safety))
            {
                throw new TimeoutException($"No successful probe at {target}; last: {result}");
            }

            await Task.Delay(25);
        }
    }

    private static bool Accepts(ProbeEndpoint endpoint)
    {
        using var socket = endpoint.CreateSocket();
        try
        {
            socket.Connect(endpoint.ToEndPoint());
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
