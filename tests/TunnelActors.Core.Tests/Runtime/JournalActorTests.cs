using System.Collections.Immutable;
using TunnelActors.Core.Journal.Events;
using TunnelActors.Core.Journal.Storage;
using TunnelActors.Core.Monitoring;
using TunnelActors.Core.Restart;
using TunnelActors.Core.Runtime;
using TunnelActors.Core.Ssh;
using TunnelActors.Core.Tests.Journal;
using TunnelActors.Core.Tunnels;
using TunnelActors.Kernel.Actor;
using Xunit.Abstractions;

namespace TunnelActors.Core.Tests.Runtime;

/// <summary>The journal actor: lifecycle events in, journal events on a real SQLite file out.</summary>
public sealed class JournalActorTests(ITestOutputHelper output) : TestKit.TestKit(output)
{
    [Fact]
    public async Task LifecycleEvents_Flushed_AreCommittedInOrderWithTheReloadDigest()
    {
        await using var fixture = new JournalFixture();
        var journal = await fixture.OpenAsync();
        var actor = Sys.ActorOf(JournalActor.Props(journal, "digest-1"), "journal");
        var sink = new JournalEventSink(actor);
        var at = Clock.GetUtcNow();

        sink.Append(new TunnelLifecycleEvent.SshStarted("web", at, 1, 4242, "argv"));
        sink.Append(new TunnelLifecycleEvent.SshExited("web", at, 1, 255, null, FailureReason.ClosedByRemote, ["Connection closed"], TimeSpan.FromSeconds(3)));
        actor.Tell(new RecordConfigurationReloaded("digest-2"), TestActor);
        sink.Append(new TunnelLifecycleEvent.Stopped("web", at, StoppedBy.Reload));
        actor.Tell(FlushJournal.Instance, TestActor);
        await TestActor.ExpectMsgAsync<JournalFlushed>();

        var web = (await journal.ReadEventsAsync(new EventQuery("web"))).Entries.Select(e => e.Event).ToList();
        var daemon = (await journal.ReadEventsAsync(new EventQuery(EventKinds.DaemonStream))).Entries.Select(e => e.Event).ToList();
        Assert.Equal(
            [new SshStarted(4242, 1, "argv"), new SshExited(255, null, "ClosedByRemote", "Connection closed"), new StoppedByReload("digest-2")],
            web);
        Assert.Equal([new ConfigurationLoaded("digest-1"), new ConfigurationReloaded("digest-2")], daemon);
    }

    [Fact]
    public void Mapping_EveryLifecycleEventButNone_HasAJournalEvent()
    {
        var at = DateTimeOffset.UnixEpoch;
        TunnelLifecycleEvent[] events =
        [
            new TunnelLifecycleEvent.SshStarted("t", at, 1, 1, "d"),
            new TunnelLifecycleEvent.TunnelUp("t", at, 1, TimeSpan.FromMilliseconds(3)),
            new TunnelLifecycleEvent.ProbeFailed("t", at, 1, ProbeOutcome.Timeout, "no echo", 1),
            new TunnelLifecycleEvent.SshExited("t", at, 1, null, 9, FailureReason.KilledBySignal, ImmutableArray<string>.Empty, TimeSpan.Zero),
            new TunnelLifecycleEvent.RestartScheduled("t", at, 2, TimeSpan.FromSeconds(1)),
            new TunnelLifecycleEvent.GaveUp("t", at, GiveUpReason.MaxStartsReached),
            new TunnelLifecycleEvent.Stopped("t", at, StoppedBy.Operator),
        ];

        var stored = events.Select(e => JournalEventMapping.ToJournal(e, "d")).ToList();

        Assert.All(stored, Assert.NotNull);
        Assert.Equal(new ProbeFailed("Timeout: no echo"), stored[2]);
        Assert.Equal(new SshExited(null, 9, "KilledBySignal", string.Empty), stored[3]);
    }
}
