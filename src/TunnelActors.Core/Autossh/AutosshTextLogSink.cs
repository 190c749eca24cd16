namespace TunnelActors.Core.Autossh;

/// <summary>stderr (or any writer): <see cref="AutosshLogFormatter.StderrLine"/> lines, as glibc's <c>LOG_PERROR</c>.</summary>
/// <param name="writer">Usually <see cref="Console.Error"/>; not disposed by the sink.</param>
public sealed class AutosshTextLogSink(TextWriter writer) : IAutosshLogSink
{
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public void Write(AutosshLogEntry entry)
    {
        lock (_gate)
        {
            try
            {
                writer.Write(AutosshLogFormatter.StderrLine(entry));
                writer.Flush();
            }
            catch (IOException)
            {
                // stderr closed: nothing left to tell.
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
