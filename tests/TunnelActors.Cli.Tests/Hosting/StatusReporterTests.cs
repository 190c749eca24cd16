using Microsoft.Extensions.Logging.Abstractions;
using TunnelActors.Cli.Hosting;
using TunnelActors.Cli.Tests.Support;
using TunnelActors.Core.Tunnels;
using TunnelActors.TestKit.Time;

namespace TunnelActors.Cli.Tests.Hosting;

public sealed class StatusReporterTests
{
    private readonly ManualTimeProvider _time = new();
    private readonly FakeTunnelController _controller = new();
    private readonly TunnelRuntime _runtime = new("/etc/tunnelactors.conf", TestSettings.Create("/tmp/state", ["alpha", "beta"]));

    public StatusReporterTests()
    {
        _controller.Load(_runtime.Settings, _time);
        _controller.Statuses = [_controller.Statuses[0], FakeTunnelController.Status("beta", TunnelState.Degraded, _time.GetUtcNow())];
        _runtime.Controller = _controller;
    }

    [Fact]
    public async Task ReportOnce_SupervisorAnswers_SendsStatusAndWatchdog()
    {
        var notifier = new RecordingNotifier(TimeSpan.FromSeconds(20));

        var answered = await Reporter(notifier).ReportOnceAsync(CancellationToken.None);

        Assert.True(answered);
        Assert.Equal(["STATUS=1/2 tunnels up", "WATCHDOG=1"], notifier.Messages);
    }

    [Fact]
    public async Task ReportOnce_WatchdogOff_SendsOnlyStatus()
    {
        var notifier = new RecordingNotifier();

        await Reporter(notifier).ReportOnceAsync(CancellationToken.None);

        Assert.Equal(["STATUS=1/2 tunnels up"], notifier.Messages);
    }

    [Fact]
    public async Task ReportOnce_SupervisorHangs_WithholdsTheWatchdogAfterTheDeadline()
    {
        var notifier = new RecordingNotifier(TimeSpan.FromSeconds(20));
        var never = new TaskCompletionSource();
        _controller.Hang = never.Task;
        var reporter = Reporter(notifier);

        var report = reporter.ReportOnceAsync(CancellationToken.None);
        await _time.WaitForArmedAsync(2, Timeouts.Event);
        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.False(await report.WaitAsync(Timeouts.Event));
        Assert.Equal(["STATUS=supervisor not answering within 5s"], notifier.Messages);
    }

    [Fact]
    public async Task ReportOnce_AfterRejectedReload_StatusCarriesTheError()
    {
        var notifier = new RecordingNotifier();
        _runtime.LastReloadError = "tunnels.conf:3:1: unknown key";

        await Reporter(notifier).ReportOnceAsync(CancellationToken.None);

        Assert.Equal(["STATUS=1/2 tunnels up; last reload rejected: tunnels.conf:3:1: unknown key"], notifier.Messages);
    }

    [Theory]
    [InlineData(null, 10)]
    [InlineData(60, 10)]
    [InlineData(8, 4)]
    public void Period_WithWatchdog_IsHalfTheWatchdogWhenShorter(int? watchdogSeconds, int expectedSeconds)
    {
        var notifier = new RecordingNotifier(watchdogSeconds is { } s ? TimeSpan.FromSeconds(s) : null);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), Reporter(notifier).Period);
    }

    private StatusReporter Reporter(RecordingNotifier notifier) =>
        new(
            _runtime,
            new DaemonComponents(new TestConfigLoader("/tmp/state", _runtime.Settings.Control), new FakeControllerFactory(_controller, _time), null, notifier, _time),
            new DaemonOptions(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)),
            NullLogger<StatusReporter>.Instance);
}
