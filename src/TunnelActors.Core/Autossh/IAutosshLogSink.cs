namespace TunnelActors.Core.Autossh;

/// <summary>A destination of the drop-in's log: a file, stderr or syslog.</summary>
public interface IAutosshLogSink : IDisposable
{
    /// <summary>Writes one entry; must not throw for I/O errors of the destination.</summary>
    void Write(AutosshLogEntry entry);
}
