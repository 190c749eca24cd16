using System.Collections.Immutable;

namespace TunnelActors.Cli.Doctor;

/// <summary>The diagnosis of one tunnel: every step in order.</summary>
/// <param name="Tunnel">The tunnel's name.</param>
/// <param name="ConfigPath">The configuration file read.</param>
/// <param name="Steps">The steps, in the order they ran.</param>
public sealed record DoctorReport(string Tunnel, string ConfigPath, ImmutableArray<DoctorStep> Steps)
{
    /// <summary>Whether any step failed.</summary>
    public bool Failed => Steps.Any(s => s.Verdict == Verdict.Fail);

    /// <summary>0 when no step failed, 1 otherwise.</summary>
    public int ExitCode => Failed ? 1 : 0;
}
