using System.Collections.Concurrent;
using TunnelActors.Cli.Hosting;

namespace TunnelActors.Cli.Tests.Support;

/// <summary>An <see cref="INotifier"/> that records calls as sd_notify-like strings.</summary>
internal sealed class RecordingNotifier(TimeSpan? watchdogInterval = null) : INotifier
{
    public ConcurrentQueue<string> Messages { get; } = new();

    public TimeSpan? WatchdogInterval => watchdogInterval;

    public void Ready() => Messages.Enqueue("READY=1");

    public void Reloading() => Messages.Enqueue("RELOADING=1");

    public void Status(string text) => Messages.Enqueue("STATUS=" + text);

    public void Watchdog() => Messages.Enqueue("WATCHDOG=1");

    public void Stopping() => Messages.Enqueue("STOPPING=1");
}
