using TunnelActors.Core.Configuration;

namespace TunnelActors.Core.Tests.Fixtures;

/// <summary>Settings records with test-friendly values (the HOCON defaults are not bound here).</summary>
public static class TestSettings
{
    /// <summary>Monitor settings with short timings.</summary>
    public static MonitorSettings Monitor(MonitorMode mode, LoopTransport transport = LoopTransport.Unix, int? port = null, int echoPort = 7, string remoteSocketDir = "/tmp") =>
        new(mode, transport, port, echoPort, remoteSocketDir,
            FirstProbeDelay: TimeSpan.FromMilliseconds(200),
            Interval: TimeSpan.FromSeconds(1),
            Timeout: TimeSpan.FromSeconds(1),
            MinTimeout: TimeSpan.FromMilliseconds(200),
            MaxTimeout: TimeSpan.FromSeconds(5),
            ConfirmRetries: 1,
            ConfirmInterval: TimeSpan.FromMilliseconds(200));

    /// <summary>Backoff 1 s to 60 s, 20 % jitter, stable after 30 s, immediate first restart.</summary>
    public static BackoffSettings Backoff(
        TimeSpan? min = null, TimeSpan? max = null, double randomFactor = 0.2, TimeSpan? stableAfter = null, bool immediateFirstRestart = true) =>
        new(min ?? TimeSpan.FromSeconds(1), max ?? TimeSpan.FromSeconds(60), randomFactor, stableAfter ?? TimeSpan.FromSeconds(30), immediateFirstRestart);

    /// <summary>Limits that never give up (gate 0, no caps), unless overridden.</summary>
    public static LimitsSettings Limits(TimeSpan? gateTime = null, int? maxStarts = null, TimeSpan? maxLifetime = null, bool restartOnCleanExit = false) =>
        new(gateTime ?? TimeSpan.Zero, maxStarts, maxLifetime, restartOnCleanExit);
}
