namespace TunnelActors.Core.Autossh;

/// <summary><c>AUTOSSH_LOGFILE</c>: appends <see cref="AutosshLogFormatter.FileLine"/> lines, flushed after each.</summary>
/// <remarks>
/// Opened once at start-up (mode "a"), so a relative path is resolved against the original working directory.
/// Unlike autossh (§7 item 32) the descriptor is not inherited by ssh: .NET opens files close-on-exec.
/// </remarks>
public sealed class AutosshFileLogSink : IAutosshLogSink
{
    private readonly StreamWriter _writer;
    private readonly Lock _gate = new();

    private AutosshFileLogSink(StreamWriter writer) => _writer = writer;

    /// <summary>Opens <paramref name="path"/> for appending, or returns autossh's fatal error <c>path: strerror</c>.</summary>
    public static AutosshError? TryOpen(string path, out AutosshFileLogSink? sink)
    {
        sink = null;
        try
        {
            var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
            sink = new AutosshFileLogSink(new StreamWriter(stream) { AutoFlush = true });
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return AutosshError.Fatal($"{path}: {e.Message}");
        }
    }

    /// <inheritdoc />
    public void Write(AutosshLogEntry entry)
    {
        lock (_gate)
        {
            try
            {
                _writer.Write(AutosshLogFormatter.FileLine(entry));
            }
            catch (IOException)
            {
                // A full disk must not take the tunnel down; autossh ignores fprintf errors as well.
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _writer.Dispose();
}
