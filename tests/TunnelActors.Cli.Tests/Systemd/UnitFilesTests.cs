using System.Diagnostics;

namespace TunnelActors.Cli.Tests.Systemd;

/// <summary>The shipped unit files: the settings the daemon relies on, and systemd's own verifier when present.</summary>
public sealed class UnitFilesTests
{
    private static readonly string UnitDirectory = FindUnitDirectory();

    public static TheoryData<string> Units() => ["tunnelactors.service", "tunnelactors@.service"];

    [Theory]
    [MemberData(nameof(Units))]
    public void Unit_Service_HasNotifyRestartWatchdogAndHardening(string unit)
    {
        var settings = Read(unit);

        Assert.Equal("notify", settings["Type"]);
        Assert.Equal("/bin/kill -HUP $MAINPID", settings["ExecReload"]);
        Assert.Equal("on-failure", settings["Restart"]);
        Assert.Equal("1", settings["RestartSec"]);
        Assert.Equal("0", settings["StartLimitIntervalSec"]);
        Assert.Equal("30", settings["WatchdogSec"]);
        Assert.Equal("mixed", settings["KillMode"]);
        Assert.Equal("yes", settings["NoNewPrivileges"]);
        Assert.Equal("strict", settings["ProtectSystem"]);
        Assert.Equal("read-only", settings["ProtectHome"]);
        Assert.Equal("yes", settings["PrivateTmp"]);
        Assert.False(settings.ContainsKey("MemoryDenyWriteExecute"));
    }

    [Fact]
    public void Unit_Single_RunsDefaultConfig()
    {
        var settings = Read("tunnelactors.service");

        Assert.Equal("/usr/local/bin/tunnelactors run -c /etc/tunnelactors/tunnelactors.conf", settings["ExecStart"]);
        Assert.Equal("tunnelactors", settings["StateDirectory"]);
        Assert.Equal("tunnelactors", settings["RuntimeDirectory"]);
    }

    [Fact]
    public void Unit_Template_RunsOneConfigPerInstance()
    {
        var settings = Read("tunnelactors@.service");

        Assert.Equal("/usr/local/bin/tunnelactors run -c /etc/tunnelactors/%i.conf", settings["ExecStart"]);
        Assert.Equal("tunnelactors/%i", settings["StateDirectory"]);
        Assert.Equal("tunnelactors/%i", settings["RuntimeDirectory"]);
    }

    [RequiresSystemdAnalyzeFact]
    public async Task Unit_SystemdAnalyzeVerify_AcceptsBoth()
    {
        const string Analyze = RequiresSystemdAnalyzeFactAttribute.Path;

        // Arrange: copies whose ExecStart exists (verify checks the binary), the template as an instance.
        var dir = Directory.CreateTempSubdirectory("ta-units-").FullName;
        try
        {
            foreach (var (source, target) in new[] { ("tunnelactors.service", "tunnelactors.service"), ("tunnelactors@.service", "tunnelactors@demo.service") })
            {
                var text = File.ReadAllText(Path.Combine(UnitDirectory, source)).Replace("/usr/local/bin/tunnelactors", "/bin/true", StringComparison.Ordinal);
                File.WriteAllText(Path.Combine(dir, target), text);
            }

            // Act
            var start = new ProcessStartInfo(Analyze) { RedirectStandardError = true, RedirectStandardOutput = true };
            start.ArgumentList.Add("verify");
            start.ArgumentList.Add(Path.Combine(dir, "tunnelactors.service"));
            start.ArgumentList.Add(Path.Combine(dir, "tunnelactors@demo.service"));
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }

            // Assert
            var errors = await stderr + await stdout;
            Assert.True(process.ExitCode == 0, errors);
            Assert.DoesNotContain("Unknown key", errors, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static Dictionary<string, string> Read(string unit) =>
        File.ReadLines(Path.Combine(UnitDirectory, unit))
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && line[0] is not '#' and not '[')
            .Select(line => line.Split('=', 2))
            .Where(kv => kv.Length == 2)
            .ToDictionary(kv => kv[0], kv => kv[1]);

    private static string FindUnitDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "TunnelActors.Cli", "systemd");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("src/TunnelActors.Cli/systemd not found above " + AppContext.BaseDirectory);
    }
}
