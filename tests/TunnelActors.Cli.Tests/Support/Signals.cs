using System.Globalization;

namespace TunnelActors.Cli.Tests.Support;

/// <summary>Sends a real signal to this test process (only while a <see cref="TestDaemon"/> has its handlers registered).</summary>
internal static class Signals
{
    public static async Task SendToSelfAsync(string signal)
    {
        var (exitCode, _, error) = await ChildProcess.RunAsync("kill", "-s", signal, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Assert.True(exitCode == 0, $"kill -s {signal} failed: {error}");
    }
}
