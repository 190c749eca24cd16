using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using TunnelActors.Cli.Tests.Support;
using TunnelActors.Core.Monitoring;
using TunnelActors.Core.Sandbox;

namespace TunnelActors.Cli.Tests.Doctor;

/// <summary><c>tunnelactors doctor</c> end to end against a throwaway sshd on 127.0.0.1.</summary>
public sealed class DoctorRunnerTests(DoctorSandbox sandbox) : IClassFixture<DoctorSandbox>
{
    [SshdFact]
    public async Task Doctor_HealthyTunnel_EveryStepOkAndExit0()
    {
        var config = sandbox.WriteConfig();

        var (code, output, error) = await CliRunner.RunAsync("doctor", "t1", "-c", config, "--json");

        var steps = Steps(output);
        Assert.True(code == 0, output + error);
        Assert.Equal(["config", "ssh-config", "identity", "host-key", "local-ports", "connect", "forward"], steps.Keys);
        Assert.All(steps.Values, s => Assert.True(s.GetProperty("verdict").GetString() == "ok", s.ToString()));
        var forward = string.Join('\n', steps["forward"].GetProperty("findings").EnumerateArray().Select(f => f.GetString()));
        Assert.Contains("stayed open", forward, StringComparison.Ordinal);
        Assert.Contains("monitor loop probe answered", forward, StringComparison.Ordinal);
    }

    [SshdFact]
    public async Task Doctor_HealthyTunnel_PrintsOkLinesAndResolvedSshConfig()
    {
        var config = sandbox.WriteConfig();

        var (code, output, _) = await CliRunner.RunAsync("doctor", "t1", "-c", config);

        Assert.True(code == 0, output);
        Assert.Contains($"hostname 127.0.0.1, port {sandbox.Sshd.Port}, user {Environment.UserName}", output, StringComparison.Ordinal);
        Assert.Contains($"identityfile {sandbox.Sshd.ClientKeyPath}", output, StringComparison.Ordinal);
        Assert.Equal(7, output.Split('\n').Count(l => l.StartsWith("[  ok] ", StringComparison.Ordinal)));
        Assert.EndsWith("result: ok\n", output, StringComparison.Ordinal);
    }

    [SshdFact]
    public async Task Doctor_WrongKey_ConnectFailsWithAuthAdvice()
    {
        var config = sandbox.WriteConfig(key: await sandbox.NewKeyAsync());

        var (code, output, _) = await CliRunner.RunAsync("doctor", "t1", "-c", config, "--json");

        Assert.True(code == 1, output);
        var connect = Steps(output)["connect"];
        Assert.Equal("fail", connect.GetProperty("verdict").GetString());
        Assert.Contains("AuthFailed", Text(connect, "findings"), StringComparison.Ordinal);
        Assert.Contains("authorized_keys", Text(connect, "advice"), StringComparison.Ordinal);
    }

    [SshdFact]
    public async Task Doctor_UnknownHostKey_WarnsAndAdvisesKeyscan()
    {
        var emptyKnownHosts = Path.Combine(sandbox.Dir, $"known-{Guid.NewGuid():N}");
        File.WriteAllText(emptyKnownHosts, string.Empty);
        var config = sandbox.WriteConfig(knownHosts: emptyKnownHosts);

        var (code, output, _) = await CliRunner.RunAsync("doctor", "t1", "-c", config, "--json");

        Assert.True(code == 1, output);
        var steps = Steps(output);
        Assert.Equal("warn", steps["host-key"].GetProperty("verdict").GetString());
        Assert.Contains($"no host key for [127.0.0.1]:{sandbox.Sshd.Port}", Text(steps["host-key"], "findings"), StringComparison.Ordinal);
        Assert.Contains("ssh-keyscan", Text(steps["host-key"], "advice"), StringComparison.Ordinal);
        Assert.Contains("HostKeyUnknown", Text(steps["connect"], "findings"), StringComparison.Ordinal);
        Assert.Contains("ssh-keyscan", Text(steps["connect"], "advice"), StringComparison.Ordinal);
    }

    [SshdFact]
    public async Task Doctor_ClosedPort_ConnectionRefusedAdvice()
    {
        var closed = LoopbackPorts.FindFree();
        var config = sandbox.WriteConfig(sshPort: closed);

        var (code, output, _) = await CliRunner.RunAsync("doctor", "t1", "-c", config);

        Assert.True(code == 1, output);
        Assert.Contains("ConnectionRefused", output, StringComparison.Ordinal);
        Assert.Contains($"nothing listens on 127.0.0.1 port {closed}", output, StringComparison.Ordinal);
        Assert.Contains("[fail] ssh connects", output, StringComparison.Ordinal);
    }

    [SshdFact]
    public async Task Doctor_BusyLocalPort_NamesThePortAndItsHolder()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;
        var config = sandbox.WriteConfig(localPort: port);

        var (code, output, _) = await CliRunner.RunAsync("doctor", "t1", "-c", config, "--json");

