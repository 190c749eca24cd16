using System.Diagnostics;
using TunnelActors.Cli.Systemd;

namespace TunnelActors.Cli.Tests.Systemd;

/// <summary>SdNotify against real Unix datagram sockets the tests bind.</summary>
public sealed class SdNotifyTests
{
    private static SdNotify For(NotifyReceiver receiver) =>
        SdNotify.FromEnvironment(name => name == "NOTIFY_SOCKET" ? receiver.NotifySocket : null, TimeProvider.System);

    public static TheoryData<string> Kinds() => ["path", "abstract"];

    private static NotifyReceiver Receiver(string kind) => kind == "path" ? NotifyReceiver.OnPath() : NotifyReceiver.Abstract();

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Ready_WithStatus_SendsBothAssignments(string kind)
    {
        using var receiver = Receiver(kind);
        using var notify = For(receiver);

        Assert.True(notify.Ready("3 tunnels up"));

        Assert.Equal("READY=1\nSTATUS=3 tunnels up", await receiver.ReceiveAsync());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Messages_InOrder_ArriveAsSent(string kind)
    {
        // Arrange
        using var receiver = Receiver(kind);
        using var notify = For(receiver);

        // Act
        Assert.True(notify.Ready());
        Assert.True(notify.Status("line one\nline two"));
        Assert.True(notify.Watchdog());
        Assert.True(notify.Stopping());

        // Assert
        Assert.Equal("READY=1", await receiver.ReceiveAsync());
        Assert.Equal("STATUS=line one line two", await receiver.ReceiveAsync());
        Assert.Equal("WATCHDOG=1", await receiver.ReceiveAsync());
        Assert.Equal("STOPPING=1", await receiver.ReceiveAsync());
    }

    [Fact]
    public async Task Reloading_SendsMonotonicMicrosecondsOfClockMonotonic()
    {
        // Arrange
        using var receiver = NotifyReceiver.OnPath();
        using var notify = For(receiver);
        var before = (long)((Int128)Stopwatch.GetTimestamp() * 1_000_000 / Stopwatch.Frequency);

        // Act
        Assert.True(notify.Reloading());
        var message = await receiver.ReceiveAsync();

        // Assert
        var after = (long)((Int128)Stopwatch.GetTimestamp() * 1_000_000 / Stopwatch.Frequency);
        var lines = message.Split('\n');
        Assert.Equal("RELOADING=1", lines[0]);
        Assert.StartsWith("MONOTONIC_USEC=", lines[1], StringComparison.Ordinal);
        var usec = long.Parse(lines[1]["MONOTONIC_USEC=".Length..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(usec, before, after);
    }

    [Fact]
    public void Send_NotifySocketUnset_IsNoOp()
    {
        using var notify = SdNotify.FromEnvironment(_ => null, TimeProvider.System);

        Assert.False(notify.IsEnabled);
        Assert.False(notify.Ready());
        Assert.False(notify.Watchdog());
    }

    [Fact]
    public void Send_NobodyListening_ReturnsFalseWithoutThrowing()
    {
        var path = Path.Combine(Path.GetTempPath(), "ta-sdnotify-missing-" + Guid.NewGuid().ToString("N"));
        using var notify = SdNotify.FromEnvironment(_ => path, TimeProvider.System);

        Assert.True(notify.IsEnabled);
        Assert.False(notify.Ready());
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("@", null)]
    [InlineData("relative/sock", null)]
    [InlineData("vsock:2:1234", null)]
    [InlineData("/run/systemd/notify", "/run/systemd/notify")]
    [InlineData("@abstract", "\0abstract")]
    public void SocketAddress_Value_MapsLikeLibsystemd(string? value, string? address) =>
        Assert.Equal(address, SdNotify.SocketAddress(value));
}
