namespace TunnelActors.Core.Journal.Events;

/// <summary>The stored <c>kind</c> of every event and the current schema version of its payload.</summary>
/// <remarks>Kinds are stable strings: never rename one; bump its version and add an upgrade in <c>EventCodec</c> instead.</remarks>
public static class EventKinds
{
    /// <summary>Kind of <see cref="Events.SshStarted"/>.</summary>
    public const string SshStarted = "ssh-started";

    /// <summary>Kind of <see cref="Events.TunnelUp"/>.</summary>
    public const string TunnelUp = "tunnel-up";

    /// <summary>Kind of <see cref="Events.ProbeFailed"/>.</summary>
    public const string ProbeFailed = "probe-failed";

    /// <summary>Kind of <see cref="Events.SshExited"/>.</summary>
    public const string SshExited = "ssh-exited";

    /// <summary>Kind of <see cref="Events.RestartScheduled"/>.</summary>
    public const string RestartScheduled = "restart-scheduled";

    /// <summary>Kind of <see cref="Events.GaveUp"/>.</summary>
    public const string GaveUp = "gave-up";

    /// <summary>Kind of <see cref="Events.StoppedByOperator"/>.</summary>
    public const string StoppedByOperator = "stopped-by-operator";

    /// <summary>Kind of <see cref="Events.StoppedByReload"/>.</summary>
    public const string StoppedByReload = "stopped-by-reload";

    /// <summary>Kind of <see cref="Events.ConfigurationLoaded"/>.</summary>
    public const string ConfigurationLoaded = "configuration-loaded";

    /// <summary>Kind of <see cref="Events.ConfigurationReloaded"/>.</summary>
    public const string ConfigurationReloaded = "configuration-reloaded";

    /// <summary>Schema version written for every payload kind today.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>The persistence id of daemon-wide events (configuration); tunnel names cannot contain <c>$</c>.</summary>
    public const string DaemonStream = "$daemon";

    /// <summary>Returns the kind of <paramref name="event"/>.</summary>
    public static string Of(TunnelEvent @event) => @event switch
    {
        Events.SshStarted => SshStarted,
        Events.TunnelUp => TunnelUp,
        Events.ProbeFailed => ProbeFailed,
        Events.SshExited => SshExited,
        Events.RestartScheduled => RestartScheduled,
        Events.GaveUp => GaveUp,
        Events.StoppedByOperator => StoppedByOperator,
        Events.StoppedByReload => StoppedByReload,
        Events.ConfigurationLoaded => ConfigurationLoaded,
        Events.ConfigurationReloaded => ConfigurationReloaded,
        UnrecognizedEvent u => u.Kind,
        _ => throw new ArgumentException($"Unknown event type {@event.GetType().Name}.", nameof(@event)),
    };
}