        Assert.True(code == 1, output);
        var steps = Steps(output);
        Assert.Equal("warn", steps["local-ports"].GetProperty("verdict").GetString());
        Assert.Contains($"port {port} on 127.0.0.1 is in use by pid {Environment.ProcessId}", Text(steps["local-ports"], "findings"), StringComparison.Ordinal);
        Assert.Contains("LocalForwardBusy", Text(steps["connect"], "findings"), StringComparison.Ordinal);
        Assert.Contains($"local port {port} is already in use: it is held by pid {Environment.ProcessId}", Text(steps["connect"], "advice"), StringComparison.Ordinal);
    }

    [SshdFact]
    public async Task Doctor_OverPermissiveKey_AdvisesChmod600()
    {
        var key = Path.Combine(sandbox.Dir, $"loose-{Guid.NewGuid():N}");
        File.Copy(sandbox.Sshd.ClientKeyPath, key);
        File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var config = sandbox.WriteConfig(key: key);

        var (code, output, _) = await CliRunner.RunAsync("doctor", "t1", "-c", config, "--json");

        Assert.True(code == 1, output);
        var identity = Steps(output)["identity"];
        Assert.Equal("fail", identity.GetProperty("verdict").GetString());
        Assert.Contains("mode 0644", Text(identity, "findings"), StringComparison.Ordinal);
        Assert.Contains($"chmod 600 {key}", Text(identity, "advice"), StringComparison.Ordinal);
    }

    [SshdFact]
    public async Task Doctor_MissingKeyFile_SaysItDoesNotExist()
    {
        var key = Path.Combine(sandbox.Dir, $"absent-{Guid.NewGuid():N}");
        var config = sandbox.WriteConfig(key: key);

        var (code, output, _) = await CliRunner.RunAsync("doctor", "t1", "-c", config, "--json");

        Assert.True(code == 1, output);
        var identity = Steps(output)["identity"];
        Assert.Equal("fail", identity.GetProperty("verdict").GetString());
        Assert.Contains($"{key} does not exist", Text(identity, "findings"), StringComparison.Ordinal);
    }

    [SshdFact]
    public async Task Doctor_TargetNotListening_ForwardClosedAtOnce()
    {
        var config = sandbox.WriteConfig(targetPort: LoopbackPorts.FindFree());

        var (code, output, _) = await CliRunner.RunAsync("doctor", "t1", "-c", config, "--json");

        Assert.True(code == 1, output);
        var steps = Steps(output);
        Assert.Equal("ok", steps["connect"].GetProperty("verdict").GetString());
        Assert.Equal("fail", steps["forward"].GetProperty("verdict").GetString());
        Assert.Contains("closed it at once", Text(steps["forward"], "findings"), StringComparison.Ordinal);
    }

    [SshdFact]
    public async Task Doctor_RemotePortTakenOnServer_RemoteForwardAdvice()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        using var takenV6 = Socket.OSSupportsIPv6 ? new TcpListener(IPAddress.IPv6Loopback, port) : null;
        takenV6?.Start();
        var config = sandbox.WriteConfig(remote: $"\"{port}:127.0.0.1:{sandbox.TargetPort}\"");

        var (code, output, _) = await CliRunner.RunAsync("doctor", "t1", "-c", config, "--json");

        Assert.True(code == 1, output);
        var connect = Steps(output)["connect"];
        Assert.Contains("RemoteForwardRefused", Text(connect, "findings"), StringComparison.Ordinal);
        Assert.Contains($"refused the remote listener {port}", Text(connect, "advice"), StringComparison.Ordinal);
        Assert.Contains("ClientAliveInterval", Text(connect, "advice"), StringComparison.Ordinal);
    }

    [SshdFact]
    public async Task Doctor_OptionSshRejects_SshConfigFailsAndLaterStepsSkipped()
    {
        var config = sandbox.WriteConfig(sshArgs: "\"-o\", \"NoSuchOption=1\"");

        var (code, output, _) = await CliRunner.RunAsync("doctor", "t1", "-c", config, "--json");

        Assert.True(code == 1, output);
        var steps = Steps(output);
        Assert.Equal("fail", steps["ssh-config"].GetProperty("verdict").GetString());
        Assert.Contains("Bad configuration option: nosuchoption", Text(steps["ssh-config"], "findings"), StringComparison.Ordinal);
        Assert.Equal("skipped", steps["connect"].GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task Doctor_UnknownTunnel_FailsAtConfigWithTheNames()
    {
        var config = CliRunner.WriteTemp("""tunnelactors { state-dir = "/tmp/ta-doc-none", tunnels { alpha { host = "127.0.0.1" } } }""");
        try
        {
            var (code, output, _) = await CliRunner.RunAsync("doctor", "nope", "-c", config);

            Assert.Equal(1, code);
            Assert.Contains("[fail] the configuration binds", output, StringComparison.Ordinal);
            Assert.Contains("no tunnel 'nope'", output, StringComparison.Ordinal);
            Assert.Contains("configured: alpha", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Fact]
    public async Task Doctor_InvalidConfiguration_PrintsPositionedErrors()
    {
        var config = CliRunner.WriteTemp("tunnelactors { tunnels { alpha { port = 22 } } }\n");
        try
        {
            var (code, output, _) = await CliRunner.RunAsync("doctor", "alpha", "-c", config);

            Assert.Equal(1, code);
            Assert.Contains("[fail] the configuration binds", output, StringComparison.Ordinal);
            Assert.Matches(@":1: tunnels\.alpha", output);
        }
        finally
        {
            File.Delete(config);
        }
    }

    private static Dictionary<string, JsonElement> Steps(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("steps").EnumerateArray()
            .ToDictionary(s => s.GetProperty("id").GetString()!, s => s.Clone());

    private static string Text(JsonElement step, string property) =>
        string.Join('\n', step.GetProperty(property).EnumerateArray().Select(e => e.GetString()));
}
