using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TunnelActors.Kernel.Actor;
using TunnelActors.TestKit.Logging;
using TunnelActors.TestKit.Time;
using Xunit.Abstractions;

namespace TunnelActors.TestKit;

/// <summary>
/// xunit base class: each test gets its own <see cref="ActorSystem"/> on a virtual clock (<see cref="Clock"/>), a default
/// probe (<see cref="TestActor"/>) and Akka-style assertions; the system is terminated in <see cref="Dispose()"/>.
/// </summary>
/// <remarks>
/// Time moves only when the test says so: <see cref="AdvanceAsync"/> (settles the system between due times) or
/// <see cref="ExpectNoMsg(TimeSpan)"/>. Waiting for messages uses a real-time safety timeout (<see cref="DefaultTimeout"/>, 10 s).
/// </remarks>
public abstract partial class TestKit : IDisposable
{
    private readonly ILoggerFactory? _ownedLoggerFactory;
    private int _probeCounter;
    private bool _disposed;

    /// <summary>Creates the system (optionally logging to <paramref name="output"/>, and with <paramref name="settings"/> as a base).</summary>
    protected TestKit(ITestOutputHelper? output = null, ActorSystemSettings? settings = null, string systemName = "test")
    {
        Clock = new ManualTimeProvider();
        ILoggerFactory loggerFactory = NullLoggerFactory.Instance;
        if (output is not null)
        {
            loggerFactory = _ownedLoggerFactory = LoggerFactory.Create(b => b.AddProvider(new TestOutputLoggerProvider(output)).SetMinimumLevel(LogLevel.Debug));
        }

        Sys = ActorSystem.Create(systemName, (settings ?? new ActorSystemSettings()) with
        {
            TimeProvider = Clock,
            LoggerFactory = settings?.LoggerFactory is { } given && given is not NullLoggerFactory ? given : loggerFactory,
            TrackIdle = true,
        });
        VirtualTime = new VirtualTime(Sys, Clock, DefaultTimeout);
        TestActor = CreateTestProbe("testActor");
    }

    /// <summary>The system under test.</summary>
    public ActorSystem Sys { get; }

    /// <summary>The virtual clock the system runs on.</summary>
    public ManualTimeProvider Clock { get; }

    /// <summary>The same clock as a <see cref="TimeProvider"/>.</summary>
    public TimeProvider Time => Clock;

    /// <summary>Advances the clock together with the system (see <see cref="TestKit.VirtualTime"/>).</summary>
    public VirtualTime VirtualTime { get; }

    /// <summary>The default probe: use it as sender and to receive replies.</summary>
    public TestProbe TestActor { get; }

    /// <summary>Real-time safety timeout for waits (10 s: CI has two busy cores).</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(10);

    /// <summary>Sender of the last message <see cref="TestActor"/> received.</summary>
    public IActorRef LastSender => TestActor.LastSender;

    /// <summary>Creates another probe.</summary>
    public TestProbe CreateTestProbe(string? name = null) =>
        new(Sys, name ?? $"testProbe-{Interlocked.Increment(ref _probeCounter)}", VirtualTime, DefaultTimeout);

    /// <summary>A probe that receives every event of type <typeparamref name="T"/> published on the event stream (e.g. DeadLetter).</summary>
    public TestProbe SubscribeProbe<T>()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe, typeof(T));
        return probe;
    }

    /// <summary>Moves virtual time forward by <paramref name="delta"/>, firing due timers one instant at a time and settling the system.</summary>
    public Task AdvanceAsync(TimeSpan delta) => VirtualTime.AdvanceAsync(delta);

    /// <summary>Synchronous twin of <see cref="AdvanceAsync"/>.</summary>
    public void Advance(TimeSpan delta) => VirtualTime.AdvanceAsync(delta).GetAwaiter().GetResult();

    /// <summary>Completes once every actor is idle.</summary>
    public Task AwaitIdleAsync() => VirtualTime.AwaitIdleAsync();

    /// <summary>Completes once at least <paramref name="count"/> timers are armed on <see cref="Clock"/>.</summary>
    public Task WaitForTimersAsync(int count = 1) => Clock.WaitForArmedAsync(count, DefaultTimeout);

    /// <summary>Terminates the system and waits (up to <see cref="DefaultTimeout"/>) for it.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Terminates the system; override to release more.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (_disposed || !disposing)
        {
            return;
        }

        _disposed = true;
        var terminated = Sys.Terminate().Wait(DefaultTimeout);
        _ownedLoggerFactory?.Dispose();
        if (!terminated)
        {
            throw new TimeoutException($"Actor system {Sys.Name} did not terminate within {DefaultTimeout}.");
        }
    }
}
