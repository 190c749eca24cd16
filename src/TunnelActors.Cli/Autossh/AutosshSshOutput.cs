using Microsoft.Extensions.Logging;
using TunnelActors.Core.Tunnels;

namespace TunnelActors.Cli.Autossh;

/// <summary>Copies the lines the tunnel layer reads from ssh and logs to our own streams, where autossh's ssh writes
/// directly: stderr lines (ssh's errors, <c>-v</c> output) to stderr, stdout lines (a remote command's output) to stdout.</summary>
internal sealed class AutosshSshOutput(TextWriter stdout, TextWriter stderr) : ILoggerProvider, ILogger
{
    private readonly Lock _gate = new();

    /// <summary>A logger factory that only passes ssh's output lines on to <paramref name="stdout"/> and <paramref name="stderr"/>.</summary>
    public static ILoggerFactory Factory(TextWriter stdout, TextWriter stderr) =>
        LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Debug).AddProvider(new AutosshSshOutput(stdout, stderr)));

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
        var target = eventId.Id switch
        {
            TunnelLog.StderrLineEvent => stderr,
            TunnelLog.StdoutLineEvent => stdout,
            _ => null,
        };
        if (target is null || state is not IReadOnlyList<KeyValuePair<string, object?>> values
            || values.FirstOrDefault(pair => pair.Key == "Line").Value is not string line)
        {
            return;
        }

        lock (_gate)
        {
            try
            {
                target.WriteLine(line);
                target.Flush();
            }
            catch (IOException)
            {
                // The stream is closed (a reader went away): the line is dropped, as ssh's own write would fail.
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
