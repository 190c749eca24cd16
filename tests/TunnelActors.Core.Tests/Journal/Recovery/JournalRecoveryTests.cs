using TunnelActors.Core.Journal.Events;
using TunnelActors.Core.Journal.Recovery;
using TunnelActors.Core.Journal.Storage;

namespace TunnelActors.Core.Tests.Journal.Recovery;

public sealed class JournalRecoveryTests
{
    private static readonly string[] Tunnels = ["db", "web", "cache"];

    [Fact]
    public async Task RecoverAsync_SnapshotPlusReplay_EqualsFullReplayAndLiveCounters()
    {
        // Arrange
        await using var fixture = new JournalFixture(snapshotEvery: 7, maxBatchSize: 16);
        var journal = await fixture.OpenAsync();
        AppendRandomHistory(journal, fixture, seed: 42, count: 600);
        await journal.FlushAsync().WaitAsync(JournalFixture.SafetyTimeout);

        foreach (var tunnel in Tunnels)
        {
            // Act
            var (fromSnapshot, snapshotSeq) = await JournalRecovery.RecoverAsync(fixture.Store!, tunnel, useSnapshot: true, CancellationToken.None);
            var (full, noSnapshot) = await JournalRecovery.RecoverAsync(fixture.Store!, tunnel, useSnapshot: false, CancellationToken.None);

            // Assert
            Assert.True(snapshotSeq > 0, $"{tunnel}: no snapshot was written");
            Assert.Equal(0, noSnapshot);
            Assert.Equal(full, fromSnapshot);
            Assert.Equal(journal.GetCounters(tunnel), full);
            Assert.Equal(journal.HighestSequenceNr(tunnel), full.LastSequenceNr);
        }
    }

    [Fact]
    public async Task RecoverAsync_SnapshotOfUnknownSchemaVersion_FallsBackToFullReplay()
    {
        // Arrange
        await using var fixture = new JournalFixture(snapshotEvery: 5);
        var journal = await fixture.OpenAsync();
        AppendRandomHistory(journal, fixture, seed: 7, count: 60);
        await journal.FlushAsync().WaitAsync(JournalFixture.SafetyTimeout);
        fixture.Scalar("UPDATE snapshot SET schema_version = 99;");

        // Act
        var (counters, snapshotSeq) = await JournalRecovery.RecoverAsync(fixture.Store!, "db", useSnapshot: true, CancellationToken.None);

        // Assert
        Assert.Equal(0, snapshotSeq);
        Assert.Equal(journal.GetCounters("db"), counters);
    }

    /// <summary>Appends a plausible random lifecycle (seeded) over the three tunnels, advancing the clock between events.</summary>
    internal static void AppendRandomHistory(Core.Journal.EventJournal journal, JournalFixture fixture, int seed, int count)
    {
        var random = new Random(seed);
        TunnelEvent[] choices =
        [
            new SshStarted(1, 1, "a"),
            new TunnelUp(TimeSpan.FromMilliseconds(3)),
            new ProbeFailed("timeout"),
            new SshExited(255, null, "ConnectionLost", "broken pipe"),
            new RestartScheduled(2, TimeSpan.FromSeconds(4)),
            new GaveUp("limit"),
            new StoppedByOperator(null),
            new StoppedByReload("d"),
        ];
        for (var i = 0; i < count; i++)
        {
            journal.Append(Tunnels[random.Next(Tunnels.Length)], choices[random.Next(choices.Length)]);
            fixture.Time.Advance(TimeSpan.FromSeconds(random.Next(0, 120)));
        }
    }
}
