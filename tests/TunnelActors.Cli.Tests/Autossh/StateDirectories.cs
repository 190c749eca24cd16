using System.Diagnostics;
using System.Globalization;
using TunnelActors.Cli.Autossh;
using TunnelActors.Core.Autossh;
using TunnelActors.Core.Ssh;

namespace TunnelActors.Cli.Tests.Autossh;

/// <summary>The drop-in's state directories under a scratch runtime directory, and hand-made ones as a killed run would
/// leave them (identity file, pid registry), with stand-in processes to register.</summary>
internal sealed class StateDirectories(AutosshScratch scratch) : IDisposable
{
    private readonly List<Process> _processes = [];

    /// <summary>The state directory of the drop-in with <paramref name="pid"/>.</summary>
    public string Of(int pid) =>
        Path.Combine(scratch.RuntimeDir, AutosshStateDirectory.NamePrefix + pid.ToString(CultureInfo.InvariantCulture));

    /// <summary>The identity the drop-in records for <paramref name="args"/> with <paramref name="environment"/>, run in
    /// the scratch directory.</summary>
    public AutosshInvocationIdentity Identity(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var variables = AutosshEnvironment.Read(name => environment.TryGetValue(name, out var value) ? value : null);
        return AutosshInvocationIdentity.Of(AutosshMapping.Map(AutosshCommandLine.Parse(args, variables), variables), scratch.Dir);
    }

    /// <summary>Makes the directory a drop-in with <paramref name="owner"/> would leave: its identity (if any) and its
    /// registered ssh processes.</summary>
    public string Make(int owner, AutosshInvocationIdentity? identity, params PidRegistryEntry[] registered)
    {
        var directory = Directory.CreateDirectory(Of(owner), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute).FullName;
        if (identity is not null)
        {
            File.WriteAllBytes(Path.Combine(directory, AutosshStateDirectory.IdentityFileName), identity.ToJson());
        }

        var registry = PidRegistry.InStateDir(directory);
        foreach (var entry in registered)
        {
            registry.Add(entry);
        }

        return directory;
    }

    /// <summary>A running stand-in process (sleep), killed at dispose.</summary>
    public int StartSleeper()
    {
        var process = Process.Start(new ProcessStartInfo("sleep", "100000") { UseShellExecute = false })
            ?? throw new InvalidOperationException("sleep did not start");
        _processes.Add(process);
        return process.Id;
    }

    /// <summary>The registry entry of the live process <paramref name="pid"/>, its start time off by
    /// <paramref name="startTimeOffset"/> (non-zero: a pid since reused by another process).</summary>
    public static PidRegistryEntry Entry(int pid, ulong startTimeOffset = 0) =>
        new(AutosshMapping.TunnelName, pid, ProcStat.TryRead(pid)!.StartTime + startTimeOffset, 1);

    /// <summary>The pid of a process that has ended (and been reaped).</summary>
    public static async Task<int> DeadPidAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })
            ?? throw new InvalidOperationException("true did not start");
        await process.WaitForExitAsync();
        return process.Id;
    }

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit();
            }

            process.Dispose();
        }
    }
}
