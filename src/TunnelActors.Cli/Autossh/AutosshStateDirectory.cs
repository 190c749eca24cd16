using System.Globalization;
using TunnelActors.Core.Autossh;

namespace TunnelActors.Cli.Autossh;

/// <summary>The drop-in's private state directory (journal, pid registry, invocation identity): <c>$XDG_RUNTIME_DIR</c> or
/// <c>/tmp</c>, removed at exit.</summary>
/// <remarks>
/// The identity file (<see cref="IdentityFileName"/>) is written first, before any ssh can be registered, and held open
/// with an exclusive lock (flock, which .NET takes for <see cref="FileShare.None"/>) for as long as the directory is in
/// use: the kernel drops the lock when its holder dies, so a lock held says "alive" even where the owner's pid cannot be
/// seen (another pid namespace sharing the directory). <see cref="AutosshOrphanSweep"/> reads both.
/// </remarks>
internal sealed class AutosshStateDirectory : IDisposable
{
    /// <summary>The directory names are this prefix and the owner's pid.</summary>
    public const string NamePrefix = "tunnelactors-autossh-";

    /// <summary>The file holding the owner's <see cref="AutosshInvocationIdentity"/>.</summary>
    public const string IdentityFileName = "invocation.json";

    private readonly FileStream _identity;

    private AutosshStateDirectory(string path, FileStream identity)
    {
        Path = path;
        _identity = identity;
    }

    /// <summary>The directory (mode 0700).</summary>
    public string Path { get; }

    /// <summary>Where the directories are made: <c>$XDG_RUNTIME_DIR</c> when it exists, else the temp directory.</summary>
    public static string Parent() =>
        Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR") is { Length: > 0 } runtime && Directory.Exists(runtime)
            ? runtime
            : System.IO.Path.GetTempPath();

    /// <summary>The pid in a directory name, or null when <paramref name="name"/> is not one of ours.</summary>
    public static int? OwnerOf(string name) =>
        name.StartsWith(NamePrefix, StringComparison.Ordinal)
        && int.TryParse(name.AsSpan(NamePrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0
            ? pid
            : null;

    /// <summary>Creates <c>tunnelactors-autossh-&lt;pid&gt;</c> under <see cref="Parent"/> holding <paramref name="identity"/>;
    /// a stale one of a dead process with our pid is replaced.</summary>
    public static AutosshStateDirectory Create(int pid, AutosshInvocationIdentity identity)
    {
        var path = System.IO.Path.Combine(Parent(), string.Create(CultureInfo.InvariantCulture, $"{NamePrefix}{pid}"));
        if (Directory.Exists(path))
        {
            // Same pid as ours: its owner is gone.
            Directory.Delete(path, recursive: true);
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var file = new FileStream(System.IO.Path.Combine(path, IdentityFileName), FileMode.CreateNew, FileAccess.Write, FileShare.None);
        file.Write(identity.ToJson());
        file.Flush();
        return new AutosshStateDirectory(path, file);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _identity.Dispose();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a directory left behind is removed by the next run's sweep.
        }
    }
}
