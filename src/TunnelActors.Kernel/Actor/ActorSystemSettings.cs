using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace TunnelActors.Kernel.Actor;

/// <summary>Settings of an <see cref="ActorSystem"/>; every default is documented on its property.</summary>
public sealed record ActorSystemSettings
{
    /// <summary>The clock for timers, the scheduler, Ask timeouts and restart windows. Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where the kernel and actors log. Default: no logging.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>Ask timeout when none is given. Default 10 s (finite on purpose: Akka's infinite default is a trap).</summary>
    public TimeSpan AskTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Messages an actor processes per mailbox run before yielding its thread. Default 100.</summary>
    public int Throughput { get; init; } = 100;

    /// <summary>Strategy of the user guardian (the parent of top-level actors). Default: <see cref="SupervisorStrategy.DefaultStrategy"/>.</summary>
    public SupervisorStrategy GuardianSupervisorStrategy { get; init; } = SupervisorStrategy.DefaultStrategy;

    /// <summary>Counts busy mailboxes so tests can await quiescence (costs a little throughput). Default false.</summary>
    public bool TrackIdle { get; init; }
}
