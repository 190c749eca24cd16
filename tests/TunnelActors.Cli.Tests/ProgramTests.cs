using TunnelActors.Cli.Tests.Support;

namespace TunnelActors.Cli.Tests;

/// <summary>The built <c>tunnelactors</c> binary, run as a child process (exit codes as scripts see them).</summary>
[Collection(DaemonCollection.Name)]
public sealed class ProgramTests
{
    private static readonly string Binary = Path.Combine(AppContext.BaseDirectory, "tunnelactors.dll");

    [Fact]
    public async Task Main_DaemonNotRunning_Exits3()
    {
        var socket = Path.Combine(Path.GetTempPath(), $"ta-none-{Guid.NewGuid():N}.sock");

        var (code, _, error) = await ChildProcess.RunAsync("dotnet", Binary, "status", "--socket", socket);

        Assert.Equal(3, code);
        Assert.Contains("the daemon is not running", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Main_UsageError_Exits2()
    {
        var (code, _, _) = await ChildProcess.RunAsync("dotnet", Binary, "restart");

        Assert.Equal(2, code);
    }

    [Fact]
    public async Task Main_StatusJsonAgainstARunningDaemon_Exits0WithTheList()
    {
        await using var daemon = await TestDaemon.StartAsync(["alpha"]);

        var (code, output, _) = await ChildProcess.RunAsync("dotnet", Binary, "status", "--json", "--socket", daemon.SocketPath);

        Assert.Equal(0, code);
        Assert.Contains("\"name\":\"alpha\"", output, StringComparison.Ordinal);
        Assert.Contains("\"state\":\"up\"", output, StringComparison.Ordinal);
    }
}
