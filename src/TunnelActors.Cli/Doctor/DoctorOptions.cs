namespace TunnelActors.Cli.Doctor;

/// <summary>Time limits of one diagnosis.</summary>
/// <param name="ConnectTimeout">ssh's ConnectTimeout for the one-shot connection (overrides the tunnel's).</param>
/// <param name="UpTimeout">How long the one-shot ssh may take to authenticate and set up its forwards.</param>
/// <param name="HoldTime">How long a connection to the forward must stay open to count as accepted.</param>
/// <param name="ToolTimeout">Limit for <c>ssh -G</c> and <c>ssh-keygen -F</c>.</param>
/// <param name="StopGrace">Grace period between SIGTERM and SIGKILL when the one-shot ssh is stopped.</param>
public sealed record DoctorOptions(TimeSpan ConnectTimeout, TimeSpan UpTimeout, TimeSpan HoldTime, TimeSpan ToolTimeout, TimeSpan StopGrace)
{
    /// <summary>Defaults: connect 5 s, up 20 s, hold 1.5 s, tools 15 s, stop grace 3 s.</summary>
    public static DoctorOptions Default { get; } = new(
        TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(3));
}
