using TunnelActors.Cli.Hosting;
using TunnelActors.Cli.Tests.Support;

namespace TunnelActors.Cli.Tests.Hosting;

public sealed class DatagramNotifierTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ta-notify-").FullName;

    [Fact]
    public async Task Calls_WithASocket_SendOneDatagramEachInSdNotifyFormat()
    {
        using var listener = new NotifyListener(Path.Combine(_dir, "notify.sock"));
        using var notifier = new DatagramNotifier(listener.Path, null);

        notifier.Ready();
        notifier.Status("3/4 tunnels up\nsecond line");
        notifier.Reloading();
        notifier.Watchdog();
        notifier.Stopping();
        await listener.WaitForAsync("STOPPING=1");

        Assert.Equal(5, listener.Received.Count);
        Assert.Equal("READY=1", listener.Received[0]);
        Assert.Equal("STATUS=3/4 tunnels up second line", listener.Received[1]);
        Assert.Matches(@"^RELOADING=1\nMONOTONIC_USEC=\d+$", listener.Received[2]);
        Assert.Equal("WATCHDOG=1", listener.Received[3]);
    }

    [Fact]
    public async Task Ready_AbstractSocketName_IsDelivered()
    {
        var name = $"ta-test-{Guid.NewGuid():N}";
        using var listener = new NotifyListener("\0" + name);
        using var notifier = new DatagramNotifier("@" + name, null);

        notifier.Ready();

        Assert.Equal("READY=1", await listener.WaitForAsync("READY"));
    }

    [Fact]
    public void Calls_NoSocketOrNobodyListening_DoNotThrow()
    {
        using var none = new DatagramNotifier(null, null);
        using var gone = new DatagramNotifier(Path.Combine(_dir, "missing.sock"), null);

        var error = Record.Exception(() =>
        {
            none.Ready();
            gone.Ready();
            gone.Stopping();
        });

        Assert.Null(error);
    }

    [Theory]
    [InlineData("2000000", null, 2.0)]
    [InlineData("2000000", "42", 2.0)]
    [InlineData("2000000", "43", null)]
    [InlineData("0", null, null)]
    [InlineData(null, null, null)]
    public void FromEnvironment_WatchdogVariables_EnableTheWatchdogOnlyForUs(string? usec, string? pid, double? expectedSeconds)
    {
        var environment = new Dictionary<string, string?> { ["NOTIFY_SOCKET"] = "/run/systemd/notify", ["WATCHDOG_USEC"] = usec, ["WATCHDOG_PID"] = pid };

        using var notifier = DatagramNotifier.FromEnvironment(k => environment.GetValueOrDefault(k), 42);

        Assert.Equal(expectedSeconds is { } s ? TimeSpan.FromSeconds(s) : null, notifier.WatchdogInterval);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
