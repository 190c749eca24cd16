using Microsoft.Extensions.Logging;
using TunnelActors.Kernel.Actor.Internal;
using TunnelActors.Kernel.Event;

namespace TunnelActors.Kernel.Actor;

/// <summary>A hierarchy of actors sharing a clock, a logger factory, a scheduler, dead letters and an event stream.</summary>
/// <remarks>
/// Top-level actors are children of the user guardian (<c>/user</c>), whose strategy is
/// <see cref="ActorSystemSettings.GuardianSupervisorStrategy"/>. <see cref="Terminate"/> stops the tree top-down (each actor
/// stops its children first, then runs <c>PostStop</c>) and completes <see cref="WhenTerminated"/> after the last PostStop.
/// </remarks>
public sealed class ActorSystem : IAsyncDisposable
{
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ActorCell _root;
    private readonly ActorCell _userGuardian;
    private long _uid;
    private long _tempCounter;

    private ActorSystem(string name, ActorSystemSettings settings)
    {
        Name = name;
        Settings = settings;
        KernelLogger = settings.LoggerFactory.CreateLogger("TunnelActors.Kernel");
        IdleTracker = settings.TrackIdle ? new IdleTracker() : null;
        var rootPath = ActorPath.Root(name);
        DeadLetterRef = new DeadLetterActorRef(this, rootPath.Child("deadLetters"));
        TempPath = rootPath.Child("temp");
        SystemPath = rootPath.Child("system");
        EventStream = new EventStream();
        Scheduler = new TimeProviderScheduler(settings.TimeProvider);
        var rootParent = new RootParentRef(this, rootPath.Child("bubble-walker"));
        _root = new ActorCell(this, rootPath, Props.Create(() => new RootGuardianActor()).WithSupervisorStrategy(SupervisorStrategy.StoppingStrategy), rootParent);
        var user = (LocalActorRef)_root.ActorOfInternal(
            Props.Create(() => new UserGuardianActor()).WithSupervisorStrategy(settings.GuardianSupervisorStrategy), "user");
        _userGuardian = user.Cell;
        _root.Start();
    }

    /// <summary>The system's name (first element of every path).</summary>
    public string Name { get; }

    /// <summary>The settings the system was created with.</summary>
    public ActorSystemSettings Settings { get; }

    /// <summary>The clock used by timers, the scheduler, Ask and restart windows.</summary>
    public TimeProvider TimeProvider => Settings.TimeProvider;

    /// <summary>The logger factory actors and the kernel log to.</summary>
    public ILoggerFactory LoggerFactory => Settings.LoggerFactory;

    /// <summary>Publish/subscribe bus: subscribe to <see cref="DeadLetter"/> or <see cref="UnhandledMessage"/> to observe them.</summary>
    public EventStream EventStream { get; }

    /// <summary>Schedules tells on <see cref="TimeProvider"/>.</summary>
    public IScheduler Scheduler { get; }

    /// <summary>The dead-letter reference: anything told to it is published as <see cref="DeadLetter"/>.</summary>
    public IActorRef DeadLetters => DeadLetterRef;

    /// <summary>Completes once every actor has stopped (after the last PostStop).</summary>
    public Task WhenTerminated => _terminated.Task;

    internal ILogger KernelLogger { get; }

    internal DeadLetterActorRef DeadLetterRef { get; }

    internal IdleTracker? IdleTracker { get; }

    internal ActorPath SystemPath { get; }

    internal ActorPath TempPath { get; }

    /// <summary>Creates and starts a system.</summary>
    public static ActorSystem Create(string name, ActorSystemSettings? settings = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new ActorSystem(name, settings ?? new ActorSystemSettings());
    }

    /// <summary>Creates and starts a system on <paramref name="timeProvider"/>, logging to <paramref name="loggerFactory"/> (default settings otherwise).</summary>
    public static ActorSystem Create(string name, TimeProvider timeProvider, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        var settings = new ActorSystemSettings { TimeProvider = timeProvider };
        return Create(name, loggerFactory is null ? settings : settings with { LoggerFactory = loggerFactory });
    }

    /// <summary>Creates a top-level actor (a child of <c>/user</c>).</summary>
    /// <exception cref="InvalidActorNameException">The name is invalid or taken.</exception>
    public IActorRef ActorOf(Props props, string? name = null) => _userGuardian.ActorOf(props, name);

    /// <summary>Stops <paramref name="actor"/> asynchronously (its current message finishes first).</summary>
    public void Stop(IActorRef actor)
    {
        if (actor is IInternalActorRef internalRef)
        {
            internalRef.SendSystemMessage(new Terminate());
        }
    }

    /// <summary>Stops every actor, top-down; the task completes after the last PostStop.</summary>
    public Task Terminate()
    {
        _root.Self.SendSystemMessage(new Terminate());
        return WhenTerminated;
    }

    /// <summary>Terminates and waits for <see cref="WhenTerminated"/>.</summary>
    public async ValueTask DisposeAsync() => await Terminate().ConfigureAwait(false);

    /// <inheritdoc />
    public override string ToString() => $"ActorSystem({Name})";

    internal long NextUid() => Interlocked.Increment(ref _uid);

    internal ActorPath NextTempPath() => TempPath.Child("$" + Interlocked.Increment(ref _tempCounter).ToString(System.Globalization.CultureInfo.InvariantCulture), NextUid());

    internal void OnRootTerminated()
    {
        ((TimeProviderScheduler)Scheduler).CancelAll();
        _terminated.TrySetResult();
    }
}
