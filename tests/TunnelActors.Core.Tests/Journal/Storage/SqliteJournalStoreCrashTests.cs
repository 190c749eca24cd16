using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using TunnelActors.Core.Configuration;
using TunnelActors.Core.Journal;
using TunnelActors.Core.Journal.Events;

namespace TunnelActors.Core.Tests.Journal.Storage;

/// <summary>A writer process killed with SIGKILL in the middle of group commits leaves a sound database with only whole atomic writes.</summary>
public sealed class SqliteJournalStoreCrashTests : IDisposable
{
    private const int AtomicWriteSize = 5;
    private const int Kills = 3;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ta-crash-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task AppendAsync_WriterKilledRepeatedlyMidBatch_IntegrityOkAndNoPartialAtomicWrite()
    {
        // Arrange
        Directory.CreateDirectory(_directory);

        // Act
        for (var kill = 0; kill < Kills; kill++)
        {
            await RunAndKillWriterAsync();
        }

        // Assert
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory, "journal.db"), Pooling = false }.ToString());
        connection.Open();
        Assert.Equal("ok", Query(connection, "PRAGMA integrity_check;").Single()[0]);
        var rows = Query(connection, "SELECT persistence_id, sequence_number, json_extract(CAST(message AS TEXT), '$.reason') FROM journal ORDER BY persistence_id, sequence_number;");
        Assert.True(rows.Count > Kills * AtomicWriteSize, $"only {rows.Count} rows were committed");
        var incomplete = rows
            .Select(r => ((string)r[2]!).Split(':'))
            .GroupBy(parts => parts[1])
            .Where(g => g.Select(p => p[2]).Distinct().Count() != AtomicWriteSize)
            .Select(g => g.Key)
            .ToList();
        Assert.Empty(incomplete);
        foreach (var stream in rows.GroupBy(r => (string)r[0]!))
        {
            var sequence = stream.Select(r => (long)r[1]!).ToList();
            Assert.Equal(Enumerable.Range(1, sequence.Count).Select(i => (long)i), sequence);
            Assert.Equal(sequence[^1], (long)Query(connection, $"SELECT sequence_number FROM journal_highest WHERE persistence_id = '{stream.Key}';").Single()[0]!);
        }
    }

    [Fact]
    public async Task OpenAsync_AfterWriterWasKilled_RecoversAndContinuesEachStreamAfterItsHighestSequenceNumber()
    {
        // Arrange
        Directory.CreateDirectory(_directory);
        await RunAndKillWriterAsync();
        var settings = new JournalSettings("journal.db", null, null, 1000, 100);

        // Act
        await using var journal = await SqliteJournal.OpenAsync(_directory, settings, TimeProvider.System);
        var before = journal.AllCounters.ToDictionary(c => c.PersistenceId, c => c.LastSequenceNr);
        journal.Append("t1", new ProbeFailed("after the crash"));
        await journal.FlushAsync().WaitAsync(JournalFixture.SafetyTimeout);

        // Assert
        Assert.Equal(5, before.Count);
        Assert.Equal(before["t1"] + 1, journal.GetCounters("t1").LastSequenceNr);
        Assert.Equal(before["t1"] + 1, journal.HighestSequenceNr("t1"));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private async Task RunAndKillWriterAsync()
    {
        using var process = new Process { StartInfo = WriterStartInfo() };
        var commits = 0;
        var enoughCommits = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data?.StartsWith("committed ", StringComparison.Ordinal) == true && Interlocked.Increment(ref commits) >= 3)
            {
                enoughCommits.TrySetResult();
            }
        };
        process.Start();
        try
        {
            process.BeginOutputReadLine();
            await enoughCommits.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            // Process.Kill sends SIGKILL on Unix: no finalizers, no rollback, mid-transaction.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    private ProcessStartInfo WriterStartInfo()
    {
        // tests/TunnelActors.Core.Tests/bin/<Configuration>/<tfm>/ -> tests/TunnelActors.Benchmarks/bin/<Configuration>/<tfm>/
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent!.Name;
        var tests = output.Parent.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(tests, "TunnelActors.Benchmarks", "bin", configuration, output.Name, "TunnelActors.Benchmarks.dll");
        Assert.True(File.Exists(dll), $"benchmark helper not built: {dll}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[dll, "journal", "writer", _directory, AtomicWriteSize.ToString(CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private static List<object?[]> Query(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            reader.GetValues(row!);
            rows.Add(row);
        }

        return rows;
    }
}
