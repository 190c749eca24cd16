namespace TunnelActors.Cli.Doctor;

/// <summary>A process that has a listening socket open.</summary>
/// <param name="Pid">Its process id.</param>
/// <param name="CommandLine">Its command line (arguments joined by spaces), or its name.</param>
public sealed record PortHolder(int Pid, string CommandLine)
{
    /// <inheritdoc />
    public override string ToString() => $"pid {Pid} ({CommandLine})";
}
