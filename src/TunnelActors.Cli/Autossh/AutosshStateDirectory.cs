using System.Globalization;

namespace TunnelActors.Cli.Autossh;

/// <summary>The drop-in's private state directory (journal, pid registry): <c>$XDG_RUNTIME_DIR</c> or <c>/tmp</c>, removed at exit.</summary>
internal sealed class AutosshStateDirectory : IDisposable
{
    private AutosshStateDirectory(string path) => Path = path;

    /// <summary>The directory (mode 0700).</summary>
    public string Path { get; }

    /// <summary>Creates <c>tunnelactors-autossh-&lt;pid&gt;</c> under the runtime directory; a stale one of a dead process is replaced.</summary>
    public static AutosshStateDirectory Create(int pid)
    {
        var parent = Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR") is { Length: > 0 } runtime && Directory.Exists(runtime)
            ? runtime
            : System.IO.Path.GetTempPath();
        var path = System.IO.Path.Combine(parent, string.Create(CultureInfo.InvariantCulture, $"tunnelactors-autossh-{pid}"));
        if (Directory.Exists(path))
        {
            // Same pid as ours: its owner is gone.
            Directory.Delete(path, recursive: true);
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return new AutosshStateDirectory(path);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a temp directory left behind is harmless.
        }
    }
}
