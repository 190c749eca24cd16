namespace TunnelActors.Core.Autossh;

/// <summary>The drop-in's log: filters by level and writes autossh-format lines to every sink of the plan.</summary>
/// <remarks>Timestamps are local time from the injected <see cref="TimeProvider"/>.</remarks>
public sealed class AutosshLog : IDisposable
{
    private readonly AutosshLogPlan _plan;
    private readonly TimeProvider _time;
    private readonly int _pid;
    private readonly IReadOnlyList<IAutosshLogSink> _sinks;

    /// <summary>Creates a log over already opened sinks.</summary>
    public AutosshLog(AutosshLogPlan plan, TimeProvider time, int pid, IReadOnlyList<IAutosshLogSink> sinks)
    {
        _plan = plan;
        _time = time;
        _pid = pid;
        _sinks = sinks;
    }

    /// <summary>Opens the sinks of <paramref name="plan"/>; a log file that cannot be opened is autossh's fatal error.</summary>
    /// <param name="plan">Where to log.</param>
    /// <param name="time">Clock for the timestamps.</param>
    /// <param name="pid">The pid written in every line.</param>
    /// <param name="stderr">The stderr writer.</param>
    /// <param name="syslogSocket">The syslog socket path.</param>
    /// <param name="log">The log when the result is null.</param>
    public static AutosshError? TryOpen(
        AutosshLogPlan plan, TimeProvider time, int pid, TextWriter stderr, string syslogSocket, out AutosshLog? log)
    {
        log = null;
        var sinks = new List<IAutosshLogSink>();
        if (plan.LogFile is { } path)
        {
            if (AutosshFileLogSink.TryOpen(path, out var file) is { } error)
            {
                return error;
            }

            sinks.Add(file!);
        }

        if (plan.Syslog)
        {
            sinks.Add(new AutosshSyslogSink(syslogSocket));
        }

        if (plan.Stderr)
        {
            sinks.Add(new AutosshTextLogSink(stderr));
        }

        log = new AutosshLog(plan, time, pid, sinks);
        return null;
    }

    /// <summary>Logs <paramref name="message"/> at <paramref name="level"/> if the plan's threshold allows it.</summary>
    public void Write(AutosshLogLevel level, string message)
    {
        if (!_plan.Accepts(level))
        {
            return;
        }

        var entry = new AutosshLogEntry(level, _time.GetLocalNow(), _pid, message);
        foreach (var sink in _sinks)
        {
            sink.Write(entry);
        }
    }

    /// <summary>Logs at LOG_ERR.</summary>
    public void Error(string message) => Write(AutosshLogLevel.Error, message);

    /// <summary>Logs at LOG_INFO.</summary>
    public void Info(string message) => Write(AutosshLogLevel.Info, message);

    /// <summary>Logs at LOG_DEBUG.</summary>
    public void Debug(string message) => Write(AutosshLogLevel.Debug, message);

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var sink in _sinks)
        {
            sink.Dispose();
        }
    }
}
