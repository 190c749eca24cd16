using System.Globalization;

namespace TunnelActors.Core.Autossh;

/// <summary><c>AUTOSSH_PIDFILE</c> (autossh.md §6.2): <c>"%d\n"</c> written just before the first ssh, removed on exit.</summary>
/// <remarks>
/// <para>Like autossh: truncate-and-write with no lock and no check for a running instance; removed on every
/// orderly exit (0 and 1, including after SIGTERM); left behind only when the process is killed outright.</para>
/// <para>Improvements: a relative path is resolved against the directory we started in, also with <c>-f</c>
/// (autossh's <c>daemon()</c> has already moved to <c>/</c>, §7 item 27); removal only deletes the file if it
/// still holds our pid, so a second instance's file is never removed.</para>
/// </remarks>
public sealed class AutosshPidFile
{
    private bool _written;

    private AutosshPidFile(string path, int pid)
    {
        Path = path;
        Pid = pid;
    }

    /// <summary>The absolute path of the file.</summary>
    public string Path { get; }

    /// <summary>The pid written.</summary>
    public int Pid { get; }

    /// <summary>The file content: the pid and a newline.</summary>
    public string Content => string.Create(CultureInfo.InvariantCulture, $"{Pid}\n");

    /// <summary>Writes the file, or returns autossh's fatal error <c>cannot open pid file "%s": %s</c>.</summary>
    /// <param name="path">AUTOSSH_PIDFILE as given.</param>
    /// <param name="baseDirectory">The working directory at start-up, for a relative path.</param>
    /// <param name="pid">The supervising process's pid.</param>
    /// <param name="pidFile">The written file when the result is null.</param>
    public static AutosshError? TryWrite(string path, string baseDirectory, int pid, out AutosshPidFile? pidFile)
    {
        pidFile = null;
        var full = System.IO.Path.GetFullPath(path, baseDirectory);
        var file = new AutosshPidFile(full, pid);
        try
        {
            File.WriteAllText(full, file.Content);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return AutosshError.Fatal($"cannot open pid file \"{path}\": {e.Message}");
        }

        file._written = true;
        pidFile = file;
        return null;
    }

    /// <summary>Removes the file if we wrote it and it still holds our pid; returns whether it was removed.</summary>
    public bool Remove()
    {
        if (!_written)
        {
            return false;
        }

        _written = false;
        try
        {
            if (File.ReadAllText(Path) != Content)
            {
                return false;
            }

            File.Delete(Path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
