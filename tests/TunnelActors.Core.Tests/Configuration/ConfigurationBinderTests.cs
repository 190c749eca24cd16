using TunnelActors.Core.Configuration;

namespace TunnelActors.Core.Tests.Configuration;

public sealed class ConfigurationBinderTests
{
    private static ConfigurationResult Load(string text, Func<string, string?>? env = null) =>
        ConfigurationBinder.LoadText(text, "test.conf", env ?? RepoFiles.Home);

    [Fact]
    public void Load_ExampleConf_BindsEveryTunnel()
    {
        // Act
        var result = ConfigurationBinder.Load(RepoFiles.Path("hocon/example.conf"), RepoFiles.Home);

        // Assert
        Assert.True(result.IsValid, string.Join('\n', result.Errors));
        var settings = result.Settings!;
        Assert.Equal(["db", "docker", "metrics", "reverse-ssh", "socks"], settings.Tunnels.Select(t => t.Name));
        var db = settings.Tunnels.Single(t => t.Name == "db");
        Assert.Equal((MonitorMode.Loop, LoopTransport.Tcp, 20000), (db.Monitor.Mode, db.Monitor.Transport, db.Monitor.Port));
        Assert.Equal("/home/op/.ssh/id_ed25519", db.Destination.IdentityFile);
        var metrics = settings.Tunnels.Single(t => t.Name == "metrics");
        Assert.Equal(2222, metrics.Destination.Port);
        Assert.Contains(new KeyValuePair<string, string>("ServerAliveInterval", "30"), metrics.SshOptions);
        Assert.Contains(new KeyValuePair<string, string>("ServerAliveCountMax", "3"), metrics.SshOptions);
        Assert.Equal(MonitorMode.None, metrics.Monitor.Mode);
        Assert.Equal("/home/op/.ssh/ci_ed25519", settings.Tunnels.Single(t => t.Name == "docker").Destination.IdentityFile);
        Assert.Equal(8022, settings.Tunnels.Single(t => t.Name == "reverse-ssh").Remote.Single().ListenPort);
        Assert.Equal(1080, settings.Tunnels.Single(t => t.Name == "socks").Dynamic.Single().ListenPort);
    }

