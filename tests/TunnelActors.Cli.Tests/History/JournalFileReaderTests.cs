using TunnelActors.Cli.History;
using TunnelActors.Core.Configuration;
using TunnelActors.Core.Journal;
using TunnelActors.Core.Journal.Events;
using TunnelActors.Core.Journal.Recovery;

namespace TunnelActors.Cli.Tests.History;

public sealed class JournalFileReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ta-reader-").FullName;

    [Fact]
    public void TryOpen_MissingFile_NullAndNothingCreated()
    {
        var path = Path.Combine(_dir, "journal.db");

        var reader = JournalFileReader.TryOpen(path);

        Assert.Null(reader);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir));
    }

    [Fact]
    public async Task ReadAndSummary_JournalWrittenByTheDaemonApi_SameEventsAndCounts()
    {
        var settings = new JournalSettings("journal.db", null, null, 100, 1000);
        await using (var journal = await SqliteJournal.OpenAsync(_dir, settings, TimeProvider.System))
        {
            journal.Append("web", new SshStarted(10, 1, "d"));
            journal.Append("web", new TunnelUp(TimeSpan.FromMilliseconds(2)));
            journal.Append("web", new ProbeFailed("timeout"));
            journal.Append("web", new RestartScheduled(1, TimeSpan.FromSeconds(1)));
            journal.Append(EventKinds.DaemonStream, new ConfigurationLoaded("abc"));
            await journal.FlushAsync();
        }

        var reader = JournalFileReader.TryOpen(SqliteJournal.ResolvePath(_dir, settings.Path))!;
        var events = reader.Read("web", null, null, newestFirst: false, 100);
        var summary = reader.Summary("web", TimeSpan.FromDays(1), DateTimeOffset.UtcNow);

        Assert.Equal(["web"], reader.TunnelNames());
        Assert.Equal([EventKinds.SshStarted, EventKinds.TunnelUp, EventKinds.ProbeFailed, EventKinds.RestartScheduled], events.Select(e => e.Kind));
        Assert.Equal(1, summary.RestartsLastHour);
        Assert.Equal(1, summary.Failures);
        Assert.Equal(TunnelState.Down, summary.State);
        Assert.Equal("timeout", summary.LastFailure?.Detail);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
