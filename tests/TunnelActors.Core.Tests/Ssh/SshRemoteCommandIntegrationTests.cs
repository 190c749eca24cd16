using TunnelActors.Core.Ssh;
using TunnelActors.Core.Tests.Fixtures;

namespace TunnelActors.Core.Tests.Ssh;

/// <summary>A tunnel with a remote command, built by <see cref="SshCommandBuilder"/> and run by a real ssh against a real
/// sshd: how ssh passes the words on, what reaches the stdout callback, and which status ends it.</summary>
public sealed class SshRemoteCommandIntegrationTests
{
    [RequiresSshdFact]
    public async Task Start_RemoteCommand_WordsJoinedForTheServersShellStdoutToTheCallbackStatusIsTheCommands()
    {
        await using var sshd = await SshdFixture.StartAsync();
        var tunnel = sshd.CreateTunnel("cmd") with { RemoteCommand = ["printf", "'%s\\n'", "one", "'two  words'", ";", "exit", "3"] };
        var lines = new List<string>();

        await using var ssh = new SshProcessFactory(TimeProvider.System).Start(
            new SshStartRequest("cmd", 1, SshCommandBuilder.Build(tunnel), OnStdoutLine: line => { lock (lines) { lines.Add(line); } }));
        var exit = await ssh.Exited.WaitAsync(Eventually.Safety);

        Assert.Equal(3, exit.ExitCode);
        lock (lines)
        {
            Assert.Equal<string>(["one", "two  words"], lines);
        }

        Assert.DoesNotContain("one", exit.StderrTail);
    }

    [RequiresSshdFact]
    public async Task Start_RemoteCommandStartingWithADash_ReachesTheServerInsteadOfSshsOptionParser()
    {
        // Without "--" ssh would read -V after the destination as its own option: print its version and exit 0.
        await using var sshd = await SshdFixture.StartAsync();
        var tunnel = sshd.CreateTunnel("dash") with { RemoteCommand = ["-V"] };

        await using var ssh = new SshProcessFactory(TimeProvider.System).Start(new SshStartRequest("dash", 1, SshCommandBuilder.Build(tunnel)));
        var exit = await ssh.Exited.WaitAsync(Eventually.Safety);

        Assert.NotEqual(0, exit.ExitCode);
        Assert.NotEqual(255, exit.ExitCode);
        Assert.DoesNotContain(exit.StderrTail, line => line.StartsWith("OpenSSH_", StringComparison.Ordinal));
    }

    [RequiresSshdFact]
    public async Task StopAsync_RemoteCommandRunning_SshExits255()
    {
        // Unlike ssh -N (exit 0 on SIGTERM), ssh with a session exits 255; autossh then restarts (spec §8 C5).
        await using var sshd = await SshdFixture.StartAsync();
        // The loop ends by itself once its session is gone (the next echo fails), so nothing outlives the test.
        var tunnel = sshd.CreateTunnel("long") with { RemoteCommand = ["while echo tick; do sleep 1; done"] };
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var ssh = new SshProcessFactory(TimeProvider.System).Start(
            new SshStartRequest("long", 1, SshCommandBuilder.Build(tunnel), OnStdoutLine: _ => running.TrySetResult()));
        await running.Task.WaitAsync(Eventually.Safety);

        var exit = await ssh.StopAsync(TimeSpan.FromSeconds(10)).WaitAsync(Eventually.Safety);

        Assert.Equal(255, exit.ExitCode);
        Assert.True(exit.StopRequested);
    }
}
