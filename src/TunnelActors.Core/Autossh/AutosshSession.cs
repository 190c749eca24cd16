namespace TunnelActors.Core.Autossh;

/// <summary>A started drop-in: its settings, its open log and (once written) its pid file.</summary>
/// <remarks>Call <see cref="WritePidFile"/> after the monitor socket is bound and after detaching for <c>-f</c>
/// (autossh.md §6.2), then run the tunnel, then <see cref="Finish"/> exactly once.</remarks>
public sealed class AutosshSession : IDisposable
{
    private readonly string _workingDirectory;
    private readonly int _pid;
    private AutosshPidFile? _pidFile;

    internal AutosshSession(AutosshSettings settings, AutosshLog log, string workingDirectory, int pid)
    {
        Settings = settings;
        Log = log;
        _workingDirectory = workingDirectory;
        _pid = pid;
    }

    /// <summary>The tunnel and drop-in settings.</summary>
    public AutosshSettings Settings { get; }

    /// <summary>The log in autossh's format and destinations.</summary>
    public AutosshLog Log { get; }

    /// <summary>Writes AUTOSSH_PIDFILE if set; an error is logged and returned (the caller exits 1).</summary>
    public AutosshError? WritePidFile()
    {
        if (Settings.PidFile is not { } path || _pidFile is not null)
        {
            return null;
        }

        var error = AutosshPidFile.TryWrite(path, _workingDirectory, _pid, out _pidFile);
        if (error is not null)
        {
            Log.Error(error.Message);
        }

        return error;
    }

    /// <summary>Logs nothing more, removes the pid file, closes the log and returns the exit status for <paramref name="outcome"/>.</summary>
    public int Finish(AutosshOutcome outcome)
    {
        _pidFile?.Remove();
        _pidFile = null;
        Log.Dispose();
        return AutosshExitStatus.For(outcome);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _pidFile?.Remove();
        Log.Dispose();
    }
}
