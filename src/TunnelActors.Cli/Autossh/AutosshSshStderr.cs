using Microsoft.Extensions.Logging;

namespace TunnelActors.Cli.Autossh;

/// <summary>Copies ssh's stderr lines, which the tunnel layer reads and logs, to our stderr: autossh's ssh writes
/// there directly (its own errors, <c>-v</c> output).</summary>
internal sealed class AutosshSshStderr(TextWriter stderr) : ILoggerProvider, ILogger
{
    /// <summary>The tunnel layer's event for one stderr line of ssh (<c>TunnelLog.StderrLine</c>).</summary>
    private const int StderrLineEvent = 4209;

    private readonly Lock _gate = new();

    /// <summary>A logger factory that only passes ssh's stderr lines to <paramref name="stderr"/>.</summary>
    public static ILoggerFactory Factory(TextWriter stderr) =>
        LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Debug).AddProvider(new AutosshSshStderr(stderr)));

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => this;

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => logLevel == LogLevel.Debug;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (eventId.Id != StderrLineEvent || state is not IReadOnlyList<KeyValuePair<string, object?>> values)
        {
            return;
        }

        var line = values.FirstOrDefault(pair => pair.Key == "Line").Value as string;
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            try
            {
                stderr.WriteLine(line);
                stderr.Flush();
            }
            catch (IOException)
            {
                // stderr closed.
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
