using System.Net;
using System.Net.Sockets;
using System.Text;
using TunnelActors.Core.Autossh;

namespace TunnelActors.Core.Tests.Autossh;

/// <summary>Start-up cases against the real autossh: <c>-f</c> (A5), a busy return port (E5), exec failure (B14).</summary>
public sealed class AutosshStartupDifferentialTests : IDisposable
{
    private readonly ReferenceAutossh _reference = new();

    [RequiresAutosshFact]
    public async Task Parse_BackgroundFlag_ParentExitsZeroAndSshGetsStrippedArgv()
    {
        // Arrange: A5 with a fake ssh that publishes its argv atomically (the daemon runs it after the parent exits).
        var dir = _reference.WorkDirectory;
        var final = Path.Combine(dir, "a5-argv");
        var script = Path.Combine(dir, "a5-ssh");
        await File.WriteAllTextAsync(script, $"#!/bin/sh\nfor a in \"$@\"; do printf '%s\\0' \"$a\"; done > {final}.tmp\nmv {final}.tmp {final}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        using var watcher = new FileSystemWatcher(dir, "a5-argv") { EnableRaisingEvents = true };
        var published = new TaskCompletionSource();
        watcher.Renamed += (_, _) => published.TrySetResult();
        string[] args = ["-fN", "-M", "0", "host"];
        var env = new Dictionary<string, string> { ["AUTOSSH_PATH"] = script, ["AUTOSSH_GATETIME"] = "30" };

        // Act
        var real = _reference.Run(args, env);
        if (!File.Exists(final))
        {
            await published.Task.WaitAsync(TimeSpan.FromSeconds(20));
        }

        var ours = AutosshCommandLine.Parse(args, AutosshEnvironment.Read(_reference.Variables(env)));

        // Assert
        Assert.Equal(0, real.ExitCode);
        Assert.True(ours.Background);
        Assert.Equal(Encoding.UTF8.GetString(await File.ReadAllBytesAsync(final)).TrimEnd('\0').Split('\0'), ours.SshArgs.ToArray());
        Assert.Equal(TimeSpan.Zero, AutosshMapping.Map(ours, AutosshEnvironment.Read(_reference.Variables(env))).Tunnel.Limits.GateTime);
    }

    [RequiresAutosshFact]
    public void BindFailed_ReturnPortBusy_SameMessageAndExitOne()
    {
        // Arrange: E5, occupy wp+1 on 127.0.0.1.
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var returnPort = ((IPEndPoint)busy.LocalEndpoint).Port;
        var port = returnPort - 1;

        // Act
        var real = _reference.Run(["-M", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-N", "host"]);

        // Assert
        Assert.Equal(1, real.ExitCode);
        Assert.Null(real.SshArgs);
        Assert.EndsWith("]: " + AutosshMessages.BindFailed(returnPort, "Address already in use") + "\n", real.Log, StringComparison.Ordinal);
    }

    [RequiresAutosshFact]
    public void ExecFailed_MissingSsh_SameMessageAndExitOne()
    {
        // B14: AUTOSSH_PATH=/nonexistent.
        var real = _reference.Run(["-M", "0", "host"], new Dictionary<string, string> { ["AUTOSSH_PATH"] = "/nonexistent" });

        Assert.Equal(1, real.ExitCode);
        Assert.Contains("]: " + AutosshMessages.ExecFailed("/nonexistent", "No such file or directory") + "\n", real.Log, StringComparison.Ordinal);
    }

    public void Dispose() => _reference.Dispose();
}
