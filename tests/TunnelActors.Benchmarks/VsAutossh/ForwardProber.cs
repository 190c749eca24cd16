using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TunnelActors.Benchmarks.VsAutossh;

/// <summary>Checks forwards end to end from the client namespace: connect to the -L port, send a line, expect it back.</summary>
internal sealed class ForwardProber(NetnsThread client)
{
    private static readonly TimeSpan Cadence = TimeSpan.FromMilliseconds(25);
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(2);
    private const int MaxInFlight = 40;
    private long _sequence;

    /// <summary>One probe: true when the echo came back intact within <paramref name="timeout"/>.</summary>
    public async Task<bool> AnswersAsync(int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var socket = await client.CreateTcpAsync();
        var line = Encoding.ASCII.GetBytes($"ta-bench probe {Interlocked.Increment(ref _sequence)}\n");
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), deadline.Token);
            await socket.SendAsync(line, SocketFlags.None, deadline.Token);
            var buffer = new byte[line.Length];
            var got = 0;
            while (got < buffer.Length)
            {
                var read = await socket.ReceiveAsync(buffer.AsMemory(got), SocketFlags.None, deadline.Token);
                if (read == 0)
                {
                    return false;
                }

                got += read;
            }

            return buffer.AsSpan().SequenceEqual(line);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>
    /// Starts a probe every 25 ms (overlapping, so one hung probe does not blur the result) and returns
    /// <paramref name="clock"/>'s reading when the first probe started after the call succeeds, or null at <paramref name="cap"/>.
    /// </summary>
    public async Task<TimeSpan?> FirstAnswerAsync(int port, Stopwatch clock, TimeSpan cap, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var first = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        var inFlight = new List<Task>();
        while (clock.Elapsed < cap && !first.Task.IsCompleted)
        {
            inFlight.RemoveAll(t => t.IsCompleted);
            if (inFlight.Count < MaxInFlight)
            {
                inFlight.Add(AttemptAsync());
            }

            await Task.WhenAny(first.Task, Task.Delay(Cadence, cancellationToken));
        }

        await stop.CancelAsync();
        await Task.WhenAll(inFlight);
        cancellationToken.ThrowIfCancellationRequested();
        return first.Task.IsCompletedSuccessfully ? first.Task.Result : null;

        async Task AttemptAsync()
        {
            try
            {
                if (await AnswersAsync(port, AttemptTimeout, stop.Token))
                {
                    first.TrySetResult(clock.Elapsed);
                }
            }
            catch (OperationCanceledException)
            {
                // Stopped after another probe won or the run was cancelled.
            }
        }
    }

    /// <summary>Sweeps all <paramref name="ports"/> until each has answered once; returns how many answered and when the last did.</summary>
    public async Task<(int Answered, TimeSpan? AllAt)> AllAnswerAsync(
        IReadOnlyList<int> ports, Stopwatch clock, TimeSpan cap, CancellationToken cancellationToken)
    {
        var pending = new HashSet<int>(ports);
        var options = new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken };
        while (pending.Count > 0 && clock.Elapsed < cap)
        {
            var answered = new List<int>();
            await Parallel.ForEachAsync(pending.ToList(), options, async (port, token) =>
            {
                if (await AnswersAsync(port, TimeSpan.FromSeconds(1), token))
                {
                    lock (answered)
                    {
                        answered.Add(port);
                    }
                }
            });
            pending.ExceptWith(answered);
            if (pending.Count > 0)
            {
                // 50 ms between sweeps, more for big fleets so the prober itself does not load the machine.
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Clamp(2 * ports.Count, 50, 1000)), cancellationToken);
            }
        }

        return (ports.Count - pending.Count, pending.Count == 0 ? clock.Elapsed : null);
    }
}
