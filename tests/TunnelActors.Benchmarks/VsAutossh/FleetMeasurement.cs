namespace TunnelActors.Benchmarks.VsAutossh;

/// <summary>What one fleet run of one tool measured.</summary>
internal sealed record FleetMeasurement
{
    public Sample? Startup { get; init; }

    public int StartupAnswered { get; init; }

    public double SupervisorRssMb { get; init; }

    public double SupervisorPssMb { get; init; }

    public double SupervisorCpuPercent { get; init; }

    public double SshRssMb { get; init; }

    public double SshPssMb { get; init; }

    public double SshCpuPercent { get; init; }

    public Sample? Reconnect { get; init; }

    public int ReconnectAnswered { get; init; }

    public int Refused { get; init; }

    public string? Problem { get; init; }
}
