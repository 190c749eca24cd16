using System.Globalization;
using TunnelActors.Core.Autossh;
using TunnelActors.Core.Ssh;

namespace TunnelActors.Cli.Autossh;

/// <summary>At start-up, before this run starts any ssh: clears what drop-ins killed by SIGKILL (OOM killer, <c>kill -9</c>,
/// systemd's final kill) left next to our state directory (DEVIATIONS.md row 34).</summary>
/// <remarks>
/// A sibling <c>tunnelactors-autossh-&lt;pid&gt;</c> is looked at only when its owner is dead (no such pid, or a zombie;
/// a live pid is never touched even if it was reused), nobody holds its identity file's lock, and it is our own private
/// directory (<see cref="UnixPrivateDirectory"/>; other users' are skipped silently). Then, going by its pid registry
/// (pid AND start time, so a reused pid is not taken for the ssh):
/// <list type="bullet">
/// <item>no live ssh: the directory is deleted;</item>
/// <item>live ssh of the same <see cref="AutosshInvocationIdentity"/>: it holds our ports, so it is ended (SIGTERM, the stop
/// grace period, SIGKILL; <see cref="OrphanReaper"/>), logged at INFO, and the directory deleted;</item>
/// <item>live ssh of another identity (or of a run that recorded none): left alone, and so is the directory, the only
/// record of that orphan (one DEBUG line).</item>
/// </list>
/// It reads one directory listing and a few small files per candidate, and an I/O error only skips that directory: the
/// sweep never fails a start.
/// </remarks>
internal static class AutosshOrphanSweep
{
    /// <summary>Sweeps the directories next to where ours will be made.</summary>
    /// <param name="identity">What this run will run.</param>
    /// <param name="ownPid">Our pid: a directory with it predates us, so its owner is dead.</param>
    /// <param name="log">The drop-in's log.</param>
    /// <param name="time">The clock for the grace period.</param>
    public static async Task RunAsync(AutosshInvocationIdentity identity, int ownPid, AutosshLog log, TimeProvider time)
    {
        if (ProcStat.TryRead(ownPid) is null)
        {
            return; // no /proc: nobody's liveness can be told, so nothing is touched
        }

        string[] candidates;
        try
        {
            candidates = Directory.GetDirectories(AutosshStateDirectory.Parent(), AutosshStateDirectory.NamePrefix + "*");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var directory in candidates)
        {
            if (AutosshStateDirectory.OwnerOf(Path.GetFileName(directory)) is not { } owner
                || (owner != ownPid && IsAlive(owner))
                || !UnixPrivateDirectory.IsOurs(directory))
            {
                continue;
            }

            try
            {
                await SweepAsync(directory, owner, identity, log, time);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Locked (its owner lives on where we cannot see its pid), vanished meanwhile (another run's sweep), or
                // unreadable: leave it.
            }
        }
    }

    private static async Task SweepAsync(
        string directory, int owner, AutosshInvocationIdentity identity, AutosshLog log, TimeProvider time)
    {
        var recorded = ReadIdentity(directory);
        var registry = PidRegistry.InStateDir(directory);
        var live = registry.ReadAll().Where(OrphanReaper.IsAlive).ToList();
        if (live.Count > 0 && !identity.Equals(recorded))
        {
            foreach (var entry in live)
            {
                log.Debug(Invariant($"leaving ssh {entry.Pid} of a previous autossh ({owner}) alone: it runs another command"));
            }

            return;
        }

        if (live.Count > 0)
        {
            foreach (var reaped in await new OrphanReaper(registry, time).ReapAsync(AutosshMapping.StopGracePeriod))
            {
                log.Info(reaped.Killed
                    ? Invariant($"killed orphaned ssh {reaped.Entry.Pid} of a previous autossh ({owner}) with SIGKILL")
                    : Invariant($"killed orphaned ssh {reaped.Entry.Pid} of a previous autossh ({owner})"));
            }
        }

        Directory.Delete(directory, recursive: true);
    }

    /// <summary>The identity a directory's owner recorded; null when it recorded none (an older version, or killed before
    /// it wrote it) or the file is damaged.</summary>
    /// <exception cref="IOException">The file is locked: its owner is alive.</exception>
    private static AutosshInvocationIdentity? ReadIdentity(string directory)
    {
        try
        {
            // .NET takes a shared flock for a reader, which the live owner's exclusive one refuses (IOException).
            using var file = new FileStream(Path.Combine(directory, AutosshStateDirectory.IdentityFileName), FileMode.Open, FileAccess.Read, FileShare.Read);
            using var content = new MemoryStream();
            file.CopyTo(content);
            return AutosshInvocationIdentity.FromJson(content.GetBuffer().AsSpan(0, (int)content.Length));
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    private static bool IsAlive(int pid) => ProcStat.TryRead(pid) is { IsZombie: false };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
