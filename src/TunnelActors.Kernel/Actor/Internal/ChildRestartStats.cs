namespace TunnelActors.Kernel.Actor.Internal;

/// <summary>A parent's record of one child: the ref, whether it is being stopped, and its restart budget.</summary>
internal sealed class ChildRestartStats(IInternalActorRef child)
{
    private int _retriesCount;
    private long? _windowStart;

    public IInternalActorRef Child { get; } = child;

    /// <summary>True once the parent asked this child to stop (the name stays reserved until it terminates).</summary>
    public bool Stopping { get; set; }

    /// <summary>Akka's <c>RequestRestartPermission</c>, with the window measured on <paramref name="time"/> (not a real monotonic clock).</summary>
    public bool RequestRestartPermission(int maxNrOfRetries, int withinTimeMilliseconds, TimeProvider time)
    {
        if (maxNrOfRetries == 0)
        {
            return false;
        }

        if (maxNrOfRetries > 0 && withinTimeMilliseconds <= 0)
        {
            _retriesCount++;
            return _retriesCount <= maxNrOfRetries;
        }

        if (withinTimeMilliseconds > 0)
        {
            return RetriesInWindowOkay(maxNrOfRetries > 0 ? maxNrOfRetries : 1, withinTimeMilliseconds, time);
        }

        return true;
    }

    private bool RetriesInWindowOkay(int retries, int windowMilliseconds, TimeProvider time)
    {
        var retriesDone = _retriesCount + 1;
        var now = time.GetTimestamp();
        _windowStart ??= now;
        if (time.GetElapsedTime(_windowStart.Value, now) <= TimeSpan.FromMilliseconds(windowMilliseconds))
        {
            _retriesCount = retriesDone;
            return retriesDone <= retries;
        }

        _windowStart = now;
        _retriesCount = 1;
        return true;
    }
}
