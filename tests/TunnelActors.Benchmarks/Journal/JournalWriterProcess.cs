using System.Globalization;
using TunnelActors.Core.Journal;
using TunnelActors.Core.Journal.Events;

namespace TunnelActors.Benchmarks.Journal;

/// <summary>Crash-test helper: appends atomic writes of <c>size</c> events tagged <c>batch:ID:INDEX:SIZE</c> forever.</summary>
/// <remarks>Prints <c>committed N</c> after each flush so a test knows commits are happening, then kills it with SIGKILL.</remarks>
internal static class JournalWriterProcess
{
    public static async Task<int> RunAsync(string directory, int size)
    {
        await using var journal = await SqliteJournal.OpenAsync(directory, JournalBenchmark.Settings(100_000), TimeProvider.System);
        var start = journal.AllCounters.Sum(c => c.LastSequenceNr);
        for (long batch = start + 1; ; batch++)
        {
            var events = Enumerable.Range(0, size)
                .Select(i => (TunnelEvent)new ProbeFailed(string.Create(CultureInfo.InvariantCulture, $"batch:{batch}:{i}:{size}")))
                .ToArray();
            if (!journal.AppendAll($"t{batch % 5}", events))
            {
                await journal.FlushAsync();
                continue;
            }

            if (batch % 200 == 0)
            {
                await journal.FlushAsync();
                Console.WriteLine($"committed {journal.Health.Written}");
            }
        }
    }
}
