using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace TunnelActors.Cli.Tests.Support;

/// <summary>Collects log messages and lets a test wait for one.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message)> _messages = new();
    private readonly List<(Func<LogLevel, string, bool> Match, TaskCompletionSource<string> Found)> _waiters = [];
    private readonly Lock _gate = new();

    public IReadOnlyCollection<(LogLevel Level, string Message)> Messages => _messages;

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    /// <summary>Completes with the first message (past or future) that matches.</summary>
    public Task<string> WaitForAsync(LogLevel level, string fragment)
    {
        bool Match(LogLevel l, string m) => l == level && m.Contains(fragment, StringComparison.Ordinal);
        lock (_gate)
        {
            foreach (var (l, m) in _messages)
            {
                if (Match(l, m))
                {
                    return Task.FromResult(m);
                }
            }

            var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((Match, found));
            return found.Task.WaitAsync(Timeouts.Event);
        }
    }

    public void Dispose()
    {
    }

    private void Add(LogLevel level, string message)
    {
        lock (_gate)
        {
            _messages.Enqueue((level, message));
            foreach (var waiter in _waiters.Where(w => w.Match(level, message)).ToList())
            {
                waiter.Found.TrySetResult(message);
                _waiters.Remove(waiter);
            }
        }
    }

    private sealed class Logger(CapturingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Add(logLevel, formatter(state, exception));
    }
}
