using System.Net.Sockets;

namespace TunnelActors.Core.Monitoring;

/// <summary>One probe: connect to the tunnel's probe end, send a nonce, read it back, compare byte for byte.</summary>
/// <remarks>Works for both modes: in echo mode the server's echo service answers, in loop mode the
/// <see cref="LoopListener"/> at the far end of the loop does.</remarks>
public static class EchoProbe
{
    /// <summary>Runs one probe against <paramref name="target"/>, giving up after <paramref name="timeout"/> on
    /// <paramref name="time"/>'s clock. Never throws for network failures: they are outcomes.</summary>
    public static async Task<ProbeResult> RunAsync(
        ProbeEndpoint target,
        ProbeNonce nonce,
        TimeSpan timeout,
        TimeProvider time,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(nonce);
        var started = time.GetTimestamp();
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        using var socket = target.CreateSocket();
        try
        {
            await socket.ConnectAsync(target.ToEndPoint(), linked.Token);
            await socket.SendAsync(nonce.Bytes, SocketFlags.None, linked.Token);
            var buffer = new byte[nonce.Bytes.Length];
            var read = 0;
            while (read < buffer.Length)
            {
                var n = await socket.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None, linked.Token);
                if (n == 0)
                {
                    return new ProbeResult(ProbeOutcome.Closed, time.GetElapsedTime(started), $"closed after {read} of {buffer.Length} bytes");
                }

                read += n;
            }

            return nonce.Matches(buffer)
                ? new ProbeResult(ProbeOutcome.Ok, time.GetElapsedTime(started))
                : new ProbeResult(ProbeOutcome.Mismatch, time.GetElapsedTime(started), "the answer differs from the probe");
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new ProbeResult(ProbeOutcome.Timeout, time.GetElapsedTime(started), $"no answer within {timeout.TotalMilliseconds:0} ms");
        }
        catch (SocketException e)
        {
            var outcome = e.SocketErrorCode switch
            {
                SocketError.ConnectionRefused or SocketError.AddressNotAvailable => ProbeOutcome.Refused,
                SocketError.ConnectionReset or SocketError.Shutdown or SocketError.ConnectionAborted => ProbeOutcome.Closed,
                SocketError.TimedOut => ProbeOutcome.Timeout,
                _ => ProbeOutcome.Error,
            };
            return new ProbeResult(outcome, time.GetElapsedTime(started), $"{e.SocketErrorCode}: {e.Message}");
        }
    }
}
