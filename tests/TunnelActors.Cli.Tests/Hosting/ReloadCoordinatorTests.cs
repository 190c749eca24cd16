using Microsoft.Extensions.Logging.Abstractions;
using TunnelActors.Cli.Configuration;
using TunnelActors.Cli.Hosting;
using TunnelActors.Cli.Tests.Support;
using TunnelActors.Core.Configuration;

namespace TunnelActors.Cli.Tests.Hosting;

public sealed class ReloadCoordinatorTests
{
    private readonly FakeTunnelController _controller = new();
    private readonly RecordingNotifier _notifier = new();
    private readonly TunnelRuntime _runtime = new("/etc/t.conf", TestSettings.Create("/tmp/state", ["alpha", "beta"]));
    private Func<string, ConfigLoadResult> _load = _ => throw new InvalidOperationException("no load expected");

    public ReloadCoordinatorTests()
    {
        _controller.Load(_runtime.Settings, TimeProvider.System);
        _runtime.Controller = _controller;
    }

    [Fact]
    public async Task Reload_InvalidFile_RejectsKeepsSettingsAndBracketsWithReloadingReady()
    {
        var before = _runtime.Settings;
        _load = path => ConfigLoadResult.Invalid([$"{path}:4:2: expected '='"]);

        var outcome = await Coordinator().ReloadAsync("test", CancellationToken.None);

        Assert.False(outcome.Applied);
        Assert.Equal<string>(["/etc/t.conf:4:2: expected '='"], outcome.Errors);
        Assert.Same(before, _runtime.Settings);
        Assert.Equal("/etc/t.conf:4:2: expected '='", _runtime.LastReloadError);
        Assert.Empty(_controller.AppliedSettings);
        Assert.Equal(["RELOADING=1", "READY=1", "STATUS=reload rejected (1 errors, previous configuration kept): /etc/t.conf:4:2: expected '='"], _notifier.Messages);
    }

    [Fact]
    public async Task Reload_LoaderThrows_IsARejectionNotACrash()
    {
        _load = _ => throw new IOException("disk on fire");

        var outcome = await Coordinator().ReloadAsync("test", CancellationToken.None);

        Assert.False(outcome.Applied);
        Assert.Equal<string>(["/etc/t.conf: disk on fire"], outcome.Errors);
    }

    [Fact]
    public async Task Reload_ValidFile_AppliesAndReplacesTheSettings()
    {
        var next = TestSettings.Create("/tmp/state", ["beta", "gamma"]);
        _load = _ => ConfigLoadResult.Valid(next);
        _runtime.LastReloadError = "an older error";

        var outcome = await Coordinator().ReloadAsync("test", CancellationToken.None);

        Assert.True(outcome.Applied);
        Assert.Equal(["gamma"], outcome.Diff!.Added.Select(t => t.Name));
        Assert.Equal<string>(["alpha"], outcome.Diff.Removed);
        Assert.Same(next, _runtime.Settings);
        Assert.Same(next, Assert.Single(_controller.AppliedSettings));
        Assert.Null(_runtime.LastReloadError);
        Assert.Equal(["RELOADING=1", "READY=1", "STATUS=reloaded: 1 added, 1 removed, 0 changed"], _notifier.Messages);
    }

    [Fact]
    public async Task Reload_SupervisorFailsToApply_RejectsAndKeepsTheSettings()
    {
        var before = _runtime.Settings;
        _load = _ => ConfigLoadResult.Valid(TestSettings.Create("/tmp/state", ["gamma"]));
        _controller.Failure = new InvalidOperationException("mailbox full");

        var outcome = await Coordinator().ReloadAsync("test", CancellationToken.None);

        Assert.False(outcome.Applied);
        Assert.Contains("mailbox full", outcome.Errors[0], StringComparison.Ordinal);
        Assert.Same(before, _runtime.Settings);
    }

    [Fact]
    public async Task Reload_BeforeTheSupervisorRuns_IsRejected()
    {
        _runtime.Controller = null;
        _load = _ => ConfigLoadResult.Valid(TestSettings.Create("/tmp/state", ["gamma"]));

        var outcome = await Coordinator().ReloadAsync("test", CancellationToken.None);

        Assert.False(outcome.Applied);
        Assert.Contains("still starting", outcome.Errors[0], StringComparison.Ordinal);
    }

    private ReloadCoordinator Coordinator() =>
        new(
            _runtime,
            new DaemonComponents(new DelegateConfigLoader(p => _load(p)), new FakeControllerFactory(_controller, TimeProvider.System), null, _notifier, TimeProvider.System),
            NullLogger<ReloadCoordinator>.Instance);
}
