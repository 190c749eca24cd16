using System.Collections.Concurrent;

namespace TunnelActors.Cli.Tests.Autossh;

/// <summary>Names of the files created in a directory while it is watched (inotify), to show that a file never existed
/// rather than only that it is gone.</summary>
internal sealed class FileCreations : IDisposable
{
    private readonly string _directory;
    private readonly FileSystemWatcher _watcher;
    private readonly ConcurrentQueue<string> _created = new();

    public FileCreations(string directory)
    {
        _directory = directory;
        _watcher = new FileSystemWatcher(directory) { NotifyFilter = NotifyFilters.FileName };
        _watcher.Created += (_, e) => _created.Enqueue(e.Name ?? string.Empty);
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>Every name created so far: creates a marker file and waits for its own event, which inotify delivers
    /// after all earlier ones.</summary>
    public async Task<IReadOnlyList<string>> SettleAsync()
    {
        var marker = $"settle-{Guid.NewGuid():N}";
        await File.WriteAllTextAsync(Path.Combine(_directory, marker), string.Empty);
        await AutosshScratch.WaitUntilAsync(() => _created.Contains(marker), "the watcher's marker event");
        return _created.Where(name => name != marker).ToList();
    }

    public void Dispose() => _watcher.Dispose();
}