    [Fact]
    public void Load_MinimalTunnel_GetsReferenceDefaults()
    {
        // Act
        var settings = Load("tunnelactors.tunnels.web { host = \"example.com\", local = [ \"5000:localhost:5000\" ] }").GetSettingsOrThrow();

        // Assert
        var web = settings.Tunnels.Single();
        Assert.Equal("/var/lib/tunnelactors", settings.StateDir);
        Assert.Equal("ssh", web.SshPath);
        Assert.Equal(new BackoffSettings(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), 0.2, TimeSpan.FromSeconds(60), true), web.Backoff);
        Assert.Equal(new LimitsSettings(TimeSpan.Zero, null, null, true), web.Limits);
        Assert.Equal((MonitorMode.Loop, LoopTransport.Unix, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(3)), (web.Monitor.Mode, web.Monitor.Transport, web.Monitor.Interval, web.Monitor.Timeout));
        Assert.Contains(new KeyValuePair<string, string>("ExitOnForwardFailure", "yes"), web.SshOptions);
        Assert.Equal(8, settings.Supervisor.MaxConcurrentHandshakes);
        Assert.Null(settings.Control.TcpPort);
    }

    [Fact]
    public void Load_TunnelOverDefaultsOverReference_MostSpecificWins()
    {
        // Arrange
        const string text = """
            tunnelactors {
              defaults { backoff.max = 30s, monitor.interval = 20s, ssh-options { BatchMode = no } }
              tunnels {
                a { host = a, backoff.max = 5s }
                b { host = b, ssh-options { BatchMode = null, Compression = true } }
              }
            }
            """;

        // Act
        var settings = Load(text).GetSettingsOrThrow();

        // Assert
        var a = settings.Tunnels[0];
        var b = settings.Tunnels[1];
        Assert.Equal(TimeSpan.FromSeconds(5), a.Backoff.Max);
        Assert.Equal(TimeSpan.FromSeconds(30), b.Backoff.Max);
        Assert.Equal(TimeSpan.FromSeconds(20), b.Monitor.Interval);
        Assert.Equal(TimeSpan.FromSeconds(1), b.Backoff.Min);
        Assert.Contains(new KeyValuePair<string, string>("BatchMode", "no"), a.SshOptions);
        Assert.DoesNotContain(b.SshOptions, o => o.Key == "BatchMode");
        Assert.Contains(new KeyValuePair<string, string>("Compression", "yes"), b.SshOptions);
    }

    [Fact]
    public void Load_SelfReferencesOverReferenceConf_ExtendDefaults()
    {
        // Arrange
        const string text = """
            tunnelactors {
              defaults.ssh-args = ${tunnelactors.defaults.ssh-args} ["-4"]
              defaults.ssh-options = ${tunnelactors.defaults.ssh-options} { Compression = yes }
              tunnels {
                web { host = "h", local = [ "5000:localhost:5000" ] }
                web.local += "5001:localhost:5001"
                api = ${tunnelactors.tunnels.web} { local = [ "6000:localhost:6000" ] }
              }
            }
            """;

        // Act
        var settings = Load(text).GetSettingsOrThrow();

        // Assert
        var web = settings.Tunnels.Single(t => t.Name == "web");
        Assert.Equal(["5000:localhost:5000", "5001:localhost:5001"], web.Local.Select(f => f.Spec));
        Assert.Equal(["-4"], web.SshArgs.ToArray());
        Assert.Contains(new KeyValuePair<string, string>("Compression", "yes"), web.SshOptions);
        Assert.Contains(new KeyValuePair<string, string>("BatchMode", "yes"), web.SshOptions);
        Assert.Equal(["6000:localhost:6000"], settings.Tunnels.Single(t => t.Name == "api").Local.Select(f => f.Spec));
    }

    [Fact]
    public void Load_ManyMistakes_ReportsEveryErrorWithFileLineAndKey()
    {
        // Arrange
        const string text = """
            tunnelactors {
              tunnels {
                web {
                  host = "example.com", port = 0
                  local = [ "5000:localhost:5000", "5000:localhost" ]
                  monitr { mode = loop }
                }
                "my tunnel" { host = x }
                api { local = [ "5000:db:5432" ] }
              }
            }
            """;

        // Act
        var result = Load(text);

        // Assert
        Assert.False(result.IsValid);
        var lines = result.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains("test.conf:4: tunnels.web.port: 0 is not a TCP port; expected a whole number from 1 to 65535", lines);
        Assert.Contains(lines, l => l.StartsWith("test.conf:5: tunnels.web.local[1]: \"5000:localhost\" is not a forward", StringComparison.Ordinal) && l.Contains("expected [bind:]port:host:hostport", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("test.conf:6: tunnels.web.monitr: unknown setting; did you mean 'monitor'?", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("test.conf:8: tunnels.\"my tunnel\": invalid tunnel name", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("test.conf:9: tunnels.api.host: missing", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("test.conf:9: tunnels.api.local[0]: local port 5000 is already used by tunnels.web.local[0] (test.conf:5)", StringComparison.Ordinal));
        Assert.Equal(6, result.Errors.Length);
    }

    [Fact]
    public void Load_SyntaxError_SingleErrorWithColumn()
    {
        // Act
        var result = Load("tunnelactors.tunnels.web { host = example.com:22 }");

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal((1, 46), (error.Line, error.Column));
        Assert.Contains("double quotes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoTunnelactorsBlock_ExplainsTheExpectedShape()
    {
        // Act
        var result = Load("tunnels { web { host = x } }");

        // Assert
        Assert.Contains(result.Errors, e => e.Message.Contains("tunnelactors { tunnels", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_EnvironmentOverride_UsesInjectedLookup()
    {
        // Arrange
        const string text = "tunnelactors { state-dir = /srv/t, state-dir = ${?T_STATE}, tunnels.web.host = ${WEB_HOST} }";
        string? Env(string name) => name switch { "T_STATE" => "/run/t", "WEB_HOST" => "web.internal", _ => null };

        // Act
        var settings = Load(text, Env).GetSettingsOrThrow();

        // Assert
        Assert.Equal("/run/t", settings.StateDir);
        Assert.Equal("web.internal", settings.Tunnels.Single().Destination.Host);
    }

    [Fact]
    public void Load_Digest_IsStableAndChangesWithTheConfiguration()
    {
        // Act
        var first = Load("tunnelactors.tunnels.web.host = a").GetSettingsOrThrow().Digest;
        var reordered = Load("tunnelactors { tunnels { web { host = a } } }").GetSettingsOrThrow().Digest;
        var changed = Load("tunnelactors.tunnels.web.host = b").GetSettingsOrThrow().Digest;

        // Assert
        Assert.Matches("^[0-9a-f]{64}$", first);
        Assert.Equal(first, reordered);
        Assert.NotEqual(first, changed);
    }

    [Theory]
    [InlineData("tunnelactors { state-dir = var/lib/t }", "state-dir")]
    [InlineData("tunnelactors.tunnels.web { host = h, identity-file = keys/id }", "tunnels.web.identity-file")]
    [InlineData("tunnelactors.tunnels.web { host = h, ssh-path = bin/ssh }", "tunnels.web.ssh-path")]
    public void Load_RelativePaths_AreErrors(string text, string path)
    {
        // Act
        var result = Load(text);

        // Assert
        Assert.Contains(result.Errors, e => e.Path == path && e.Message.Contains("relative", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_TcpControlPortWithoutToken_IsAnError()
    {
        // Act
        var result = Load("tunnelactors.control.tcp-port = 7070");

        // Assert
        Assert.Contains(result.Errors, e => e.Path == "control.token-file" && e.Line == 1);
    }
}
