using System.Diagnostics;

namespace TunnelActors.Core.Tests.Fixtures;

/// <summary>Starts <c>sshd -D -e -f config</c> (optionally through <c>ip netns exec</c>) and waits until it listens.</summary>
public static class SshdLauncher
{
    /// <summary>Starts sshd; its stderr lines are appended to <paramref name="log"/> (locked).</summary>
    /// <returns>The listening sshd, or null when it exited first (e.g. its port was taken).</returns>
    public static async Task<Process?> StartAsync(string configPath, string? netns, List<string> log)
    {
        // sshd running as root insists on its privilege-separation directory (compiled in as /run/sshd).
        if (OperatingSystem.IsLinux() && Prerequisites.IsRoot && !Directory.Exists("/run/sshd"))
        {
            Directory.CreateDirectory("/run/sshd", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        string[] sshd = [Prerequisites.Sshd, "-D", "-e", "-f", configPath];
        // `ip netns exec` execs in place, so the pid is sshd's either way.
        var info = new ProcessStartInfo(netns is null ? sshd[0] : "ip")
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var arg in netns is { } ns ? ["netns", "exec", ns, .. sshd] : sshd[1..])
        {
            info.ArgumentList.Add(arg);
        }

        var listening = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start sshd.");
        process.StandardInput.Close();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                listening.TrySetResult(false);
                return;
            }

            lock (log)
            {
                log.Add(e.Data);
            }

            if (e.Data.Contains("Server listening on", StringComparison.Ordinal))
            {
                listening.TrySetResult(true);
            }
        };
        process.BeginErrorReadLine();
        if (await listening.Task.WaitAsync(TimeSpan.FromSeconds(15)))
        {
            return process;
        }

        await process.WaitForExitAsync();
        process.Dispose();
        return null;
    }
}
