using System.Threading.Channels;
using TunnelActors.Core.Ssh;

namespace TunnelActors.Core.Tests.Tunnels.Fakes;

/// <summary>Starts <see cref="FakeSshProcess"/>es and lets the test wait for each start.</summary>
public sealed class FakeSshProcessFactory(TimeProvider time) : ISshProcessFactory
{
    private readonly Channel<FakeSshProcess> _started = Channel.CreateUnbounded<FakeSshProcess>();
    private readonly List<FakeSshProcess> _all = [];
    private int _pid = 1000;

    /// <summary>Whether new processes ignore SIGTERM (stop then needs the grace period and SIGKILL).</summary>
    public bool IgnoreTerm { get; set; }

    /// <summary>Every process started so far.</summary>
    public IReadOnlyList<FakeSshProcess> All
    {
        get
        {
            lock (_all)
            {
                return [.. _all];
            }
        }
    }

    /// <summary>Makes the next Start throw (a bug in the process layer), once.</summary>
    public bool ThrowOnNextStart { get; set; }

    public ISshProcess Start(SshStartRequest request)
    {
        if (ThrowOnNextStart)
        {
            ThrowOnNextStart = false;
            throw new InvalidOperationException("fake bug in Start");
        }

        var process = new FakeSshProcess(request, Interlocked.Increment(ref _pid), time, IgnoreTerm);
        lock (_all)
        {
            _all.Add(process);
        }

        _started.Writer.TryWrite(process);
        return process;
    }

    /// <summary>The next started process, within a real-time safety timeout.</summary>
    public async Task<FakeSshProcess> NextStartAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        return await _started.Reader.ReadAsync(cts.Token);
    }

    /// <summary>True when no start is waiting to be taken.</summary>
    public bool NoPendingStart => !_started.Reader.TryPeek(out _);
}
