using System.Collections.Immutable;

namespace TunnelActors.Core.Ssh;

/// <summary>A thread-safe ring of the last lines a process wrote; older lines are dropped.</summary>
public sealed class StderrTail
{
    /// <summary>How many lines are kept by default.</summary>
    public const int DefaultCapacity = 20;

    /// <summary>Longer lines are cut to this many characters (ssh's host-key banner is the longest we expect).</summary>
    public const int MaxLineLength = 512;

    private readonly Lock _gate = new();
    private readonly Queue<string> _lines;
    private readonly int _capacity;

    /// <summary>Creates an empty tail keeping at most <paramref name="capacity"/> lines.</summary>
    public StderrTail(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _lines = new Queue<string>(capacity);
    }

    /// <summary>Number of lines seen in total, including dropped ones.</summary>
    public long TotalLines { get; private set; }

    /// <summary>Appends a line (without its terminator), dropping the oldest when full.</summary>
    public void Add(string line)
    {
        var trimmed = line.TrimEnd('\r');
        if (trimmed.Length > MaxLineLength)
        {
            trimmed = trimmed[..MaxLineLength];
        }

        lock (_gate)
        {
            if (_lines.Count == _capacity)
            {
                _lines.Dequeue();
            }

            _lines.Enqueue(trimmed);
            TotalLines++;
        }
    }

    /// <summary>The kept lines, oldest first.</summary>
    public ImmutableArray<string> Snapshot()
    {
        lock (_gate)
        {
            return [.. _lines];
        }
    }
}
